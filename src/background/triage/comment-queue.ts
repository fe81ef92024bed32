import type { CommentContext } from '../../shared/comment-context';
import type { QueueEntry } from '../../shared/messages';
import { excerpt } from '../../shared/placeholders';
import type { TriageKind } from '../../shared/triage';
import type { OutreachDatabase } from '../storage/schema';
import { forgottenAliases } from '../fans/forgotten-fans';
import { pageModel } from './page-model';
import { triageComment } from './suggest';

/** The order a busy thread is worked through: what waits on the Page first, then abuse, then thanks. */
const QUEUE_RANK: Record<TriageKind, number> = { question: 0, complaint: 0, abusive: 1, praise: 2 };

/**
 * Has the comment been answered already: in the log (this browser's sends and the team's, a forgotten
 * fan's tombstones included), or by a private reply Facebook notes under it? A send that failed
 * answered nothing.
 */
async function answered(db: OutreachDatabase, comment: CommentContext): Promise<boolean> {
  if (comment.answeredPrivately) return true;
  const aliases = await forgottenAliases(db, {
    pageId: comment.pageId,
    fanId: comment.authorId,
    commentId: comment.commentId,
  });
  const index = db.transaction('outreach').store.index('byComment');
  const entries = [...(await index.getAll(comment.commentId)), ...(await index.getAll(aliases.commentId))];
  return entries.some((entry) => entry.status !== 'failed');
}

/**
 * The side panel's queue for the comments a tab shows: each unanswered one with a kind, by its Page's
 * model, questions and complaints first, then abuse, then praise, each in page order.
 */
export async function commentQueue(
  db: OutreachDatabase,
  comments: readonly CommentContext[],
): Promise<QueueEntry[]> {
  const models = new Map<string, Awaited<ReturnType<typeof pageModel>>>();
  const entries: QueueEntry[] = [];
  const seen = new Set<string>();
  for (const comment of comments) {
    if (seen.has(comment.commentId) || (await answered(db, comment))) continue;
    seen.add(comment.commentId);
    let model = models.get(comment.pageId);
    if (!model) models.set(comment.pageId, (model = await pageModel(db, comment.pageId)));
    const suggestion = triageComment(comment.text, model).suggestion;
    if (!suggestion) continue;
    entries.push({
      commentId: comment.commentId,
      authorName: comment.authorName,
      excerpt: excerpt(comment.text),
      ...suggestion,
    });
  }
  // Array.prototype.sort is stable: page order holds within a rank.
  return entries.sort((a, b) => QUEUE_RANK[a.kind] - QUEUE_RANK[b.kind]);
}
