import browser from 'webextension-polyfill';
import { withDatabase } from './database';
import { dropExpired, markInterrupted } from './outreach-store';
import { loadPolicySettings } from './settings-store';
import { historyWindowMs } from './frequency-policy';
import { DAY_MS } from '../shared/time';

/** A reservation not delivered by then was interrupted; delivery starts within milliseconds of it. */
export const DELIVERY_TIMEOUT_MS = 2 * 60_000;
/**
 * A message left this long in Facebook's message box without being sent or closed is given up on:
 * the tab may have navigated away with the admin's decision unseen.
 */
export const PREPARED_TIMEOUT_MS = 60 * 60_000;
export const MAINTENANCE_ALARM = 'maintenance';
/** How often maintenance runs while the browser is open, besides every start of the worker. */
export const MAINTENANCE_PERIOD_MINUTES = 5;

/**
 * Idempotent housekeeping, safe to run at any moment and any number of times. When the worker has just
 * started, every reservation still waiting was made by a worker that died: its outcome is unknown at
 * once (a confirmation that still arrives settles it). Otherwise a reservation is given up on after
 * the delivery timeout. A message already in Facebook's message box is watched by its tab, not by the
 * worker, so only its own, longer timeout applies.
 */
export async function runMaintenance(now: number, { workerStarted = false } = {}): Promise<void> {
  await withDatabase(async (db) => {
    const settings = await loadPolicySettings(db);
    await markInterrupted(db, now, {
      reservedMs: workerStarted ? 0 : DELIVERY_TIMEOUT_MS,
      preparedMs: PREPARED_TIMEOUT_MS,
    });
    await dropExpired(db, now - Math.max(settings.retentionDays * DAY_MS, historyWindowMs(settings)));
  });
}

export async function scheduleMaintenance(): Promise<void> {
  await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: MAINTENANCE_PERIOD_MINUTES });
}
