import { routeMessage } from './checked-router';
import type { CommentContext } from '../../src/shared/comment-context';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup } from './senders';

/**
 * The admin's first two steps through the real router: pick `comment` on facebook.com, then reserve a
 * thank-you to its author from the popup. Returns the reserved entry's id.
 */
export async function pickAndReserveThanks(
  now: number,
  comment: CommentContext = giuliaComment,
): Promise<string> {
  await routeMessage({ type: 'target/select', comment }, facebookTab, now);
  const reply = await routeMessage(
    {
      type: 'outreach/reserve',
      commentId: comment.commentId,
      category: 'thanks',
      templateId: 'default-thanks-1-en',
      text: 'Hi Giulia!',
    },
    popup,
    now,
  );
  if (!reply.ok || !('entry' in reply.data) || !reply.data.entry) throw new Error('not reserved');
  return reply.data.entry.id;
}
