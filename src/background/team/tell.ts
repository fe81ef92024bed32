import { isOverridable, type OutreachEntry } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { announceEntryChange } from '../outreach/change-feed';
import { markOverTeamLimit, markTeamConfirmed, teamPending } from '../outreach/settle';
import { counts, evaluate } from '../policy/frequency-policy';
import { withDatabase } from '../storage/database';
import { outboxOf, settleTold } from '../storage/outbox';
import type { FanDocument, OutboxItem } from '../storage/schema';
import { contactDocumentOf, contactId } from './contact-document';
import { writeContactDocuments } from './contacts';
import { commentKeyUnder, fanKeyUnder } from './fan-document';
import { forgottenFanKeys, tellForget } from './forget';
import { changeFanDocument, contactOf, teamHistory, teamStanding, type AskedComment } from './gate';
import { tellMark } from './marks';
import type { Membership } from './membership';
import { tellNote } from './notes';
import type { TeamDocument } from './setup';
import { teamSettings } from './state';

/**
 * Passes over the outbox one sync makes at most: an item saved while a pass runs goes with the next
 * pass, and one saved while the last pass runs waits for the next sync.
 */
const MAX_PASSES = 3;

const itemId = (item: OutboxItem) => `${item.kind}:${item.subject}:${item.version}`;

/**
 * Tells the team what waits in this browser's outbox for it, in the order the team must hear it:
 * "do not contact" marks first (they stop sends), then contacts, forgotten fans, notes. Each item the
 * server takes leaves the outbox only if it is still the version told. Runs inside the team's lock
 * (lock.ts). True when nothing is left waiting.
 */
export async function tellOutbox(membership: Membership, now: number): Promise<boolean> {
  const { pageId } = membership;
  // Read on every sync, whatever waits: a send decided offline later follows the limits read here.
  const team = await teamSettings(membership, now);
  if (!team) return false;
  const tried = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const waiting = await withDatabase((db) => outboxOf(db, pageId));
    const items = waiting.filter((item) => !tried.has(itemId(item)));
    if (items.length === 0) break;
    for (const item of items) tried.add(itemId(item));
    await tellItems(membership, team, items, waiting, now);
  }
  return (await withDatabase((db) => outboxOf(db, pageId))).length === 0;
}

async function tellItems(
  membership: Membership,
  team: TeamDocument,
  items: readonly OutboxItem[],
  waiting: readonly OutboxItem[],
  now: number,
): Promise<void> {
  const told = (item: OutboxItem) => withDatabase((db) => settleTold(db, item));
  for (const item of items) {
    if (item.kind === 'mark' && (await tellMark(membership, team, item, now))) await told(item);
  }
  const forgets = items.filter((item) => item.kind === 'forget');
  const contacts = new Set(items.flatMap((item) => (item.kind === 'contact' ? [item.subject] : [])));
  if (contacts.size > 0) {
    const pending = await withDatabase((db) => teamPending(db, membership.pageId));
    // This pass's contacts only; a forgotten fan's key comes from whichever forget still waits.
    const entries = pending.filter((entry) => contacts.has(entry.id));
    await tellContacts(membership, team, entries, forgottenFanKeys(waiting), now);
  }
  if (forgets.length > 0) {
    const untold = new Set((await withDatabase((db) => teamPending(db, membership.pageId))).map((e) => e.id));
    for (const forget of forgets)
      if (await tellForget(membership, team.salt, forget, untold, now)) await told(forget);
  }
  for (const item of items) {
    if (item.kind === 'note' && (await tellNote(membership, team, item))) await told(item);
  }
}

/**
 * Tells the team this browser's waiting contacts: into each fan's document (the limits) and into the
 * shared log (the contact documents). Each one the server took leaves the outbox, unless it changed
 * meanwhile (see markTeamConfirmed).
 */
async function tellContacts(
  membership: Membership,
  team: TeamDocument,
  pending: readonly OutreachEntry[],
  forgottenKeys: ReadonlyMap<string, string>,
  now: number,
): Promise<void> {
  const byFan = new Map<string, OutreachEntry[]>();
  for (const entry of pending) {
    // A forgotten fan's id is gone: their contacts go under the key noted when they were forgotten.
    const fanKey = entry.forgotten ? forgottenKeys.get(entry.id) : await fanKeyUnder(team.salt, entry.fanId);
    if (fanKey) byFan.set(fanKey, [...(byFan.get(fanKey) ?? []), entry]);
  }
  for (const [fanKey, entries] of byFan) {
    const me = membership.user;
    // Each comment by its key on the team server (a tombstone's comment is an alias already).
    const asked = new Map(
      await Promise.all(
        entries.map(
          async (entry) =>
            [
              entry.id,
              { id: entry.commentId, key: await commentKeyUnder(team.salt, entry.commentId) },
            ] as const,
        ),
      ),
    );
    let over: OutreachEntry[] = [];
    const written = await changeFanDocument(
      membership,
      fanKey,
      ({ view, serverNow }) => {
        const known = new Set(view.recent.map((contact) => contact.c));
        // A contact the team hears of only now was decided offline: replayed against what the team held
        // before it, it may have gone over the team's limits. It was sent; it is marked, not undone.
        over = entries.filter(
          (entry) =>
            !known.has(entry.id) &&
            counts(entry) &&
            !allowedThen(entry, view, me, team.policy, asked.get(entry.id)!),
        );
        // A contact the team holds keeps what it was told first: only its status moves.
        return {
          contacts: entries.map((entry) => contactOf(entry, me, serverNow, asked.get(entry.id)!.key)),
        };
      },
      now,
    );
    if (written.kind !== 'written' && written.kind !== 'contended') return;
    // A forgotten fan's contacts stay out of the shared log: the strip takes care of copies there.
    const logged = entries.filter((entry) => !entry.forgotten);
    const inLog = await writeContactDocuments(
      membership,
      logged.map((entry) => contactDocumentOf(entry, fanKey, me)),
    );
    if (written.kind !== 'written') continue;
    // Once the fan's document holds them, an over-limit mark is decided now or never: the next sync
    // finds them known. Only entries the log took too are told.
    const told = entries.filter((entry) => entry.forgotten || inLog?.has(contactId(fanKey, entry)));
    await withDatabase(async (db) => {
      for (const entry of told) await markTeamConfirmed(db, entry);
      for (const entry of over) await markOverTeamLimit(db, entry.id);
    });
    // Open logs patch the rows whose team state changed.
    for (const entry of entries) await announceEntryChange(entry, now);
  }
}

/** Would the team's limits have allowed the entry, given what the team held from before it? */
function allowedThen(
  entry: OutreachEntry,
  doc: FanDocument,
  me: string,
  policy: PolicySettings,
  asked: AskedComment,
): boolean {
  const before = (time: number, id: string) =>
    time < entry.createdAt || (time === entry.createdAt && id < entry.id);
  const earlier = teamHistory(doc, entry, me, asked).filter((contact) =>
    before(contact.createdAt, contact.id),
  );
  const decidedBefore = <T extends { at: number }>(items: T[]) => items.filter((item) => before(item.at, ''));
  const marked = teamStanding(
    { ...doc, marks: decidedBefore(doc.marks), lifts: decidedBefore(doc.lifts) },
    me,
  );
  const verdict = evaluate(entry, earlier, policy, entry.createdAt, marked);
  return verdict.allowed || (entry.override !== undefined && isOverridable(verdict));
}
