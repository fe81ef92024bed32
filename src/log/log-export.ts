import { fanNameOf } from '../shared/fan-name';
import { t } from '../shared/i18n';
import { CATEGORY_LABELS, STATUS_LABELS } from '../shared/labels';
import type { OutreachEntry } from '../shared/outreach';
import { toCsv } from './csv';

/** The log as a spreadsheet: one row per message, every cell safe to open in Excel or Sheets. */
export function logCsv(entries: readonly OutreachEntry[]): string {
  const header = [
    t('csvTime'),
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
    new Date(entry.createdAt).toISOString(),
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
  return toCsv(header, rows);
}
