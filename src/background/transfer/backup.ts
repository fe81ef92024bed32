import { fanSalt } from '../fans/salted-keys';
import { refuseOtherKind } from './file-kind';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from '../../shared/backup';
import type { IDBPObjectStore, StoreNames } from 'idb';
import { splitIntoParts } from '../../shared/backup-parts';
import type { ImportMode } from '../../shared/export-document';
import { MAX_LOG_ENTRIES, type FanRecord, type OutreachEntry } from '../../shared/outreach';
import { allSightings } from '../discretion/sighting-store';
import { putSightings } from '../discretion/sighting-merge';
import { dropUpload, joinUpload } from './backup-uploads';
import { DATABASE_VERSION } from '../storage/migrations';
import { KEYS } from '../storage/keys';
import { readMetaIn, writeMetaIn } from '../storage/stored';
import { type OutreachDatabase, type OutreachSchema } from '../storage/schema';
import { offendingPaths } from './data-transfer';
import { isForgotten, keepForgottenForgotten } from './forgotten-in-backup';
import { withReplies } from '../fans/private-replies';
import { newestEntries } from '../outreach/log';
import { RequestError } from '../request';
import {
  loadCustomPlaceholders,
  loadPageLanguages,
  loadSavedSettings,
  PAGE_LANGUAGES_KEY,
  PLACEHOLDERS_KEY,
  POLICY_KEY,
} from '../settings/settings-store';

/**
 * Everything, read in one transaction so the file is one moment of the database. The log's newest
 * `maxEntries` only: beyond the log's size limit, entries are on their way out (maintenance drops the
 * oldest), and the file stays one that import accepts.
 */
export async function exportBackup(
  db: OutreachDatabase,
  now: number,
  maxEntries = MAX_LOG_ENTRIES,
): Promise<Backup> {
  const tx = db.transaction(['outreach', 'fans', 'templates', 'settings', 'meta', 'sightingChunks']);
  const [outreach, fans, templates, fanSalt, sightings, triageLearning] = await Promise.all([
    wholeLogOrNewest(tx.objectStore('outreach'), maxEntries),
    tx.objectStore('fans').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('meta').get(KEYS.fanSalt.key()),
    allSightings(tx.objectStore('sightingChunks')),
    readMetaIn(tx.objectStore('meta'), KEYS.triageLearning),
  ]);
  await tx.done;
  const [settings, placeholders, pageLanguages] = await Promise.all([
    loadSavedSettings(db),
    loadCustomPlaceholders(db),
    loadPageLanguages(db),
  ]);
  return restorable({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: DATABASE_VERSION,
    exportedAt: new Date(now).toISOString(),
    outreach,
    fans,
    templates,
    settings,
    placeholders,
    pageLanguages,
    sightings,
    fanSalt: fanSalt ?? '',
    ...(triageLearning ? { triageLearning } : {}),
  });
}

/**
 * The backup, checked as a restore will check it: a file that would be refused is never written, and
 * the admin is told what in it would be (a teammate's data, say, that this version cannot keep).
 */
function restorable(backup: Backup): Backup {
  const checked = BackupSchema.safeParse(backup);
  if (checked.success) return backup;
  const where = checked.error.issues.slice(0, 3).map((issue) => issue.path.join('.') || '(file)');
  throw new RequestError('invalid-request', 'errorBackupNotRestorable', [where.join(', ')]);
}

/** The log, or its newest `max` entries when it holds more. */
async function wholeLogOrNewest(
  store: IDBPObjectStore<OutreachSchema, StoreNames<OutreachSchema>[], 'outreach', 'readonly'>,
  max: number,
): Promise<OutreachEntry[]> {
  return (await store.count()) <= max ? store.getAll() : newestEntries(store.index('byCreatedAt'), max);
}

/**
 * One part of a backup's text, for a page that asks for them one by one. The backup is made afresh
 * for each part, so nothing waits in a worker that may die between two; the digest of the whole text
 * lets the page check that its parts are of one backup (the log may change in between).
 */
export async function exportBackupPart(backup: Backup, part: number) {
  const text = `${JSON.stringify(backup)}\n`;
  const parts = splitIntoParts(text);
  const wanted = parts[part];
  if (wanted === undefined) throw new RequestError('invalid-request');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return { text: wanted, part, parts: parts.length, digest: Array.from(digest, hex).join('') };
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

/**
 * Restores a backup all or nothing: checked whole, then written in one transaction. Replacing first
 * empties every store (and takes the backup's salt); merging adds and updates, deleting nothing,
 * never putting an older row over a newer one, and keeps this browser's salt and settings. Either way
 * a fan forgotten here since the backup stays forgotten, with their limits.
 */
async function restoreBackup(
  db: OutreachDatabase,
  document: unknown,
  mode: ImportMode,
  now: number,
): Promise<{ entries: number }> {
  refuseOtherKind(document, BACKUP_FORMAT);
  const parsed = BackupSchema.safeParse(document);
  if (!parsed.success)
    throw new RequestError('invalid-request', 'errorImportInvalid', [offendingPaths(parsed.error)]);
  const backup = parsed.data;
  if (backup.schemaVersion > DATABASE_VERSION)
    throw new RequestError('invalid-request', 'errorStorageNewerVersion');
  const localSalt = await fanSalt(db);
  // A backup's tombstones are filed under its own salt: merged into this browser's, they would never
  // match their fan again, and the limits they hold would be lost.
  if (
    mode === 'merge' &&
    backup.fanSalt !== localSalt &&
    [...backup.outreach, ...backup.fans].some(isForgotten)
  )
    throw new RequestError('invalid-request', 'errorBackupMergeSalt');
  const {
    outreach,
    fans,
    sightings = [],
  } = await keepForgottenForgotten(
    db,
    backup,
    { local: localSalt, restored: mode === 'replace' ? backup.fanSalt : localSalt },
    now,
  );
  // Another browser's sightings are keyed under its salt: merged here they would never meet a fan of
  // this log, and would count as strangers. They cannot be re-keyed (they name no one), so they stay out.
  const sightingsKept = mode === 'merge' && backup.fanSalt !== localSalt ? [] : sightings;
  const tx = db.transaction(
    ['outreach', 'fans', 'templates', 'settings', 'meta', 'sightingChunks'],
    'readwrite',
    {
      durability: 'strict',
    },
  );
  /** Merging never puts an older copy of a row over a newer one. */
  const putNewer = async <K, T extends { updatedAt: number }>(
    store: { get(key: K): Promise<T | undefined>; put(value: T): Promise<unknown> },
    key: K,
    value: T,
  ) => {
    const current = mode === 'merge' ? await store.get(key) : undefined;
    if (!current || current.updatedAt <= value.updatedAt) await store.put(value);
  };
  /** A fan's record merges like any row, but the private replies seen in either copy all stay. */
  const putFan = async (
    store: {
      get(key: [string, string]): Promise<FanRecord | undefined>;
      put(value: FanRecord): Promise<unknown>;
    },
    fan: FanRecord,
  ) => {
    const current = mode === 'merge' ? await store.get([fan.pageId, fan.fanId]) : undefined;
    const [newer, older] = !current || current.updatedAt <= fan.updatedAt ? [fan, current] : [current, fan];
    const answered = withReplies(newer.answered, older?.answered ?? []);
    await store.put({ ...newer, ...(answered.length > 0 ? { answered } : {}) });
  };
  try {
    if (mode === 'replace') {
      await Promise.all([
        tx.objectStore('outreach').clear(),
        tx.objectStore('fans').clear(),
        tx.objectStore('templates').clear(),
        tx.objectStore('sightingChunks').clear(),
      ]);
    }
    await Promise.all([
      ...outreach.map((entry) => putNewer(tx.objectStore('outreach'), entry.id, entry)),
      ...fans.map((fan) => putFan(tx.objectStore('fans'), fan)),
      ...backup.templates.map((template) => tx.objectStore('templates').put(template)),
      // A comment seen in both copies keeps the record with Facebook's time, else this browser's.
      putSightings(tx.objectStore('sightingChunks'), sightingsKept),
      ...(mode === 'replace'
        ? [
            tx.objectStore('settings').put(backup.settings, POLICY_KEY),
            tx.objectStore('settings').put(backup.placeholders, PLACEHOLDERS_KEY),
            tx.objectStore('settings').put(backup.pageLanguages ?? {}, PAGE_LANGUAGES_KEY),
            tx.objectStore('meta').put(backup.fanSalt, KEYS.fanSalt.key()),
            backup.triageLearning
              ? writeMetaIn(tx.objectStore('meta'), KEYS.triageLearning, backup.triageLearning)
              : tx.objectStore('meta').delete(KEYS.triageLearning.key()),
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

/** Restores the backup file uploaded in `parts` parts (see backup-uploads.ts); the upload goes either way. */
export async function restoreUploadedBackup(
  db: OutreachDatabase,
  upload: { uploadId: string; parts: number },
  mode: ImportMode,
  now: number,
): Promise<{ entries: number }> {
  try {
    const text = await joinUpload(db, upload.uploadId, upload.parts);
    return await restoreBackup(db, parseJson(text), mode, now);
  } finally {
    await dropUpload(db, upload.uploadId);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError('invalid-request', 'errorBackupNotJson');
  }
}
