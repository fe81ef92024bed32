import type { IDBPObjectStore } from 'idb';
import { contactItem, putInOutbox } from '../storage/outbox';
import type { OutreachEntry } from '../../shared/outreach';
import type { OutreachDatabase, OutreachSchema } from '../storage/schema';

/** Most expired entries one maintenance run deletes. */
const EXPIRY_BATCH = 5000;

/** How long a delivery may stay open before nobody can tell any more how it ended. */
export interface DeliveryTimeouts {
  /**
   * From the reservation, or from the claim that started its delivery: the popup delivers at once and
   * a delivery answers within seconds, so only an interruption leaves one reserved or sending.
   */
  reservedMs: number;
  /** From the text landing in Facebook's message box: the admin may take a while to press Send. */
  preparedMs: number;
}

/**
 * Turns deliveries nobody finished in time into `unknown`: they were interrupted (popup closed, worker
 * killed, tab gone) and nobody can tell whether the fan got the message. They keep their comment and
 * keep counting, so nothing is sent twice. Returns how many were marked.
 */
export async function markInterrupted(
  db: OutreachDatabase,
  now: number,
  timeouts: DeliveryTimeouts,
): Promise<number> {
  const tx = db.transaction(['outreach', 'teamOutbox'], 'readwrite');
  const store = tx.objectStore('outreach');
  const byStatus = store.index('byStatus');
  const [reserved = [], sending = [], prepared = []] = await Promise.all(
    (['reserved', 'sending', 'prepared'] as const).map((status) => byStatus.getAll(status)),
  );
  // Strictly older: a reservation made in the very millisecond maintenance runs is still being made.
  // Another admin's deliveries are not this worker's to have interrupted.
  const stale = [
    ...[...reserved, ...sending].filter((entry) => entry.updatedAt < now - timeouts.reservedMs),
    ...prepared.filter((entry) => entry.updatedAt < now - timeouts.preparedMs),
  ].filter((entry) => entry.author === undefined);
  for (const entry of stale) {
    const unknown: OutreachEntry = { ...entry, status: 'unknown', updatedAt: now };
    // As any settle does: the team hears that this send's fate is unknown, and keeps counting it.
    if (entry.team) unknown.team = 'pending';
    await store.put(unknown);
    if (unknown.team) await putInOutbox(tx.objectStore('teamOutbox'), contactItem(unknown));
  }
  await tx.done;
  return stale.length;
}

/**
 * Deletes the entries created before `before` (retention), a bounded batch per call so one run never
 * holds a long transaction; maintenance runs again soon. Returns how many were deleted.
 */
export async function dropExpired(
  db: OutreachDatabase,
  before: number,
  batch = EXPIRY_BATCH,
): Promise<number> {
  const tx = db.transaction('outreach', 'readwrite');
  const dropped = await dropOldest(tx.store, IDBKeyRange.upperBound(before, true), batch);
  await tx.done;
  return dropped;
}

/** Deletes the `count` oldest entries within `range`, in the caller's transaction. */
async function dropOldest(
  store: IDBPObjectStore<OutreachSchema, ['outreach'], 'outreach', 'readwrite'>,
  range: IDBKeyRange | null,
  count: number,
): Promise<number> {
  const keys = await store.index('byCreatedAt').getAllKeys(range, count);
  await Promise.all(keys.map((key) => store.delete(key)));
  return keys.length;
}

/**
 * Deletes entries beyond `cap` (the log's size limit), a bounded batch per call like `dropExpired`:
 * teammates' copies first, oldest first (however many a teammate writes, they never push out this
 * browser's own history); then this browser's own entries, oldest first, but never one created from
 * `keepFrom` on, which a rule still looks at. Returns how many were deleted.
 */
export async function dropBeyondCap(
  db: OutreachDatabase,
  cap: number,
  keepFrom: number,
  batch = EXPIRY_BATCH,
): Promise<number> {
  const tx = db.transaction('outreach', 'readwrite');
  const excess = Math.min((await tx.store.count()) - cap, batch);
  let dropped = 0;
  const drop = async (which: (entry: OutreachEntry) => boolean, range: IDBKeyRange | null) => {
    let cursor = await tx.store.index('byCreatedAt').openCursor(range);
    while (cursor && dropped < excess) {
      if (which(cursor.value)) {
        await cursor.delete();
        dropped += 1;
      }
      cursor = await cursor.continue();
    }
  };
  if (excess > 0) await drop((entry) => entry.author !== undefined, null);
  if (dropped < excess)
    await drop((entry) => entry.author === undefined, IDBKeyRange.upperBound(keepFrom, true));
  await tx.done;
  return dropped;
}
