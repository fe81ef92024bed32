import { useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { download } from '../shared/download';
import { t } from '../shared/i18n';
import type { ImportMode } from '../shared/export-document';
import { importsDone } from './import-events';
import { loadTemplates } from './templates-store';

const EXPORT_FILE_NAME = 'page-outreach-templates.json';

/** Export and import of templates and settings as one JSON file. */
export function ImportExport() {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function exportFile(): Promise<void> {
    const reply = await request({ type: 'templates/export' });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    download(EXPORT_FILE_NAME, 'application/json', `${JSON.stringify(reply.data.document, null, 2)}\n`);
  }

  async function importFile(file: File): Promise<void> {
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setStatus({ ok: false, text: t('importNotJson', file.name) });
    }
    const reply = await request({ type: 'templates/import', document, mode });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setStatus({ ok: true, text: t('importDone', String(reply.data.templates)) });
    importsDone.value += 1;
    await loadTemplates();
  }

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transferTitle')}</h2>
      <p>{t('transferIntro')}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportFile()}>
          {t('exportTemplates')}
        </button>
      </div>
      <fieldset class="import-mode">
        <legend>{t('importModeLegend')}</legend>
        <label>
          <input
            type="radio"
            name="import-mode"
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />
          {t('importModeMerge')}
        </label>
        <label>
          <input
            type="radio"
            name="import-mode"
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />
          {t('importModeReplace')}
        </label>
      </fieldset>
      <label for="import-file">{t('importFileLabel')}</label>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      {status && (
        <p class={status.ok ? 'saved' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
