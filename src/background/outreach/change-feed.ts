import { KEYS } from '../storage/keys';
import { writeStored } from '../storage/stored';
import { type ChangeSubject, type FanKey, type OutreachChange } from '../../shared/fan-status';

/**
 * Tells every facebook.com tab and extension page what changed, through `storage.local`, which content
 * scripts can watch: no tab list to keep, no `tabs` permission, and it works after the worker restarts.
 */
async function announce(subject: ChangeSubject, now: number): Promise<void> {
  const event: OutreachChange = { ...subject, changeId: crypto.randomUUID(), at: now };
  await writeStored(KEYS.outreachChange, event);
}

/** One entry changed or went (its fan's status with it): pages patch that row alone. */
export async function announceEntryChange(entry: { id: string } & FanKey, now: number): Promise<void> {
  await announce({ kind: 'entry', entryId: entry.id, pageId: entry.pageId, fanId: entry.fanId }, now);
}

/** A fan changed as a whole (a mark, or forgotten): tabs refresh the fan, pages their rows. */
export async function announceFanChange(fan: FanKey, now: number): Promise<void> {
  await announce({ kind: 'fan', pageId: fan.pageId, fanId: fan.fanId }, now);
}

/** Everything may have changed (a restore): every tab and page asks afresh. */
export async function announceEverythingChanged(now: number): Promise<void> {
  await announce({ kind: 'all' }, now);
}
