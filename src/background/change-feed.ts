import browser from 'webextension-polyfill';
import { OUTREACH_CHANGE_KEY, type FanKey, type OutreachChange } from '../shared/fan-status';

/**
 * Tells every facebook.com tab that a fan's outreach changed, through `storage.local`, which content
 * scripts can watch: no tab list to keep, no `tabs` permission, and it works after the worker restarts.
 */
export async function announceFanChange(fan: FanKey, now: number): Promise<void> {
  const change: OutreachChange = { pageId: fan.pageId, fanId: fan.fanId, at: now };
  await browser.storage.local.set({ [OUTREACH_CHANGE_KEY]: change });
}

/** Tells every tab and page that everything may have changed (a restore): each asks afresh. */
export async function announceEverythingChanged(now: number): Promise<void> {
  const change: OutreachChange = { all: true, at: now };
  await browser.storage.local.set({ [OUTREACH_CHANGE_KEY]: change });
}
