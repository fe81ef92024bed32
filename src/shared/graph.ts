/**
 * Why the Graph API did not send a private reply, as the extension tells the admin. Each comes from a
 * definite answer by Facebook, so nothing new was sent (`already-answered`: the comment holds a private
 * reply, so its entry counts as sent); `unknown` outcomes (timeouts, server errors, answers without a
 * Graph error) are entries of their own status instead.
 */
export const GRAPH_ERRORS = [
  'token-expired',
  'permission-missing',
  'comment-too-old',
  'already-answered',
  'cannot-reply',
  'user-unavailable',
  'rate-limited',
  'page-restricted',
  'page-blocked',
  'checkpoint',
  'rejected',
  'wrong-recipient',
  'recipient-unconfirmed',
] as const;
export type GraphError = (typeof GRAPH_ERRORS)[number];

/** Facebook's answers that hold for the whole Page: the Graph API is not asked again for a while. */
export const PAUSING_ERRORS = ['rate-limited', 'page-restricted', 'page-blocked'] as const;
export type PausingError = (typeof PAUSING_ERRORS)[number];

export const isPausing = (error: GraphError): error is PausingError =>
  (PAUSING_ERRORS as readonly GraphError[]).includes(error);

/** The host the Graph API needs: optional, and asked for only when the admin connects a Page. */
export const GRAPH_HOST_PERMISSION = 'https://graph.facebook.com/*';
