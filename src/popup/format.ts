import type { Category, EntryStatus, Verdict } from '../shared/outreach';
import { t, uiLanguage, type MessageKey } from '../shared/i18n';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../shared/time';

export const CATEGORY_LABELS: Record<Category, MessageKey> = {
  thanks: 'categoryThanks',
  promo: 'categoryPromo',
  warning: 'categoryWarning',
  care: 'categoryCare',
};

export const STATUS_LABELS: Record<EntryStatus, MessageKey> = {
  reserved: 'statusUnknown',
  copied: 'statusCopied',
  failed: 'statusFailed',
};

/** "2 days ago", "3 ore fa": the largest whole unit, in the UI language. */
export function formatAgo(then: number, now: number): string {
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  const elapsed = Math.max(0, now - then);
  if (elapsed >= DAY_MS) return format.format(-Math.floor(elapsed / DAY_MS), 'day');
  if (elapsed >= HOUR_MS) return format.format(-Math.floor(elapsed / HOUR_MS), 'hour');
  return format.format(-Math.floor(elapsed / MINUTE_MS), 'minute');
}

/** "28 Nov" / "28 nov": a day the admin can plan around. */
export function formatDay(time: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' }).format(time);
}

export function formatDateTime(time: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** The policy's verdict as one sentence naming the rule and, where it expires, the next possible day. */
export function describeVerdict(verdict: Verdict, fanName: string, now: number): string {
  if (verdict.allowed) return t('verdictAllowed', fanName);
  switch (verdict.rule) {
    case 'one-per-comment':
      return t('verdictOnePerComment', [formatAgo(verdict.lastContactAt, now)]);
    case 'fan-window':
      return t('verdictFanWindow', [
        fanName,
        formatAgo(verdict.lastContactAt, now),
        formatDay(verdict.eligibleAt ?? verdict.lastContactAt),
      ]);
  }
}
