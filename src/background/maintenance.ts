import browser from 'webextension-polyfill';
import { dropOldSightings } from './discretion/sighting-store';
import { dropStaleUploads, UPLOAD_MAX_AGE_MS } from './transfer/backup-uploads';
import { withDatabase } from './storage/database';
import { dropBeyondCap, dropExpired, markInterrupted } from './outreach/retention';
import { loadPolicySettings } from './settings/settings-store';
import { historyWindowMs } from './policy/frequency-policy';
import { MAX_LOG_ENTRIES } from '../shared/outreach';
import { DAY_MS } from '../shared/time';

/** A reservation not delivered by then was interrupted; delivery starts within milliseconds of it. */
export const DELIVERY_TIMEOUT_MS = 2 * 60_000;
/**
 * A message left this long in Facebook's message box without being sent or closed is given up on:
 * the tab may have navigated away with the admin's decision unseen.
 */
export const PREPARED_TIMEOUT_MS = 60 * 60_000;
export const MAINTENANCE_ALARM = 'maintenance';
/** How often maintenance runs while the browser is open. */
export const MAINTENANCE_PERIOD_MINUTES = 5;

/**
 * Idempotent housekeeping, safe to run at any moment and any number of times, on the maintenance
 * alarm: a reservation is given up on after the delivery timeout (a message already in Facebook's box
 * is watched by its tab, so only its own, longer timeout applies), entries past retention or
 * beyond the log's size limit go, and so do backup uploads a closed page left unfinished and fans'
 * comments seen past their own retention.
 */
export async function runMaintenance(now: number): Promise<void> {
  await withDatabase(async (db) => {
    const settings = await loadPolicySettings(db);
    await markInterrupted(db, now, { reservedMs: DELIVERY_TIMEOUT_MS, preparedMs: PREPARED_TIMEOUT_MS });
    await dropExpired(db, now - Math.max(settings.retentionDays * DAY_MS, historyWindowMs(settings)));
    await dropBeyondCap(db, MAX_LOG_ENTRIES, now - historyWindowMs(settings));
    await dropStaleUploads(db, now - UPLOAD_MAX_AGE_MS);
    await dropOldSightings(db, now - settings.sightingsKeepDays * DAY_MS);
  });
}

/** Statuses of a delivery still under way: only these can have been interrupted by a dying worker. */
const UNDER_WAY = ['reserved', 'sending'] as const;

/**
 * When the worker has just started, every delivery still under way was started by a worker that died:
 * its outcome is unknown at once (a confirmation that still arrives settles it). Only a count is read
 * unless there is one, so a worker woken for anything else writes nothing; retention waits for the alarm.
 */
export async function settleInterrupted(now: number): Promise<void> {
  await withDatabase(async (db) => {
    const waiting = await Promise.all(
      UNDER_WAY.map((status) => db.countFromIndex('outreach', 'byStatus', status)),
    );
    if (waiting.some((count) => count > 0))
      await markInterrupted(db, now, { reservedMs: 0, preparedMs: PREPARED_TIMEOUT_MS });
  });
}

export async function scheduleMaintenance(): Promise<void> {
  await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: MAINTENANCE_PERIOD_MINUTES });
}
