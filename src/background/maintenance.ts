import browser from 'webextension-polyfill';
import { withDatabase } from './database';
import { markInterrupted } from './outreach-store';

/** A reservation not confirmed by then was interrupted; clipboard delivery confirms in milliseconds. */
export const DELIVERY_TIMEOUT_MS = 2 * 60_000;
export const MAINTENANCE_ALARM = 'maintenance';
/** How often maintenance runs while the browser is open, besides every start of the worker. */
export const MAINTENANCE_PERIOD_MINUTES = 5;

/** Idempotent housekeeping, safe to run at any moment and any number of times. */
export async function runMaintenance(now: number): Promise<void> {
  await withDatabase((db) => markInterrupted(db, now, DELIVERY_TIMEOUT_MS));
}

export async function scheduleMaintenance(): Promise<void> {
  await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: MAINTENANCE_PERIOD_MINUTES });
}
