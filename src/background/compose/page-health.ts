import browser from 'webextension-polyfill';
import type { FailedSignal } from '../../shared/limits';

interface HealthReport {
  failedSignal: FailedSignal | null;
  at: number;
}

/** One key per tab in `storage.session`, so reports from different tabs never overwrite each other. */
const KEY_PREFIX = 'pageHealth:';

export async function recordPageHealth(
  tabId: number,
  failedSignal: FailedSignal | null,
  now: number,
): Promise<void> {
  const report: HealthReport = { failedSignal, at: now };
  await browser.storage.session.set({ [`${KEY_PREFIX}${tabId}`]: report });
}

export async function forgetPageHealth(tabId: number): Promise<void> {
  await browser.storage.session.remove(`${KEY_PREFIX}${tabId}`);
}

/**
 * Whether the facebook.com tab the admin is looking at shows comments we could not recognize. When the
 * extension page asking is itself the active tab (the popup opened as a page), the tab that reported
 * last stands in for it.
 */
export async function recognitionFailedInView(askingTabId: number | undefined): Promise<boolean> {
  const [[active], stored] = await Promise.all([
    browser.tabs.query({ active: true, lastFocusedWindow: true }),
    browser.storage.session.get(null),
  ]);
  const reports = new Map<number, HealthReport>();
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith(KEY_PREFIX)) reports.set(Number(key.slice(KEY_PREFIX.length)), value as HealthReport);
  }
  if (active?.id !== undefined && active.id !== askingTabId)
    return Boolean(reports.get(active.id)?.failedSignal);
  const latest = [...reports.values()].sort((a, b) => b.at - a.at)[0];
  return Boolean(latest?.failedSignal);
}
