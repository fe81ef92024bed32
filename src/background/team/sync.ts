import browser from 'webextension-polyfill';
import { isOverridable, type OutreachEntry } from '../../shared/outreach';
import type { PopupTeam } from '../../shared/messages';
import type { PolicySettings } from '../../shared/policy-settings';
import { announceEntryChange } from '../outreach/change-feed';
import { withDatabase } from '../storage/database';
import { counts, evaluate } from '../policy/frequency-policy';
import { markOverTeamLimit, markTeamConfirmed, teamPending } from '../outreach/settle';
import { fanKeyUnder } from './fan-document';
import {
  contactOf,
  readFanDocument,
  teamHistory,
  teamStanding,
  withContacts,
  writeFanDocument,
  type StoredFanDocument,
} from './gate';
import { contactDocumentOf, contactId } from './contact-document';
import { writeContactDocuments } from './contacts';
import { forgottenFanKeys, tellPendingForgets } from './forget';
import { tellPendingMarks } from './marks';
import { pendingNotes, tellPendingNotes } from './notes';
import { pullTeam } from './pull';
import { tellTemplates } from './templates';
import { activeMembership, loadMemberships, type Membership } from './membership';
import { teamSettings } from './state';
import { teamKeys } from './local-state';

export const TEAM_SYNC_ALARM = 'team-sync';
/** How often a browser that has joined a team tells it what waited, and hears from it. */
export const TEAM_SYNC_PERIOD_MINUTES = 1;

/** Runs the team sync on an alarm while this browser is in at least one team, and never otherwise. */
export async function scheduleTeamSync(): Promise<void> {
  const joined = (await loadMemberships()).some((membership) => !membership.removed);
  if (joined) await browser.alarms.create(TEAM_SYNC_ALARM, { periodInMinutes: TEAM_SYNC_PERIOD_MINUTES });
  else await browser.alarms.clear(TEAM_SYNC_ALARM);
}

/**
 * Tells every joined team what this browser did while it could not (or since): contacts made offline
 * and their later statuses, "do not contact" marks, fans forgotten, notes and templates edited; then hears
 * what the others did (see team-pull.ts). Idempotent, safe to run at any moment; what the server
 * cannot take now waits for the next run.
 */
export async function syncTeams(now: number): Promise<void> {
  for (const membership of await loadMemberships()) {
    if (!membership.removed) await syncMembership(membership, now);
  }
}

/** Syncs the team of one Page, if this browser is in it (after a send on that Page settles). */
export async function syncPage(pageId: string, now: number): Promise<void> {
  const membership = await activeMembership(pageId);
  if (membership) await syncMembership(membership, now);
}

/** One team's sync (see syncTeams). */
export async function syncMembership(membership: Membership, now: number): Promise<void> {
  await tellPendingMarks(membership, now);
  const told = await tellPendingContacts(membership, now);
  await tellPendingForgets(membership, now);
  const toldNotes = await tellPendingNotes(membership, now);
  const heard = await pullTeam(membership, now);
  // After the pull, which settles what a teammate changed first: what is left to tell is this browser's.
  const toldTemplates = await tellTemplates(membership);
  if (told && toldNotes && toldTemplates && heard) {
    await withDatabase((db) => db.put('meta', String(now), syncedKey(membership.pageId)));
  }
}

const syncedKey = teamKeys.lastSync;

/**
 * Who this admin is on the Page's team, if this browser joined one, whether the server still accepts
 * them, and how the sync stands.
 */
export async function teamOfPage(pageId: string): Promise<PopupTeam | null> {
  const membership = (await loadMemberships()).find((joined) => joined.pageId === pageId);
  if (!membership) return null;
  return { user: membership.user, removed: membership.removed ?? false, ...(await syncState(pageId)) };
}

/** When this browser last told the team everything it had waiting, and how much (contacts, notes) waits now. */
export async function syncState(pageId: string): Promise<{ lastSyncedAt: number | null; pending: number }> {
  const notes = await pendingNotes(pageId);
  return withDatabase(async (db) => {
    const synced = await db.get('meta', syncedKey(pageId));
    const contacts = (await teamPending(db, pageId)).length;
    return { lastSyncedAt: synced ? Number(synced) : null, pending: contacts + notes };
  });
}

/**
 * Tells the team this browser's waiting contacts: into each fan's document (the limits) and into the
 * shared log (the contact documents); true when the server took every one of them.
 */
async function tellPendingContacts(membership: Membership, now: number): Promise<boolean> {
  const team = await teamSettings(membership, now);
  if (!team) return false;
  const pending = await withDatabase((db) => teamPending(db, membership.pageId));
  const forgottenKeys = await forgottenFanKeys(membership.pageId);
  let allTold = true;
  const byFan = new Map<string, OutreachEntry[]>();
  for (const entry of pending) {
    // A forgotten fan's id is gone: their contacts go under the key noted when they were forgotten.
    const fanKey = entry.forgotten ? forgottenKeys.get(entry.id) : await fanKeyUnder(team.salt, entry.fanId);
    if (fanKey) byFan.set(fanKey, [...(byFan.get(fanKey) ?? []), entry]);
  }
  for (const [fanKey, entries] of byFan) {
    const read = await readFanDocument(membership, fanKey);
    if (read.kind !== 'ok') return false;
    const doc = read.value;
    const known = new Map(doc.recent.map((contact) => [contact.c, contact]));
    const me = membership.user;
    // A contact the team hears of only now was decided offline: replayed against what the team held
    // before it, it may have gone over the team's limits. It was sent; it is marked, not undone.
    const over = entries.filter(
      (entry) => !known.has(entry.id) && counts(entry) && !allowedThen(entry, doc, me, team.policy),
    );
    const contacts = entries.map((entry) => {
      const onTeam = known.get(entry.id);
      // A tombstone's comment is an alias here: the team keeps the comment it was told first.
      return entry.forgotten && onTeam ? { ...onTeam, st: entry.status } : contactOf(entry, me);
    });
    const written = await writeFanDocument(membership, withContacts(doc, contacts, team.policy, now));
    // A forgotten fan's contacts stay out of the shared log: the strip takes care of copies there.
    const logged = entries.filter((entry) => !entry.forgotten);
    const inLog = await writeContactDocuments(
      membership,
      logged.map((entry) => contactDocumentOf(entry, fanKey, me)),
    );
    if (written.kind !== 'ok') {
      allTold = false;
      continue;
    }
    // Once the fan's document holds them, an over-limit mark is decided now or never: the next sync
    // finds them known. Only entries the log took too are told.
    const told = entries.filter((entry) => entry.forgotten || inLog?.has(contactId(fanKey, entry)));
    if (told.length < entries.length) allTold = false;
    await withDatabase(async (db) => {
      for (const entry of told) await markTeamConfirmed(db, entry.id, entry.status);
      for (const entry of over) await markOverTeamLimit(db, entry.id);
    });
    // Open logs patch the rows whose team state changed.
    for (const entry of entries) await announceEntryChange(entry, now);
  }
  return allTold;
}

/** Would the team's limits have allowed the entry, given what the team held from before it? */
function allowedThen(
  entry: OutreachEntry,
  doc: StoredFanDocument,
  me: string,
  policy: PolicySettings,
): boolean {
  const before = (time: number, id: string) =>
    time < entry.createdAt || (time === entry.createdAt && id < entry.id);
  const earlier = teamHistory(doc, entry, me).filter((contact) => before(contact.createdAt, contact.id));
  const marked = doc.dnc && before(doc.dnc.at, '') ? teamStanding(doc, me) : null;
  const verdict = evaluate(entry, earlier, policy, entry.createdAt, marked);
  return verdict.allowed || (entry.override !== undefined && isOverridable(verdict));
}
