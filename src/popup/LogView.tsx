import { fanNameOf } from '../shared/fan-name';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import type { OutreachEntry } from '../shared/outreach';
import { CATEGORY_LABELS, STATUS_LABELS } from '../shared/labels';
import { formatDateTime } from '../shared/format';
import { useOutreachChanges } from '../shared/use-outreach-changes';

export function LogView() {
  const [entries, setEntries] = useState<OutreachEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const latest = useRef(0);
  // The popup shows one short page: any change reloads it, and only the newest answer is shown.
  const load = useCallback(() => {
    const ask = ++latest.current;
    void request({ type: 'log/list' }).then((reply) => {
      if (ask !== latest.current) return;
      if (reply.ok) setEntries(reply.data.entries);
      else setError(reply.error.message);
    });
  }, []);
  useEffect(load, [load]);
  useOutreachChanges(load);

  if (error) return <p role="alert">{error}</p>;
  if (!entries) return <p aria-busy="true">{t('loading')}</p>;
  const fullLog = (
    <p class="full-log">
      <a href="../log/index.html" target="_blank" rel="noreferrer">
        {t('openFullLog')}
      </a>
    </p>
  );
  if (entries.length === 0)
    return (
      <>
        <p class="empty">{t('logEmpty')}</p>
        {fullLog}
      </>
    );
  return (
    <>
      {fullLog}
      <table class="log">
        <caption>{t('tabLog')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('logFan')}</th>
            <th scope="col">{t('logCategory')}</th>
            <th scope="col">{t('logTemplate')}</th>
            <th scope="col">{t('logTime')}</th>
            <th scope="col">{t('logStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} class="log-entry">
              <td>{fanNameOf(entry)}</td>
              <td>{t(CATEGORY_LABELS[entry.category])}</td>
              <td>{entry.templateTitle}</td>
              <td>
                <time dateTime={new Date(entry.createdAt).toISOString()}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </td>
              <td>
                {t(STATUS_LABELS[entry.status])}
                {entry.override && (
                  <span class="override-note"> · {t('logOverridden', entry.override.reason)}</span>
                )}
                {entry.overTeamLimit && <span class="override-note"> · {t('logOverTeamLimit')}</span>}
                {entry.author && <span class="override-note"> · {t('logByTeammate', entry.author)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
