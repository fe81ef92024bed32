import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from '../shared/backup';
import type { ImportMode } from '../shared/export-document';
import { DATABASE_VERSION, FAN_SALT_KEY, type OutreachDatabase } from './database';
import { offendingPaths } from './data-transfer';
import { RequestError } from './request-error';
import { loadCustomPlaceholders, loadSavedSettings, PLACEHOLDERS_KEY, POLICY_KEY } from './settings-store';

/** Everything, read in one transaction so the file is one consistent moment of the database. */
export async function exportBackup(db: OutreachDatabase, now: number): Promise<Backup> {
  const tx = db.transaction(['outreach', 'fans', 'templates', 'settings', 'meta']);
  const [outreach, fans, templates, fanSalt] = await Promise.all([
    tx.objectStore('outreach').getAll(),
    tx.objectStore('fans').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('meta').get(FAN_SALT_KEY),
  ]);
  await tx.done;
  const [settings, placeholders] = await Promise.all([loadSavedSettings(db), loadCustomPlaceholders(db)]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: DATABASE_VERSION,
    exportedAt: new Date(now).toISOString(),
    outreach,
    fans,
    templates,
    settings,
    placeholders,
    fanSalt: fanSalt ?? '',
  };
}

/**
 * Restores a backup all or nothing: checked whole, then written in one transaction. Replacing first
 * empties every store (and takes the backup's salt); merging adds and updates, deleting nothing, and
 * keeps this browser's salt and settings.
 */
export async function restoreBackup(
  db: OutreachDatabase,
  document: unknown,
  mode: ImportMode,
): Promise<{ entries: number }> {
  const parsed = BackupSchema.safeParse(document);
  if (!parsed.success)
    throw new RequestError('invalid-request', 'errorImportInvalid', [offendingPaths(parsed.error)]);
  const backup = parsed.data;
  if (backup.schemaVersion > DATABASE_VERSION)
    throw new RequestError('invalid-request', 'errorStorageNewerVersion');
  const tx = db.transaction(['outreach', 'fans', 'templates', 'settings', 'meta'], 'readwrite', {
    durability: 'strict',
  });
  try {
    if (mode === 'replace') {
      await Promise.all([
        tx.objectStore('outreach').clear(),
        tx.objectStore('fans').clear(),
        tx.objectStore('templates').clear(),
      ]);
    }
    await Promise.all([
      ...backup.outreach.map((entry) => tx.objectStore('outreach').put(entry)),
      ...backup.fans.map((fan) => tx.objectStore('fans').put(fan)),
      ...backup.templates.map((template) => tx.objectStore('templates').put(template)),
      ...(mode === 'replace'
        ? [
            tx.objectStore('settings').put(backup.settings, POLICY_KEY),
            tx.objectStore('settings').put(backup.placeholders, PLACEHOLDERS_KEY),
            tx.objectStore('meta').put(backup.fanSalt, FAN_SALT_KEY),
          ]
        : []),
    ]);
    await tx.done;
  } catch (error) {
    await tx.done.catch(() => undefined);
    // Two entries holding one comment's private reply: the backup disagrees with this log.
    if (error instanceof DOMException && error.name === 'ConstraintError') {
      throw new RequestError('invalid-request', 'errorBackupConflict');
    }
    throw error;
  }
  return { entries: backup.outreach.length };
}
