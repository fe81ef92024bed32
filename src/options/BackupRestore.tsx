import { useState } from 'preact/hooks';
import { fetchBackupText } from '../shared/backup-download';
import { uploadAndRestoreBackup } from '../shared/backup-upload';
import { download } from '../shared/download';
import { t, tCount } from '../shared/i18n';
import { JsonFileImport } from '../shared/ui/JsonFileImport';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { importsDone } from './import-events';
import { loadTemplates } from './templates-store';

const BACKUP_FILE = 'page-outreach-backup.json';
const LABELS = {
  merge: 'restoreModeMerge',
  replace: 'restoreModeReplace',
  file: 'backupRestoreLabel',
} as const;

/**
 * Backup of everything (the log, fans, templates, settings) as one JSON file, and restoring one (merged
 * or replacing), all or nothing. Open log pages follow a restore by themselves.
 */
export function BackupRestore() {
  const [status, setStatus] = useState<Status | null>(null);

  async function backUp(): Promise<void> {
    const reply = await fetchBackupText(Date.now());
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    download(BACKUP_FILE, 'application/json', reply.text);
  }

  return (
    <section class="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupTitle')}</h2>
      <p>{t('backupIntro')}</p>
      <div class="actions">
        <button type="button" onClick={() => void backUp()}>
          {t('backupExport')}
        </button>
      </div>
      <StatusLine status={status} />
      <JsonFileImport
        id="restore"
        labels={LABELS}
        onImport={async (file, mode) => {
          const reply = await uploadAndRestoreBackup(await file.text(), mode);
          if (!reply.ok) return { ok: false, text: reply.error.message };
          // A backup holds the settings and templates this page shows too.
          importsDone.value += 1;
          await loadTemplates();
          return { ok: true, text: tCount('backupRestored', reply.data.entries) };
        }}
      />
    </section>
  );
}
