/**
 * The team sync: how one browser and its Page's team server meet, at most one sync per team at a time
 * (lock.ts). Started by the alarm every minute, by a send's outcome, by the popup and by "Sync now".
 *
 *   ┌ this browser ───────────────┐          ┌ team server (CouchDB) ───────────┐
 *   │ teamOutbox: marks, contacts,│─tell.ts─▶│ fan:<key>  (limits, compare-and- │
 *   │ forgets, notes (one record  │          │            set on its revision)  │
 *   │ per item, dropped once told)│          │ contact:…  (the shared log)      │
 *   │                             │◀─pull.ts─│ note:…, template:… (_changes     │
 *   │ log rows of teammates,      │          │            feed, from checkpoint)│
 *   │ teamFans copy, templates    │─templates.ts─▶ template:… (over last rev)   │
 *   └─────────────────────────────┘          └──────────────────────────────────┘
 *
 * Order matters: what waits here is told first (a mark stops sends), then the pull settles what
 * teammates changed, then this browser's template edits go over what it just heard. Everything it
 * keeps of a team is named in local-state.ts.
 */
import browser from 'webextension-polyfill';
import type { PopupTeam } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { outboxCount } from '../storage/outbox';
import { readStored, writeStored } from '../storage/stored';
import { teamKeys } from './local-state';
import { exclusively } from './lock';
import { activeMembership, clearRefusal, loadMemberships, type Membership } from './membership';
import { pullTeam } from './pull';
import { tellTemplates } from './templates';
import { tellOutbox } from './tell';

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
    if (membership.removed) continue;
    try {
      await syncMembership(membership, now);
    } catch (error) {
      // One team's failure is its own: the others still sync, and this one's status shows it stalled.
      console.warn(`Page Outreach: the team of Page ${membership.pageId} did not sync`, error);
    }
  }
}

/** Syncs the team of one Page, if this browser is in it (after a send on that Page settles). */
export async function syncPage(pageId: string, now: number): Promise<void> {
  const membership = await activeMembership(pageId);
  if (membership) await syncMembership(membership, now);
}

/** One team's sync (see syncTeams), alone for its team. */
export async function syncMembership(membership: Membership, now: number): Promise<void> {
  await exclusively(membership.pageId, async () => {
    const allTold = await tellOutbox(membership, now);
    const heard = await pullTeam(membership, now);
    // After the pull, which settles what a teammate changed first: what is left to tell is this browser's.
    const toldTemplates = await tellTemplates(membership);
    // The server answered the whole pull: whatever refused this admin before, it accepts them now.
    if (heard) await clearRefusal(membership.pageId);
    if (allTold && toldTemplates && heard) {
      await writeStored(teamKeys.lastSync, String(now), membership.pageId);
    }
  });
}

/**
 * Tells the team what waits for it now, or as soon as the sync that runs ends: that sync may have read
 * the outbox for the last time just before this item was saved (see tell.ts), and the next would only
 * come with the alarm, a minute later.
 */
export async function tellSoon(membership: Membership, now: number): Promise<void> {
  await exclusively(membership.pageId, async () => {
    if ((await withDatabase((db) => outboxCount(db, membership.pageId))) > 0)
      await tellOutbox(membership, now);
  });
}

/**
 * Who this admin is on the Page's team, if this browser joined one, whether the server still accepts
 * them, and how the sync stands.
 */
export async function teamOfPage(pageId: string): Promise<PopupTeam | null> {
  const membership = (await loadMemberships()).find((joined) => joined.pageId === pageId);
  if (!membership) return null;
  return { user: membership.user, removed: membership.removed ?? false, ...(await syncState(pageId)) };
}

/** When this browser last told the team everything it had waiting, and how many items of every kind wait now. */
export async function syncState(pageId: string): Promise<{ lastSyncedAt: number | null; pending: number }> {
  const synced = await readStored(teamKeys.lastSync, pageId);
  const pending = await withDatabase((db) => outboxCount(db, pageId));
  return { lastSyncedAt: synced ? Number(synced) : null, pending };
}
