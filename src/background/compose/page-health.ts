import browser from 'webextension-polyfill';
import type { FailedSignal } from '../../shared/limits';
import { KEYS } from '../storage/keys';
import { readAllStored, removeStored, writeStored } from '../storage/stored';

export async function recordPageHealth(
  tabId: number,
  failedSignal: FailedSignal | null,
  now: number,
): Promise<void> {
  // One key per tab, so reports from different tabs never overwrite each other.
  await writeStored(KEYS.pageHealth, { failedSignal, at: now }, tabId);
}

export async function forgetPageHealth(tabId: number): Promise<void> {
  await removeStored(KEYS.pageHealth, tabId);
}

/**
 * Whether the facebook.com tab the admin is looking at shows comments we could not recognize. When the
 * extension page asking is itself the active tab (the popup opened as a page), the tab that reported
 * last stands in for it.
 */
export async function recognitionFailedInView(askingTabId: number | undefined): Promise<boolean> {
  const [[active], reports] = await Promise.all([
    browser.tabs.query({ active: true, lastFocusedWindow: true }),
    readAllStored(KEYS.pageHealth),
  ]);
  if (active?.id !== undefined && active.id !== askingTabId)
    return Boolean(reports.get(String(active.id))?.failedSignal);
  const latest = [...reports.values()].sort((a, b) => b.at - a.at)[0];
  return Boolean(latest?.failedSignal);
}
