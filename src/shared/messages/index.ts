import type { z } from 'zod';
import { COMPOSE_MESSAGES } from './compose';
import { CONTENT_MESSAGES } from './content';
import { replySchemas, requestUnion } from './define';
import { DISCRETION_MESSAGES } from './discretion';
import { FAN_MESSAGES } from './fans';
import { GRAPH_MESSAGES } from './graph';
import { LOG_MESSAGES } from './log';
import { SETTINGS_MESSAGES } from './settings';
import { TEAM_MESSAGES } from './team';
import { TEMPLATE_MESSAGES } from './templates';
import { TRIAGE_MESSAGES } from './triage';

/**
 * The message protocol between the extension's parts. Each message is one definition (define.ts) of
 * its request and its reply, in a file per domain; this module gathers them per direction. The
 * background parses every request against its sender's union before anything else happens; the
 * reply types come from the same definitions (ReplyOf), never written by hand.
 */

const POPUP_MESSAGES = [
  ...COMPOSE_MESSAGES,
  ...FAN_MESSAGES,
  ...LOG_MESSAGES,
  ...TEMPLATE_MESSAGES,
  ...SETTINGS_MESSAGES,
  ...GRAPH_MESSAGES,
  ...TEAM_MESSAGES,
  ...DISCRETION_MESSAGES,
  ...TRIAGE_MESSAGES,
] as const;

/** Sent by the content script on facebook.com: untrusted, and never allowed to send anything itself. */
export const ContentToBackgroundSchema = requestUnion(CONTENT_MESSAGES);
/** Sent by the extension's own pages (popup, side panel, options, log). */
export const PopupToBackgroundSchema = requestUnion(POPUP_MESSAGES);

/** Each message's reply schema, by type: what a successful reply's `data` must be. */
export const REPLY_SCHEMAS = replySchemas([...CONTENT_MESSAGES, ...POPUP_MESSAGES]);

export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;
export type PopupToBackground = z.infer<typeof PopupToBackgroundSchema>;
export type ToBackground = ContentToBackground | PopupToBackground;
export type MessageType = ToBackground['type'];

/** What a message of type `K` answers with when it succeeds. */
export type ReplyOf<K extends MessageType> = z.infer<(typeof REPLY_SCHEMAS)[K]>;

export interface ErrorReply {
  ok: false;
  error: {
    code: 'invalid-request' | 'forbidden' | 'not-found' | 'storage' | 'unavailable' | 'internal';
    message: string;
  };
}

export type Reply<K extends MessageType> = { ok: true; data: ReplyOf<K> } | ErrorReply;

export { MAX_LOG_PAGE } from './log';
export { type CommentKind, type FanStatus } from './content';
export { type QueueEntry } from './triage';
export { type ConnectedPage, type GraphPause } from './graph';
export { type DeliveryReply, type PendingTarget, type PopupTeam } from './compose';
export {
  COMPOSER_FAILURES,
  ComposerFillReplySchema,
  ExtensionToContentSchema,
  CommentsListReplySchema,
  NextCommentReplySchema,
  type CommentsListReply,
  type NextCommentReply,
  type ComposerFailure,
  type ComposerFillReply,
  type ExtensionToContent,
} from './to-content';
