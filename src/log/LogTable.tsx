import { fanNameOf } from '../shared/fan-name';
import { signal } from '@preact/signals';
import { t, tCount, type MessageKey } from '../shared/i18n';
import { CATEGORY_LABELS, STATUS_LABELS } from '../shared/labels';
import type { OutreachEntry } from '../shared/outreach';
import { formatDateTime } from '../shared/format';
import { fanKey, type SortColumn } from './log-query';
import { deleteEntry, filter, shown, sort } from './log-store';

/** Every row has this height, so the list can be virtualized by arithmetic alone. */
export const ROW_HEIGHT_PX = 40;
/** Rows rendered above and below the visible ones, so fast scrolling never shows a gap. */
const OVERSCAN_ROWS = 10;
/** Rows rendered before the first scroll event tells the viewport's real height. */
const INITIAL_ROWS = 30;

const scrollTop = signal(0);
const viewportHeight = signal(INITIAL_ROWS * ROW_HEIGHT_PX);

const COLUMNS: ReadonlyArray<{ column: SortColumn; label: MessageKey }> = [
  { column: 'createdAt', label: 'logTime' },
  { column: 'fanName', label: 'logFan' },
  { column: 'category', label: 'logCategory' },
  { column: 'templateTitle', label: 'logTemplate' },
  { column: 'status', label: 'logStatus' },
];

function SortHeader({ column, label }: { column: SortColumn; label: MessageKey }) {
  const current = sort.value;
  const active = current.column === column;
  return (
    <div role="columnheader" aria-sort={active ? (current.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        onClick={() =>
          (sort.value = { column, descending: active ? !current.descending : column === 'createdAt' })
        }
      >
        {t(label)}
        <span aria-hidden="true">{active ? (current.descending ? ' ↓' : ' ↑') : ''}</span>
      </button>
    </div>
  );
}

function Row({ entry, index }: { entry: OutreachEntry; index: number }) {
  const name = fanNameOf(entry);
  return (
    <div role="row" class="log-row" aria-rowindex={index + 2} style={{ top: `${index * ROW_HEIGHT_PX}px` }}>
      <div role="cell">
        <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt)}</time>
      </div>
      <div role="cell">
        <button
          type="button"
          class="fan-link"
          title={t('logFanHistory', name)}
          onClick={() => (filter.value = { ...filter.value, fan: fanKey(entry) })}
        >
          {name}
        </button>
      </div>
      <div role="cell">{t(CATEGORY_LABELS[entry.category])}</div>
      <div role="cell" class="message" title={entry.sentText ?? entry.text}>
        {entry.templateTitle}
      </div>
      <div role="cell">
        {t(STATUS_LABELS[entry.status])}
        {entry.override && <span class="override-note"> · {t('logOverridden', entry.override.reason)}</span>}
        {entry.overTeamLimit && <span class="override-note"> · {t('logOverTeamLimit')}</span>}
        {entry.author && <span class="override-note"> · {t('logByTeammate', entry.author)}</span>}
      </div>
      <div role="cell">
        <button
          type="button"
          class="delete"
          aria-label={t('logDeleteEntry', [name, formatDateTime(entry.createdAt)])}
          onClick={() => void deleteEntry(entry.id)}
        >
          ×
        </button>
      </div>
    </div>
  );
}

/**
 * The log as a table whose rows are rendered only where the viewport is: 100,000 entries cost the
 * same as 60. Screen readers get the real row count and each row's index.
 */
export function LogTable() {
  const rows = shown.value;
  const first = Math.max(0, Math.floor(scrollTop.value / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(
    rows.length,
    Math.ceil((scrollTop.value + viewportHeight.value) / ROW_HEIGHT_PX) + OVERSCAN_ROWS,
  );
  return (
    <div role="table" class="log-table" aria-label={t('tabLog')} aria-rowcount={rows.length + 1}>
      <div role="rowgroup">
        <div role="row" class="log-header" aria-rowindex={1}>
          {COLUMNS.map(({ column, label }) => (
            <SortHeader key={column} column={column} label={label} />
          ))}
          <div role="columnheader">
            <span class="visually-hidden">{t('logActions')}</span>
          </div>
        </div>
      </div>
      <div
        role="rowgroup"
        class="log-viewport"
        tabIndex={0}
        aria-label={tCount('logRowsLabel', rows.length)}
        onScroll={(event) => {
          scrollTop.value = event.currentTarget.scrollTop;
          viewportHeight.value = event.currentTarget.clientHeight;
        }}
      >
        <div class="log-rows" style={{ height: `${rows.length * ROW_HEIGHT_PX}px` }}>
          {rows.slice(first, last).map((entry, offset) => (
            <Row key={entry.id} entry={entry} index={first + offset} />
          ))}
        </div>
      </div>
    </div>
  );
}
