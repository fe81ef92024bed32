import type { CommentContext } from '../shared/comment-context';
import type { GraphError } from '../shared/graph';
import type { DeliveryReply } from '../shared/messages';
import type { OutreachEntry } from '../shared/outreach';
import { canReplyPrivately, commentAuthor, sendPrivateReply } from './graph-api';
import { backoffUntil, callFor, startBackoff, type StoredConnection } from './graph-connection';
import { recordDeliveryOutcome } from './delivery-outcome';

/** Does the Graph API connection speak for the Page this comment is on, and can it name the comment? */
export function graphCanDeliver(
  connection: StoredConnection | null,
  comment: CommentContext,
): connection is StoredConnection {
  if (!connection || !comment.graphCommentId) return false;
  return comment.pageId === connection.page.id || comment.pageName === connection.page.name;
}

/** Names as Facebook and the page write them, told apart only by case, spacing and invisible marks. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) =>
    name
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLocaleLowerCase();
  return plain(a) !== '' && plain(a) === plain(b);
}

/** Is the comment's author, as Facebook names them, the fan the admin confirmed the message for? */
function isConfirmedFan(author: { id: string; name: string }, entry: OutreachEntry): boolean {
  return author.id === entry.fanId || sameName(author.name, entry.fanName);
}

async function refused(entryId: string, error: GraphError, now: number): Promise<DeliveryReply> {
  await recordDeliveryOutcome(entryId, 'failed', now, { deliveryError: error });
  return { via: 'api', status: 'failed', error };
}

/**
 * Sends a claimed entry as a private reply through the Graph API: one request, never repeated. The
 * entry stays `sending` while it is in flight, so a worker killed meanwhile leaves it "unknown".
 * Facebook's refusals (nothing sent) release the comment; timeouts and server errors are unknown.
 */
export async function deliverViaGraph(
  entry: OutreachEntry,
  connection: StoredConnection,
  graphCommentId: string,
  now: number,
): Promise<DeliveryReply> {
  const entryId = entry.id;
  const resting = await backoffUntil(now);
  if (resting !== null) {
    await recordDeliveryOutcome(entryId, 'failed', now, { deliveryError: 'rate-limited' });
    return { via: 'api', status: 'failed', error: 'rate-limited', retryAt: resting };
  }
  const call = await callFor(connection);
  // Facebook's own flag, where the token may read it: say why not before trying.
  const allowed = await canReplyPrivately(call, graphCommentId);
  if (allowed.kind === 'ok' && !allowed.data) return refused(entryId, 'cannot-reply', now);
  if (allowed.kind === 'refused' && allowed.error === 'token-expired')
    return refused(entryId, 'token-expired', now);
  // The comment id came from the page: the message goes only to the fan the admin saw and confirmed.
  const author = await commentAuthor(call, graphCommentId);
  if (author.kind !== 'ok') return refused(entryId, 'recipient-unconfirmed', now);
  if (!isConfirmedFan(author.data, entry)) return refused(entryId, 'wrong-recipient', now);

  const sent = await sendPrivateReply(call, connection.page.id, graphCommentId, entry.text);
  const settledAt = Date.now();
  switch (sent.kind) {
    case 'ok':
      await recordDeliveryOutcome(
        entryId,
        'sent',
        settledAt,
        sent.data.messageId ? { messageId: sent.data.messageId } : {},
      );
      return { via: 'api', status: 'sent' };
    case 'refused':
      // Facebook holds a private reply on this comment already (another admin's, or an earlier try
      // whose answer was lost): the comment is answered, so the entry counts as sent.
      if (sent.error === 'already-answered') {
        await recordDeliveryOutcome(entryId, 'sent', settledAt, { deliveryError: sent.error });
        return { via: 'api', status: 'sent', error: sent.error };
      }
      if (sent.error === 'rate-limited') await startBackoff(settledAt);
      return refused(entryId, sent.error, settledAt);
    case 'unknown':
      await recordDeliveryOutcome(entryId, 'unknown', settledAt);
      return { via: 'api', status: 'unknown' };
  }
}
