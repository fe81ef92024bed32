import browser from 'webextension-polyfill';
import { isOverridable, type OutreachEntry } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { announceEntryChange } from '../change-feed';
import { withDatabase } from '../database';
import { counts, evaluate } from '../frequency-policy';
import { markOverTeamLimit, markTeamConfirmed, teamPending } from '../outreach-store';
import { fanKeyUnder } from './fan-document';
import {
  contactOf,
  readFanDocument,
  teamHistory,
  teamStanding,
  withContacts,
  writeFanDocument,
  type StoredFanDocument,
} from './team-gate';
import { tellPendingMarks } from './team-marks';
import { loadMemberships, type Membership } from './team-membership';
import { teamSettings } from './team-state';

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
 * and their later statuses, and "do not contact" marks. Idempotent, safe to run at any moment; what
 * the server cannot take now waits for the next run.
 */
export async function syncTeams(now: number): Promise<void> {
  for (const membership of await loadMemberships()) {
    if (!membership.removed) await syncMembership(membership, now);
  }
}

/** One team's sync (see syncTeams). */
export async function syncMembership(membership: Membership, now: number): Promise<void> {
  await tellPendingMarks(membership, now);
  if (await tellPendingContacts(membership, now)) {
    await withDatabase((db) => db.put('meta', String(now), syncedKey(membership.pageId)));
  }
}

const syncedKey = (pageId: string) => `teamSynced:${pageId}`;

/** When this browser last told the team everything it had waiting, and how much waits now. */
export async function syncState(pageId: string): Promise<{ lastSyncedAt: number | null; pending: number }> {
  return withDatabase(async (db) => {
    const synced = await db.get('meta', syncedKey(pageId));
    return { lastSyncedAt: synced ? Number(synced) : null, pending: (await teamPending(db, pageId)).length };
  });
}

/** Tells the team this browser's waiting contacts; true when the server took every one of them. */
async function tellPendingContacts(membership: Membership, now: number): Promise<boolean> {
  const team = await teamSettings(membership, now);
  if (!team) return false;
  const pending = await withDatabase((db) => teamPending(db, membership.pageId));
  let allTold = true;
  const byFan = new Map<string, OutreachEntry[]>();
  for (const entry of pending) byFan.set(entry.fanId, [...(byFan.get(entry.fanId) ?? []), entry]);
  for (const [fanId, entries] of byFan) {
    const fanKey = await fanKeyUnder(team.salt, fanId);
    const read = await readFanDocument(membership, fanKey);
    if (read.kind !== 'ok') return false;
    const doc = read.value;
    const known = new Set(doc.recent.map((contact) => contact.c));
    const me = membership.user;
    // A contact the team hears of only now was decided offline: replayed against what the team held
    // before it, it may have gone over the team's limits. It was sent; it is marked, not undone.
    const over = entries.filter(
      (entry) => !known.has(entry.id) && counts(entry) && !allowedThen(entry, doc, me, team.policy),
    );
    const written = await writeFanDocument(
      membership,
      withContacts(
        doc,
        entries.map((entry) => contactOf(entry, me)),
        team.policy,
        now,
      ),
    );
    if (written.kind !== 'ok') {
      allTold = false;
      continue;
    }
    await withDatabase(async (db) => {
      for (const entry of entries) await markTeamConfirmed(db, entry.id, entry.status);
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
