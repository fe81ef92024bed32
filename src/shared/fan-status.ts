// No zod here: the content script imports this module.
/** What the content script shows beside a fan's action: the fan's standing with this Page. */
export interface FanStatus {
  pageId: string;
  fanId: string;
  /** When the Page last messaged the fan, if ever. */
  lastContactAt: number | null;
  /** Until when the per-fan limit refuses another message, if it does now. */
  blockedUntil: number | null;
  /** Pre-ban warnings ("strikes") the fan was sent within the strike window (90 days by default). */
  warnings: number;
  /** Marked "do not contact": nothing but customer care. */
  doNotContact: boolean;
}

export interface FanKey {
  pageId: string;
  fanId: string;
}

/** Has the Page anything to show about this fan: a contact, a warning, a mark? */
export function hasHistory(status: FanStatus): boolean {
  return status.doNotContact || status.lastContactAt !== null || status.warnings > 0;
}

/** The status of a fan the Page never contacted nor marked. */
export function noHistory({ pageId, fanId }: FanKey): FanStatus {
  return { pageId, fanId, lastContactAt: null, blockedUntil: null, warnings: 0, doNotContact: false };
}

/**
 * Written to `storage.local` whenever an outreach entry changes, so every facebook.com tab can refresh
 * that fan's status without a reload. It names only the fan; content scripts may read it.
 */
export const OUTREACH_CHANGE_KEY = 'outreachChange';
export interface OutreachChange extends FanKey {
  at: number;
}
