import type { PopupToBackground } from '../../shared/messages';
import { withDatabase } from '../storage/database';
import { announceEverythingChanged } from '../outreach/change-feed';
import { exportBackup, exportBackupPart, restoreUploadedBackup } from '../transfer/backup';
import { stageUploadPart } from '../transfer/backup-uploads';
import { exportTemplatesAndSettings, importTemplatesAndSettings } from '../transfer/data-transfer';
import type { HandlerMap } from '../handler-map';

/** Files in and out: templates and settings, and whole backups (in parts). */
export const transferHandlers: HandlerMap<
  Extract<
    PopupToBackground,
    { type: 'templates/export' | 'templates/import' | 'backup/export' | 'backup/upload' | 'backup/restore' }
  >
> = {
  async 'templates/export'(_message, { now }) {
    return { document: await withDatabase((db) => exportTemplatesAndSettings(db, now)) };
  },

  async 'templates/import'({ document, mode }) {
    return withDatabase((db) => importTemplatesAndSettings(db, document, mode));
  },

  async 'backup/export'({ part, exportedAt }) {
    return exportBackupPart(await withDatabase((db) => exportBackup(db, exportedAt)), part);
  },

  async 'backup/upload'({ uploadId, part, text }, { now }) {
    await withDatabase((db) => stageUploadPart(db, { uploadId, part, text }, now));
    return {};
  },

  async 'backup/restore'({ uploadId, parts, mode }, { now, team }) {
    const restored = await withDatabase((db) => restoreUploadedBackup(db, { uploadId, parts }, mode, now));
    // What this browser last agreed with its teams no longer describes its data.
    await team.afterRestore();
    // Open logs reload, and facebook.com tabs ask again for every fan they show.
    await announceEverythingChanged(now);
    return restored;
  },
};
