import { z } from 'zod';
import { GRAPH_ERRORS, PAUSING_ERRORS } from '../graph';
import { defineMessage, done } from './define';

/** Shortest and longest Page access token accepted: Facebook's are some 200 characters. */
const MIN_GRAPH_TOKEN = 20;
const MAX_GRAPH_TOKEN = 1000;

export const GraphErrorSchema = z.enum(GRAPH_ERRORS);

/** The Graph API rests for this Page until `until`, because Facebook answered `reason`. */
export const GraphPauseSchema = z.strictObject({
  pageId: z.string(),
  until: z.number(),
  reason: z.enum(PAUSING_ERRORS),
});
export type GraphPause = z.infer<typeof GraphPauseSchema>;

/** A Page connected to the Graph API, as the extension's pages may see it: never the token. */
export const ConnectedPageSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The token can read the Page's conversations (and so, its messages from other admins). */
  canReadConversations: z.boolean(),
  /** Kept on this computer across browser restarts, not only for this browser session. */
  remembered: z.boolean(),
});
export type ConnectedPage = z.infer<typeof ConnectedPageSchema>;

/** The Page connected to the Graph API, if any (never its token). */
export const graphStatus = defineMessage(
  'graph/status',
  {},
  z.strictObject({ page: ConnectedPageSchema.nullable() }),
);

/** Checks a Page access token with Facebook and keeps it, for this session or (remember) for good. */
export const graphConnect = defineMessage(
  'graph/connect',
  {
    token: z
      .string()
      .trim()
      .min(MIN_GRAPH_TOKEN)
      .max(MAX_GRAPH_TOKEN)
      .regex(/^[\w.|-]+$/),
    remember: z.boolean(),
  },
  z.strictObject({ page: ConnectedPageSchema }),
);

export const graphDisconnect = defineMessage('graph/disconnect', {}, done);

export const GRAPH_MESSAGES = [graphStatus, graphConnect, graphDisconnect] as const;
