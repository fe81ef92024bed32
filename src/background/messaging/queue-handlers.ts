import {
  CommentsListReplySchema,
  NextCommentReplySchema,
  type PopupToBackground,
} from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { askTab, pick } from '../compose/pick-comment';
import { commentQueue } from '../triage/comment-queue';
import type { HandlerMap } from '../handler-map';

/** The side panel's queue: the comments a tab shows that need an answer, and picking one of them. */
export const queueHandlers: HandlerMap<Extract<PopupToBackground, { type: 'queue/list' | 'queue/pick' }>> = {
  async 'queue/list'({ tabId }) {
    const listed = await askTab(tabId, { type: 'comments/list' }, CommentsListReplySchema);
    if (!listed) return { entries: [] };
    return { entries: await withDatabase((db) => commentQueue(db, listed.comments)) };
  },

  async 'queue/pick'({ tabId, commentId }, { now }) {
    const found = await askTab(tabId, { type: 'comments/pick', commentId }, NextCommentReplySchema);
    if (!found?.comment) return { picked: false };
    await pick({ ...found, comment: found.comment }, tabId, now);
    return { picked: true };
  },
};
