// No zod here: the content script imports this module (types from the protocol are erased).
import type { FanStatus } from './messages';

export interface FanKey {
  pageId: string;
  fanId: string;
}

/** Has the Page anything to show about this fan: a contact, a warning, a mark? */
export function hasHistory(status: FanStatus): boolean {
  return status.text !== '';
}

/** The status of a fan the Page never contacted nor marked. */
export function noHistory({ pageId, fanId }: FanKey): FanStatus {
  return {
    pageId,
    fanId,
    text: '',
    lastContactAt: null,
    blockedUntil: null,
    warnings: 0,
    doNotContact: false,
  };
}

/**
 * Written to `storage.local` whenever outreach changes, so every facebook.com tab and extension page can
 * refresh what it shows without a reload. It names only the fan and the entry; content scripts may read it.
 */
export const OUTREACH_CHANGE_KEY = 'outreachChange';
/**
 * What changed: one entry of a fan (added, settled, deleted or put back), a fan as a whole (a mark, or
 * forgotten), or everything (a restore).
 */
export type ChangeSubject =
  ({ kind: 'entry'; entryId: string } & FanKey) | ({ kind: 'fan' } & FanKey) | { kind: 'all' };
/** One announcement; `changeId` makes two changes in the same millisecond two events. */
export type OutreachChange = ChangeSubject & { changeId: string; at: number };

/** How long a tab trusts a fan's status it was told: relative times and windows move on by themselves. */
export const STATUS_TTL_MS = 5 * 60_000;

/** Must a status told at `fetchedAt` be asked for again: too old, or its "limit reached until" passed? */
export function isStale(status: FanStatus, fetchedAt: number, now: number): boolean {
  return now - fetchedAt >= STATUS_TTL_MS || (status.blockedUntil !== null && now >= status.blockedUntil);
}
