import { useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t, tCount, uiLanguage } from '../shared/i18n';
import { useOutreachChanges } from '../shared/use-outreach-changes';
import { fanKey } from './log-query';
import { download } from '../shared/download';
import { logCsv } from './log-export';
import type { OutreachChange } from '../shared/fan-status';
import type { OutreachEntry } from '../shared/outreach';
import {
  actionError,
  applyChange,
  deleted,
  entries,
  filter,
  forgetFan,
  loadError,
  loaded,
  loadLog,
  shown,
  undoDelete,
} from './log-store';
import { LogFilters } from './LogFilters';
import { LogSummary } from './LogSummary';
import { summarize } from './log-summary';
import { LogTable } from './LogTable';
import { DiscretionView } from '../shared/ui/DiscretionView';

const followChange = (change: OutreachChange) => void applyChange(change);

const CSV_FILE = 'page-outreach-log.csv';

/** The shown rows as CSV in the admin's locale, with times in the zone their settings use. */
async function exportCsv(rows: readonly OutreachEntry[]): Promise<void> {
  const reply = await request({ type: 'settings/get' });
  const timeZone = reply.ok ? (reply.data.settings.timeZone ?? reply.data.browserTimeZone) : 'UTC';
  download(CSV_FILE, 'text/csv;charset=utf-8', logCsv(rows, { locale: uiLanguage(), timeZone }));
}
const JSON_FILE = 'page-outreach-log.json';

function FanChip() {
  const [confirming, setConfirming] = useState(false);
  const fan = filter.value.fan;
  if (!fan) return null;
  const entry = entries.value.find((candidate) => fanKey(candidate) === fan);
  const name = entry?.forgotten ? t('logForgottenFan') : (entry?.fanName ?? fan);
  return (
    <div class="fan-chip">
      <p>
        {t('logFanFilter', name)}{' '}
        <button type="button" onClick={() => (filter.value = { ...filter.value, fan: null })}>
          {t('logFanFilterClear')}
        </button>{' '}
        {entry && !entry.forgotten && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('forgetFan')}
          </button>
        )}
      </p>
      {entry && confirming && (
        <div class="forget-confirm" role="group" aria-labelledby="forget-question">
          <p id="forget-question">{t('forgetFanQuestion', name)}</p>
          <button type="button" class="danger" onClick={() => void forgetFan(entry.pageId, entry.fanId)}>
            {t('forgetFanConfirm', name)}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </div>
  );
}

function UndoBar() {
  const entry = deleted.value;
  if (!entry) return null;
  return (
    <p class="undo" role="status">
      {t('logDeleted', entry.forgotten ? t('logForgottenFan') : entry.fanName)}{' '}
      <button type="button" onClick={() => void undoDelete()}>
        {t('logUndo')}
      </button>
    </p>
  );
}

export function LogApp() {
  useEffect(() => void loadLog(), []);
  // A message sent or deleted anywhere (popup, another tab) shows up here: its row alone is patched.
  useOutreachChanges(followChange);
  const rows = shown.value;
  const summary = useMemo(() => summarize(rows, Date.now()), [rows]);
  if (loadError.value) return <p role="alert">{loadError.value}</p>;
  return (
    <main>
      <header class="log-top">
        <h1>{t('logPageTitle')}</h1>
        <div class="exports">
          <button type="button" onClick={() => void exportCsv(rows)}>
            {t('exportCsv')}
          </button>
          <button
            type="button"
            onClick={() => download(JSON_FILE, 'application/json', `${JSON.stringify(rows, null, 2)}\n`)}
          >
            {t('exportJson')}
          </button>
        </div>
      </header>
      <LogFilters />
      <FanChip />
      <p class="count" aria-live="polite">
        {loaded.value
          ? tCount('logShowing', entries.value.length, [String(rows.length), String(entries.value.length)])
          : t('logLoading', String(entries.value.length))}
      </p>
      <UndoBar />
      {actionError.value && <p role="alert">{actionError.value}</p>}
      <LogTable />
      <LogSummary summary={summary} />
      <DiscretionView />
    </main>
  );
}
