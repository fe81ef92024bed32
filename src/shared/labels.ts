import type { MessageKey } from './i18n';
import type { Category, EntryStatus } from './outreach';
import type { TemplateLanguage } from './templates';

export const CATEGORY_LABELS: Record<Category, MessageKey> = {
  thanks: 'categoryThanks',
  promo: 'categoryPromo',
  warning: 'categoryWarning',
  care: 'categoryCare',
};

export const LANGUAGE_LABELS: Record<TemplateLanguage, MessageKey> = { en: 'languageEn', it: 'languageIt' };

export const STATUS_LABELS: Record<EntryStatus, MessageKey> = {
  reserved: 'statusPreparing',
  copied: 'statusCopied',
  failed: 'statusFailed',
  unknown: 'statusUnknown',
};
