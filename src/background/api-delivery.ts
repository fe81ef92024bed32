import type { CommentContext } from '../shared/comment-context';
import type { GraphError } from '../shared/graph';
import type { DeliveryReply } from '../shared/messages';
import type { OutreachEntry } from '../shared/outreach';
import { announceFanChange } from './change-feed';
import { withDatabase } from './database';
import { canReplyPrivately, sendPrivateReply } from './graph-api';
import { backoffUntil, callFor, startBackoff, type loadConnection } from './graph-connection';
import { getOutreach, settleOutreach, type SettleDetails } from './outreach-store';
import { RequestError } from './request-error';

type Connection = NonNullable<Awaited<ReturnType<typeof loadConnection>>>;

/** Does the Graph API connection speak for the Page this comment is on, and can it name the comment? */
export function graphCanDeliver(
  connection: Connection | null,
  comment: CommentContext,
): connection is Connection {
  if (!connection || !comment.graphCommentId) return false;
  return comment.pageId === connection.page.id || comment.pageName === connection.page.name;
}

async function settle(
  entryId: string,
  status: 'sent' | 'failed' | 'unknown',
  now: number,
  details: SettleDetails = {},
): Promise<OutreachEntry | null> {
  const entry = await withDatabase((db) => settleOutreach(db, entryId, status, now, details));
  if (entry) await announceFanChange({ pageId: entry.pageId, fanId: entry.fanId }, now);
  return entry;
}

async function refused(entryId: string, error: GraphError, now: number): Promise<DeliveryReply> {
  await settle(entryId, 'failed', now, { deliveryError: error });
  return { via: 'api', status: 'failed', error };
}

/**
 * Sends a reserved entry as a private reply through the Graph API: one request, never repeated. The
 * entry stays reserved while it is in flight, so a worker killed meanwhile leaves it "unknown".
 * Facebook's refusals (nothing sent) release the comment; timeouts and server errors are unknown.
 */
export async function deliverViaGraph(
  entryId: string,
  connection: Connection,
  graphCommentId: string,
  now: number,
): Promise<DeliveryReply> {
  const entry = await withDatabase((db) => getOutreach(db, entryId));
  if (entry?.status !== 'reserved') throw new RequestError('not-found', 'errorEntryGone');
  const resting = await backoffUntil(now);
  if (resting !== null) {
    await settle(entryId, 'failed', now, { deliveryError: 'rate-limited' });
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
      await settle(entryId, 'sent', settledAt, sent.data.messageId ? { messageId: sent.data.messageId } : {});
      return { via: 'api', status: 'sent' };
    case 'refused':
      if (sent.error === 'rate-limited') await startBackoff(settledAt);
      return refused(entryId, sent.error, settledAt);
    case 'unknown':
      await settle(entryId, 'unknown', settledAt);
      return { via: 'api', status: 'unknown' };
  }
}
