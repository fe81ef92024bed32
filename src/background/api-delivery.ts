import type { CommentContext } from '../shared/comment-context';
import type { GraphError } from '../shared/graph';
import type { DeliveryReply } from '../shared/messages';
import type { OutreachEntry } from '../shared/outreach';
import { canReplyPrivately, sendPrivateReply } from './graph-api';
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

async function refused(entryId: string, error: GraphError, now: number): Promise<DeliveryReply> {
  await recordDeliveryOutcome(entryId, 'failed', now, { deliveryError: error });
  return { via: 'api', status: 'failed', error };
}

/**
 * Sends a reserved entry as a private reply through the Graph API: one request, never repeated. The
 * entry stays reserved while it is in flight, so a worker killed meanwhile leaves it "unknown".
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
      if (sent.error === 'rate-limited') await startBackoff(settledAt);
      return refused(entryId, sent.error, settledAt);
    case 'unknown':
      await recordDeliveryOutcome(entryId, 'unknown', settledAt);
      return { via: 'api', status: 'unknown' };
  }
}
