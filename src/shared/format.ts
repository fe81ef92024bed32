import { t, uiLanguage } from './i18n';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

/** "2 days ago", "3 ore fa": the largest whole unit, in the UI language; "just now" under a minute. */
export function formatAgo(then: number, now: number, style: Intl.RelativeTimeFormatStyle = 'long'): string {
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto', style });
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE_MS) return t('justNow');
  if (elapsed >= DAY_MS) return format.format(-Math.floor(elapsed / DAY_MS), 'day');
  if (elapsed >= HOUR_MS) return format.format(-Math.floor(elapsed / HOUR_MS), 'hour');
  return format.format(-Math.floor(elapsed / MINUTE_MS), 'minute');
}

/** "64 %": a share between 0 and 1, in whole percent, as the Discretion figures show it. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** "28 Nov" / "28 nov": a day the admin can plan around. */
export function formatDay(time: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' }).format(time);
}

/**
 * "25 Nov 2026, 19:20": a log entry's time, in the UI language. One formatter for the whole page: the
 * log formats thousands of rows while scrolling.
 */
let dateTime: Intl.DateTimeFormat | null = null;
export function formatDateTime(time: number): string {
  dateTime ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(time);
}
