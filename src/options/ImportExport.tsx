import { useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { download } from '../shared/download';
import { t, tCount } from '../shared/i18n';
import { JsonFileImport, readJsonFile } from '../shared/ui/JsonFileImport';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { importsDone } from './import-events';
import { loadTemplates } from './templates-store';

const EXPORT_FILE_NAME = 'page-outreach-templates.json';
const LABELS = { merge: 'importModeMerge', replace: 'importModeReplace', file: 'importFileLabel' } as const;

/** Export and import of templates and settings as one JSON file. */
export function ImportExport() {
  const [status, setStatus] = useState<Status | null>(null);

  async function exportFile(): Promise<void> {
    const reply = await request({ type: 'templates/export' });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    download(EXPORT_FILE_NAME, 'application/json', `${JSON.stringify(reply.data.document, null, 2)}\n`);
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
      <StatusLine status={status} />
      <JsonFileImport
        id="import"
        labels={LABELS}
        onImport={async (file, mode) => {
          const read = await readJsonFile(file);
          if ('notJson' in read) return read.notJson;
          const reply = await request({ type: 'templates/import', document: read.document, mode });
          if (!reply.ok) return { ok: false, text: reply.error.message };
          importsDone.value += 1;
          await loadTemplates();
          return { ok: true, text: tCount('importDone', reply.data.templates) };
        }}
      />
    </section>
  );
}
