import {
  CommentsListReplySchema,
  NextCommentReplySchema,
  type PopupToBackground,
} from '../../shared/messages';
import { excerpt } from '../../shared/placeholders';
import { withDatabase } from '../storage/database';
import { askTab, pick } from '../compose/pick-comment';
import { fanProfile, pickedTarget } from '../compose/picked-target';
import { correctTriage } from '../fans/fan-store';
import { commentSuggestion } from '../triage/comment-kinds';
import { commentQueue } from '../triage/comment-queue';
import { loadTriageLearning, resetTriage, setLearnFromTeam } from '../triage/triage-learning';
import type { HandlerMap } from '../handler-map';

type TriageMessage = Extract<
  PopupToBackground,
  {
    type:
      | 'queue/list'
      | 'queue/pick'
      | 'triage/correct'
      | 'triage/learning'
      | 'triage/learn-from-team'
      | 'triage/reset';
  }
>;

/**
 * The comment triage's messages: the side panel's queue (the comments a tab shows that need an
 * answer, and picking one), the admin's corrections, and what it may learn from.
 */
export const triageHandlers: HandlerMap<TriageMessage> = {
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

  async 'triage/correct'({ commentId, label }, { now }) {
    const target = await pickedTarget(commentId);
    const { comment } = target;
    return withDatabase(async (db) => {
      await correctTriage(db, fanProfile(target), { commentId, text: excerpt(comment.text), label }, now);
      return { triage: await commentSuggestion(db, comment.pageId, comment.text) };
    });
  },

  async 'triage/learning'() {
    return withDatabase(loadTriageLearning);
  },

  async 'triage/learn-from-team'({ learnFromTeam }) {
    return withDatabase((db) => setLearnFromTeam(db, learnFromTeam));
  },

  async 'triage/reset'(_message, { now }) {
    return withDatabase((db) => resetTriage(db, now));
  },
};
