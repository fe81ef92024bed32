import type { Category, EntryStatus, Verdict } from '../shared/outreach';
import { t, uiLanguage, type MessageKey } from '../shared/i18n';
import { formatAgo, formatDay } from '../shared/format';

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
