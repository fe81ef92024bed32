import type { CommentContext } from '../shared/comment-context';
import { PAUSING_ERRORS, type GraphError, type PausingError } from '../shared/graph';
import type { DeliveryReply } from '../shared/messages';
import type { OutreachEntry } from '../shared/outreach';
import { canReplyPrivately, commentAuthor, sendPrivateReply, type Refusal } from './graph-api';
import { callFor, graphPause, pauseGraph, speaksFor, type StoredConnection } from './graph-connection';
import { recordDeliveryOutcome } from './delivery-outcome';
import { withDatabase } from './database';
import { markUnavailable } from './fan-store';

/** Does the Graph API connection speak for the Page this comment is on, and can it name the comment? */
export function graphCanDeliver(
  connection: StoredConnection | null,
  comment: CommentContext,
): connection is StoredConnection {
  return (
    connection !== null && comment.graphCommentId !== undefined && speaksFor(connection.page, comment.pageId)
  );
}

const isPausing = (error: GraphError): error is PausingError =>
  (PAUSING_ERRORS as readonly GraphError[]).includes(error);
/** Answers about the Page or its token, not this comment: whatever was being read, nothing is sent. */
const PAGE_WIDE: ReadonlySet<GraphError> = new Set([...PAUSING_ERRORS, 'token-expired', 'checkpoint']);

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

type ApiReply = Extract<DeliveryReply, { via: 'api' }>;

async function rememberUnavailable(entry: OutreachEntry, now: number): Promise<void> {
  const fan = { pageId: entry.pageId, fanId: entry.fanId, name: entry.fanName, profileUrl: entry.fanUrl };
  await withDatabase((db) => markUnavailable(db, fan, now));
}

async function refused(entryId: string, error: GraphError, now: number, retryAt?: number): Promise<ApiReply> {
  await recordDeliveryOutcome(entryId, 'failed', now, { deliveryError: error });
  return { via: 'api', status: 'failed', error, ...(retryAt === undefined ? {} : { retryAt }) };
}

/** Not sent; a page-wide answer also pauses the Page's Graph API use, and says until when. */
async function refusedBy(
  entryId: string,
  pageId: string,
  { error, retryAfterMs }: Refusal,
  now: number,
): Promise<ApiReply> {
  if (!isPausing(error)) return refused(entryId, error, now);
  const pause = await pauseGraph(pageId, error, now, retryAfterMs);
  return refused(entryId, error, now, pause.until);
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
  const pageId = connection.page.id;
  const paused = await graphPause(pageId, now);
  if (paused) return refused(entryId, paused.reason, now, paused.until);
  const call = await callFor(connection);
  // Facebook's own flag, where the token may read it: say why not before trying.
  const allowed = await canReplyPrivately(call, graphCommentId);
  if (allowed.kind === 'ok' && !allowed.data) return refused(entryId, 'cannot-reply', now);
  if (allowed.kind === 'refused' && PAGE_WIDE.has(allowed.error))
    return refusedBy(entryId, pageId, allowed, now);
  // The comment id came from the page: the message goes only to the fan the admin saw and confirmed.
  const author = await commentAuthor(call, graphCommentId);
  if (author.kind === 'refused' && PAGE_WIDE.has(author.error))
    return refusedBy(entryId, pageId, author, now);
  if (author.kind !== 'ok') return refused(entryId, 'recipient-unconfirmed', now);
  if (!isConfirmedFan(author.data, entry)) return refused(entryId, 'wrong-recipient', now);

  const sent = await sendPrivateReply(call, pageId, graphCommentId, entry.text);
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
      // Facebook will not deliver to this person: remembered for the fan, not only for this entry.
      if (sent.error === 'user-unavailable') await rememberUnavailable(entry, settledAt);
      return refusedBy(entryId, pageId, sent, settledAt);
    case 'unknown':
      await recordDeliveryOutcome(entryId, 'unknown', settledAt);
      return { via: 'api', status: 'unknown' };
  }
}
