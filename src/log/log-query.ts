import type { Category, EntryStatus, OutreachEntry } from '../shared/outreach';
import { foldText } from '../shared/text';

export interface LogFilter {
  pageId: string | null;
  category: Category | null;
  status: EntryStatus | null;
  /** One fan's history: `pageId/fanId`. */
  fan: string | null;
  /** Inclusive, as local calendar days `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  /** Matched, case- and accent-insensitively, against the fan's name and the message. */
  text: string;
}

export const NO_FILTER: LogFilter = {
  pageId: null,
  category: null,
  status: null,
  fan: null,
  from: null,
  to: null,
  text: '',
};

export const SORT_COLUMNS = ['createdAt', 'fanName', 'category', 'templateTitle', 'status'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface LogSort {
  column: SortColumn;
  descending: boolean;
}

export const fanKey = (entry: Pick<OutreachEntry, 'pageId' | 'fanId'>) => `${entry.pageId}/${entry.fanId}`;

/** Local midnight starting a `YYYY-MM-DD` day, or `offset` days later (by calendar: DST-safe). */
function midnight(day: string, offset = 0): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date! + offset).getTime();
}

export function filterEntries(entries: readonly OutreachEntry[], filter: LogFilter): OutreachEntry[] {
  const from = filter.from ? midnight(filter.from) : -Infinity;
  // The whole last day counts, up to the next midnight.
  const until = filter.to ? midnight(filter.to, 1) : Infinity;
  const needle = foldText(filter.text.trim());
  return entries.filter(
    (entry) =>
      (filter.pageId === null || entry.pageId === filter.pageId) &&
      (filter.category === null || entry.category === filter.category) &&
      (filter.status === null || entry.status === filter.status) &&
      (filter.fan === null || fanKey(entry) === filter.fan) &&
      entry.createdAt >= from &&
      entry.createdAt < until &&
      (needle === '' ||
        foldText(`${entry.fanName}\n${entry.text}\n${entry.sentText ?? ''}`).includes(needle)),
  );
}

/** Text columns sort as people read them: "Rossi 9" before "Rossi 10", accents beside their letter. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortEntries(
  entries: readonly OutreachEntry[],
  { column, descending }: LogSort,
): OutreachEntry[] {
  const direction = descending ? -1 : 1;
  const compare =
    column === 'createdAt'
      ? (a: OutreachEntry, b: OutreachEntry) => a.createdAt - b.createdAt
      : (a: OutreachEntry, b: OutreachEntry) =>
          collator.compare(a[column], b[column]) || a.createdAt - b.createdAt;
  return [...entries].sort((a, b) => direction * compare(a, b));
}

/** The Pages the log has entries for, by name. */
export function pagesOf(entries: readonly OutreachEntry[]): Array<{ id: string; name: string }> {
  const pages = new Map(entries.map((entry) => [entry.pageId, entry.pageName]));
  return [...pages].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
