import { isPausing, PAUSING_ERRORS, type GraphError } from '../../shared/graph';
import type { DeliveryReply } from '../../shared/messages';
import type { OutreachEntry } from '../../shared/outreach';
import { canReplyPrivately, commentAuthor, sendPrivateReply } from '../graph/graph-api';
import type { Refusal } from '../graph/graph-request';
import { callFor, graphPause, pauseGraph, type StoredConnection } from '../graph/graph-connection';
import { recordDeliveryOutcome } from './delivery-outcome';
import type { TeamPort } from '../team-port';
import { withDatabase } from '../storage/database';
import { markUnavailable } from '../fans/fan-store';

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

async function refused(
  team: TeamPort,
  entryId: string,
  error: GraphError,
  now: number,
  retryAt?: number,
): Promise<ApiReply> {
  await recordDeliveryOutcome(team, entryId, 'failed', now, { deliveryError: error });
  return { via: 'api', status: 'failed', error, ...(retryAt === undefined ? {} : { retryAt }) };
}

/** Not sent; a page-wide answer also pauses the Page's Graph API use, and says until when. */
async function refusedBy(
  team: TeamPort,
  entryId: string,
  pageId: string,
  { error, retryAfterMs }: Refusal,
  now: number,
): Promise<ApiReply> {
  if (!isPausing(error)) return refused(team, entryId, error, now);
  const pause = await pauseGraph(pageId, error, now, retryAfterMs);
  return refused(team, entryId, error, now, pause.until);
}

/**
 * Sends a claimed entry as a private reply through the Graph API: one request, never repeated. The
 * entry stays `sending` while it is in flight, so a worker killed meanwhile leaves it "unknown".
 * Facebook's refusals (nothing sent) release the comment; timeouts and server errors are unknown.
 */
export async function deliverViaGraph(
  team: TeamPort,
  entry: OutreachEntry,
  connection: StoredConnection,
  graphCommentId: string,
  now: number,
): Promise<DeliveryReply> {
  const entryId = entry.id;
  const pageId = connection.page.id;
  const paused = await graphPause(pageId, now);
  if (paused) return refused(team, entryId, paused.reason, now, paused.until);
  const call = await callFor(connection);
  // Facebook's own flag, where the token may read it: say why not before trying.
  const allowed = await canReplyPrivately(call, graphCommentId);
  if (allowed.kind === 'ok' && !allowed.data) return refused(team, entryId, 'cannot-reply', now);
  if (allowed.kind === 'refused' && PAGE_WIDE.has(allowed.error))
    return refusedBy(team, entryId, pageId, allowed, now);
  // The comment id came from the page: the message goes only to the fan the admin saw and confirmed.
  const author = await commentAuthor(call, graphCommentId);
  if (author.kind === 'refused' && PAGE_WIDE.has(author.error))
    return refusedBy(team, entryId, pageId, author, now);
  if (author.kind !== 'ok') return refused(team, entryId, 'recipient-unconfirmed', now);
  if (!isConfirmedFan(author.data, entry)) return refused(team, entryId, 'wrong-recipient', now);

  const sent = await sendPrivateReply(call, pageId, graphCommentId, entry.text);
  const settledAt = Date.now();
  switch (sent.kind) {
    case 'ok':
      await recordDeliveryOutcome(
        team,
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
        await recordDeliveryOutcome(team, entryId, 'sent', settledAt, { deliveryError: sent.error });
        return { via: 'api', status: 'sent', error: sent.error };
      }
      // Facebook will not deliver to this person: remembered for the fan, not only for this entry.
      if (sent.error === 'user-unavailable') await rememberUnavailable(entry, settledAt);
      return refusedBy(team, entryId, pageId, sent, settledAt);
    case 'unknown':
      await recordDeliveryOutcome(team, entryId, 'unknown', settledAt);
      return { via: 'api', status: 'unknown' };
  }
}
