import { graphRequest, isText, parseGraphTime, type GraphCall, type GraphOutcome } from './graph-request';

/** The Page a token belongs to: its id, name and, where it has one, its vanity (`username`). */
export async function readTokenPage(call: GraphCall): Promise<GraphOutcome<GraphPage>> {
  const outcome = await graphRequest<{ id?: unknown; name?: unknown; username?: unknown }>(
    '/me?fields=id,name,username',
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const { id, name, username } = outcome.data;
  if (!isText(id) || !isText(name)) return { kind: 'refused', error: 'rejected' };
  return { kind: 'ok', data: { id, name, ...(isText(username) ? { username } : {}) } };
}

export interface GraphPage {
  id: string;
  name: string;
  /** The Page's vanity, as in `facebook.com/<username>`: how the page names it in its links. */
  username?: string;
}

/** Whether the token can read the Page's conversations (Messenger access, `pages_messaging`). */
export async function canReadConversations(call: GraphCall): Promise<GraphOutcome<boolean>> {
  const outcome = await graphRequest('/me/conversations?fields=id&limit=1', call);
  if (outcome.kind === 'refused' && outcome.error === 'permission-missing')
    return { kind: 'ok', data: false };
  return outcome.kind === 'ok' ? { kind: 'ok', data: true } : outcome;
}

/** Facebook's own `can_reply_privately` for a comment, where the token may read it. */
export async function canReplyPrivately(
  call: GraphCall,
  graphCommentId: string,
): Promise<GraphOutcome<boolean>> {
  const outcome = await graphRequest<{ can_reply_privately?: unknown }>(
    `/${encodeURIComponent(graphCommentId)}?fields=can_reply_privately`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const flag = outcome.data.can_reply_privately;
  return typeof flag === 'boolean' ? { kind: 'ok', data: flag } : { kind: 'unknown', cause: 'server' };
}

/** Sends a private reply to a comment (Private Replies): one request, never repeated by this function. */
export async function sendPrivateReply(
  call: GraphCall,
  pageId: string,
  graphCommentId: string,
  text: string,
): Promise<GraphOutcome<{ messageId: string }>> {
  const outcome = await graphRequest<{ message_id?: unknown }>(
    `/${encodeURIComponent(pageId)}/messages`,
    call,
    {
      recipient: { comment_id: graphCommentId },
      message: { text },
    },
  );
  if (outcome.kind !== 'ok') return outcome;
  const messageId = outcome.data.message_id;
  // Facebook said yes without a message id: sent, surely, but the log cannot point at it.
  return { kind: 'ok', data: { messageId: isText(messageId) ? messageId : '' } };
}

/** Who wrote a comment, as the Page sees them: the id its conversations use, and their name. */
export async function commentAuthor(
  call: GraphCall,
  graphCommentId: string,
): Promise<GraphOutcome<{ id: string; name: string }>> {
  const outcome = await graphRequest<{ from?: { id?: unknown; name?: unknown } }>(
    `/${encodeURIComponent(graphCommentId)}?fields=from`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const { id, name } = outcome.data.from ?? {};
  return isText(id)
    ? { kind: 'ok', data: { id, name: isText(name) ? name : '' } }
    : { kind: 'unknown', cause: 'server' };
}

interface ConversationsBody {
  data?: Array<{ messages?: { data?: Array<{ created_time?: unknown; from?: { id?: unknown } }> } }>;
}

/** When the Page itself wrote to this person, newest `limit` messages of their conversation. */
export async function pageMessageTimes(
  call: GraphCall,
  pageId: string,
  userId: string,
  limit: number,
): Promise<GraphOutcome<number[]>> {
  const fields = `messages.limit(${limit}){created_time,from}`;
  const outcome = await graphRequest<ConversationsBody>(
    `/${encodeURIComponent(pageId)}/conversations?platform=messenger&user_id=${encodeURIComponent(userId)}&fields=${encodeURIComponent(fields)}`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  const messages = (outcome.data.data ?? []).flatMap((conversation) => conversation.messages?.data ?? []);
  const times = messages
    .filter((message) => message.from?.id === pageId && typeof message.created_time === 'string')
    .map((message) => parseGraphTime(message.created_time as string))
    .filter((time) => Number.isFinite(time));
  return { kind: 'ok', data: times };
}
