import type { OutreachDatabase } from '../storage/schema';
import { RequestError } from '../request';

/**
 * A backup file too big for one message comes in parts, each kept in IndexedDB as it arrives, so a
 * worker that dies between two parts loses nothing; the restore joins them and the upload is gone.
 */

/** An upload not restored by then was abandoned (its page closed midway): maintenance drops it. */
export const UPLOAD_MAX_AGE_MS = 60 * 60_000;

const partsOf = (uploadId: string) => IDBKeyRange.bound([uploadId, 0], [uploadId, Infinity]);

export async function stageUploadPart(
  db: OutreachDatabase,
  upload: { uploadId: string; part: number; text: string },
  now: number,
): Promise<void> {
  await db.put('uploads', { ...upload, storedAt: now });
}

/** The upload's text, parts 0 to `parts - 1` joined; a clear error when one of them never arrived. */
export async function joinUpload(db: OutreachDatabase, uploadId: string, parts: number): Promise<string> {
  const stored = await db.getAll('uploads', partsOf(uploadId));
  const texts = stored.filter((upload) => upload.part < parts).map((upload) => upload.text);
  if (texts.length !== parts) throw new RequestError('invalid-request', 'errorBackupIncomplete');
  return texts.join('');
}

export async function dropUpload(db: OutreachDatabase, uploadId: string): Promise<void> {
  await db.delete('uploads', partsOf(uploadId));
}

/** Drops the parts of uploads begun before `before`, reading keys only (a part may be megabytes). */
export async function dropStaleUploads(db: OutreachDatabase, before: number): Promise<void> {
  const tx = db.transaction('uploads', 'readwrite');
  let cursor = await tx.store.index('byStoredAt').openKeyCursor(IDBKeyRange.upperBound(before, true));
  while (cursor) {
    await tx.store.delete(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  await tx.done;
}
