import { useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { download } from '../shared/download';
import type { ImportMode } from '../shared/export-document';
import { t } from '../shared/i18n';

const BACKUP_FILE = 'page-outreach-backup.json';

/** Backup of everything as one JSON file, and restoring one (merged or replacing), all or nothing. */
export function BackupRestore() {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function backUp(): Promise<void> {
    const reply = await request({ type: 'backup/export' });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    download(BACKUP_FILE, 'application/json', `${JSON.stringify(reply.data.document)}\n`);
  }

  async function restore(file: File): Promise<void> {
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setStatus({ ok: false, text: t('importNotJson', file.name) });
    }
    const reply = await request({ type: 'backup/restore', document, mode });
    setStatus(
      reply.ok
        ? { ok: true, text: t('backupRestored', String(reply.data.entries)) }
        : { ok: false, text: reply.error.message },
    );
  }

  return (
    <section class="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupTitle')}</h2>
      <p>{t('backupIntro')}</p>
      <button type="button" onClick={() => void backUp()}>
        {t('backupExport')}
      </button>
      <fieldset class="import-mode">
        <legend>{t('importModeLegend')}</legend>
        <label>
          <input
            type="radio"
            name="restore-mode"
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />
          {t('restoreModeMerge')}
        </label>
        <label>
          <input
            type="radio"
            name="restore-mode"
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />
          {t('restoreModeReplace')}
        </label>
      </fieldset>
      <label for="restore-file">{t('backupRestoreLabel')}</label>{' '}
      <input
        id="restore-file"
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void restore(file);
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
