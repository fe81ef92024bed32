import { type OutreachEntry } from '../../shared/outreach';
import type { IDBPIndex, StoreNames } from 'idb';
import type { OutreachDatabase, OutreachSchema } from '../storage/schema';
import { RequestError } from '../request';

/** Newest entries the log view lists. */
export const LOG_PAGE_SIZE = 200;

/** Where a page of the log ends: the next page starts just after this entry. */
export interface LogCursor {
  createdAt: number;
  id: string;
}

/**
 * The newest entries first, `limit` at a time; `before` continues after the last entry of the
 * previous page. Entries of the same millisecond come in descending id order, as the index has them.
 */
export async function listOutreach(
  db: OutreachDatabase,
  { before, limit = LOG_PAGE_SIZE }: { before?: LogCursor; limit?: number } = {},
): Promise<OutreachEntry[]> {
  return newestEntries(db.transaction('outreach').store.index('byCreatedAt'), limit, before);
}

/** The newest `limit` entries of the log, in the caller's transaction; `before` as in `listOutreach`. */
export async function newestEntries<Stores extends StoreNames<OutreachSchema>[]>(
  index: IDBPIndex<OutreachSchema, Stores, 'outreach', 'byCreatedAt', IDBTransactionMode>,
  limit: number,
  before?: LogCursor,
): Promise<OutreachEntry[]> {
  const entries: OutreachEntry[] = [];
  const range = before ? IDBKeyRange.upperBound(before.createdAt) : null;
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && entries.length < limit) {
    const entry = cursor.value;
    if (!before || entry.createdAt < before.createdAt || entry.id < before.id) entries.push(entry);
    cursor = await cursor.continue();
  }
  return entries;
}

/** One entry by id, or null when there is none. */
export async function getOutreach(db: OutreachDatabase, id: string): Promise<OutreachEntry | null> {
  return (await db.get('outreach', id)) ?? null;
}

/**
 * The Pages the log has messaged from, each with the name of its newest entry; one key step per Page,
 * not a read of the whole log.
 */
export async function pagesInLog(db: OutreachDatabase): Promise<Array<{ pageId: string; pageName: string }>> {
  const pages: Array<{ pageId: string; pageName: string }> = [];
  const index = db.transaction('outreach').store.index('byPageTime');
  let cursor = await index.openCursor(null, 'prev');
  while (cursor) {
    const { pageId, pageName } = cursor.value;
    pages.push({ pageId, pageName });
    // The Page's newest entry came first (newest last in key order); skip its others.
    cursor = await cursor.continue([pageId, -Infinity]);
  }
  return pages.reverse();
}

/** Deletes one entry (a message that was never really sent): it no longer counts. */
export async function deleteOutreach(db: OutreachDatabase, id: string): Promise<OutreachEntry | null> {
  const tx = db.transaction('outreach', 'readwrite', { durability: 'strict' });
  const entry = await tx.store.get(id);
  if (entry) await tx.store.delete(id);
  await tx.done;
  return entry ?? null;
}

/**
 * Puts a deleted entry back exactly as it was (undo). Refused when its id or its comment's single
 * private reply has been taken since.
 */
export async function restoreOutreach(db: OutreachDatabase, entry: OutreachEntry): Promise<void> {
  const tx = db.transaction('outreach', 'readwrite', { durability: 'strict' });
  try {
    await tx.store.add(entry);
    await tx.done;
  } catch (error) {
    // The failed add aborts the transaction; its rejection is this same failure.
    await tx.done.catch(() => undefined);
    if (error instanceof DOMException && error.name === 'ConstraintError') {
      throw new RequestError('invalid-request', 'errorRestoreConflict');
    }
    throw error;
  }
}
