import { fanNameOf } from '../shared/fan-name';
import { t } from '../shared/i18n';
import { CATEGORY_LABELS, STATUS_LABELS } from '../shared/labels';
import type { OutreachEntry } from '../shared/outreach';
import { csvDateTime, csvSeparatorFor, toCsv } from './csv';

/** Where the file will be opened: the admin's locale and time zone. */
export interface CsvReader {
  locale: string;
  timeZone: string;
}

/**
 * The log as a spreadsheet: one row per message, every cell safe to open in Excel or Sheets, split on
 * the reader's locale's separator, with local times whose zone the header names.
 */
export function logCsv(entries: readonly OutreachEntry[], { locale, timeZone }: CsvReader): string {
  const header = [
    t('csvTime', timeZone),
    t('logFilterPage'),
    t('logFan'),
    t('csvProfile'),
    t('logCategory'),
    t('logTemplate'),
    t('logStatus'),
    t('csvMessage'),
    t('csvOverride'),
    t('csvSentText'),
  ];
  const rows = entries.map((entry) => [
    csvDateTime(entry.createdAt, timeZone),
    entry.pageName,
    fanNameOf(entry),
    entry.fanUrl,
    t(CATEGORY_LABELS[entry.category]),
    entry.templateTitle,
    t(STATUS_LABELS[entry.status]),
    entry.text,
    entry.override?.reason ?? '',
    entry.sentText ?? '',
  ]);
  return toCsv(header, rows, csvSeparatorFor(locale));
}
