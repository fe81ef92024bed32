/**
 * Settling a send: the middle and end of reserve → deliver → confirm. Every move of an entry's status
 * is one readwrite transaction that checks the move against the entry as stored (canSettle), so news
 * that arrives late, twice, or from a dying worker changes nothing. A limit is freed only by `failed`,
 * on proof that nothing was sent; everything ambiguous ends `unknown` and keeps counting.
 *
 *   reserved ──deliver (claim)──▶ sending ──box took the text──▶ prepared ──Send seen──▶ sent
 *      │                           │  │                            │
 *      │                           │  └──clipboard──▶ copied       ├──closed with text──▶ failed
 *      │                           └──Graph API──▶ sent / failed   └──tab gone, timeout──▶ unknown
 *      └──worker restarts, timeout──▶ unknown ──a late confirmation──▶ sent / copied / failed
 *
 * On a team's Page each move also puts the entry's new state in the team outbox (storage/outbox.ts),
 * in the same transaction, and the team hears of it from there (team/tell.ts).
 */
import { canSettle, type EntryStatus, type OutreachEntry } from '../../shared/outreach';
import type { GraphError } from '../../shared/graph';
import type { OutreachDatabase } from '../storage/schema';
import { contactItem, dropFromOutbox, outboxOf, putInOutbox, settleTold } from '../storage/outbox';

/**
 * Records what became of a delivery, when the entry's current status allows that move (see
 * `canSettle`): news that arrives late or twice changes nothing and returns null. Not sent gives the
 * comment's slot back. `details` adds what the delivery learnt: the text as the admin edited it in
 * Facebook's message box, Facebook's message id, or why Facebook refused it.
 */
export async function settleOutreach(
  db: OutreachDatabase,
  entryId: string,
  status: Exclude<EntryStatus, 'reserved'>,
  now: number,
  details: SettleDetails = {},
): Promise<OutreachEntry | null> {
  const tx = db.transaction(['outreach', 'teamOutbox'], 'readwrite');
  const store = tx.objectStore('outreach');
  const entry = await store.get(entryId);
  // Another admin's contact is theirs to settle: this browser's copy follows the team's log.
  if (!entry || entry.author !== undefined || !canSettle(entry.status, status)) {
    await tx.done;
    return null;
  }
  const updated: OutreachEntry = { ...entry, status, updatedAt: now };
  // The team's copy of the contact has to learn the new status too.
  if (entry.team) updated.team = 'pending';
  if (status === 'failed') delete updated.commentSlot;
  if (status === 'sent' && details.sentText !== undefined) updated.sentText = details.sentText;
  if (details.messageId) updated.messageId = details.messageId;
  if (details.deliveryError) updated.deliveryError = details.deliveryError;
  await store.put(updated);
  if (updated.team) await putInOutbox(tx.objectStore('teamOutbox'), contactItem(updated));
  await tx.done;
  return updated;
}

export interface SettleDetails {
  sentText?: string;
  messageId?: string;
  deliveryError?: GraphError;
}

/** The team server now holds the entry as `told`; a state settled since keeps it waiting. */
export async function markTeamConfirmed(db: OutreachDatabase, told: OutreachEntry): Promise<void> {
  await settleTold(db, contactItem(told), (entry) =>
    entry.team === 'pending' ? { ...entry, team: 'confirmed' } : entry,
  );
}

/** The entry was made while the team could not be asked, and the team's limits did not allow it. */
export async function markOverTeamLimit(db: OutreachDatabase, entryId: string): Promise<void> {
  const tx = db.transaction('outreach', 'readwrite');
  const entry = await tx.store.get(entryId);
  if (entry && !entry.overTeamLimit) await tx.store.put({ ...entry, overTeamLimit: true });
  await tx.done;
}

/**
 * This browser's entries the team server has still to be told of, on one Page, as the outbox holds
 * them; an entry deleted from the log since leaves nothing to tell.
 */
export async function teamPending(db: OutreachDatabase, pageId: string): Promise<OutreachEntry[]> {
  const waiting = (await outboxOf(db, pageId)).filter((item) => item.kind === 'contact');
  const entries = await Promise.all(waiting.map((item) => db.get('outreach', item.subject)));
  await Promise.all(
    waiting.map((item, at) => (entries[at] ? null : dropFromOutbox(db, pageId, 'contact', item.subject))),
  );
  return entries.filter((entry): entry is OutreachEntry => entry !== undefined);
}
