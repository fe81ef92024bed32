import type { IDBPObjectStore, StoreNames } from 'idb';
import type { OutreachEntry } from '../../shared/outreach';
import type { OutboxItem, OutboxKind, OutreachDatabase, OutreachSchema } from './schema';

/**
 * The one durable outbox of what waits to be told to a Page's team: in IndexedDB, so a worker that
 * dies keeps it; one record per item, so saving one item never rewrites another. A teller reads the
 * items, tells each, and drops one only if the version it told is the one still stored: a state saved
 * while it was telling stays, and goes with the next telling.
 */
type Store = IDBPObjectStore<
  OutreachSchema,
  ArrayLike<StoreNames<OutreachSchema>>,
  'teamOutbox',
  'readwrite'
>;
type Unversioned = OutboxItem extends infer Item
  ? Item extends OutboxItem
    ? Omit<Item, 'version'>
    : never
  : never;

/** Every item of one Page: its key's first part is the Page's (arrays sort after every string). */
const ofPage = (pageId: string) => IDBKeyRange.bound([pageId], [pageId, []]);

/** A contact's state waiting for the team: its version is the entry's, which each settle moves on. */
export const contactItem = (entry: OutreachEntry): OutboxItem => ({
  pageId: entry.pageId,
  kind: 'contact',
  subject: entry.id,
  version: `${entry.status}@${entry.updatedAt}`,
  at: entry.updatedAt,
});

/** Puts an item in the outbox in the caller's transaction, over any older state of the same subject. */
export async function putInOutbox(store: Store, item: OutboxItem): Promise<void> {
  await store.put(item);
}

/** Puts a new state of an item in the outbox (a new version), over any older one. */
export async function enqueue(db: OutreachDatabase, item: Unversioned): Promise<OutboxItem> {
  const versioned = { ...item, version: crypto.randomUUID() } as OutboxItem;
  await db.put('teamOutbox', versioned);
  return versioned;
}

/** What waits for a Page's team, oldest kind first as the keys sort. */
export async function outboxOf(db: OutreachDatabase, pageId: string): Promise<OutboxItem[]> {
  return db.getAll('teamOutbox', ofPage(pageId));
}

/** How many items wait for a Page's team, of every kind. */
export async function outboxCount(db: OutreachDatabase, pageId: string): Promise<number> {
  return db.count('teamOutbox', ofPage(pageId));
}

/**
 * The team took `told`: it leaves the outbox unless a newer state replaced it meanwhile. `alsoThen`
 * runs in the same transaction when it does leave (the log's copy of a contact marks it confirmed).
 */
export async function settleTold(
  db: OutreachDatabase,
  told: OutboxItem,
  alsoThen?: (entry: OutreachEntry) => OutreachEntry,
): Promise<boolean> {
  const tx = db.transaction(['teamOutbox', 'outreach'], 'readwrite');
  const key: [string, OutboxKind, string] = [told.pageId, told.kind, told.subject];
  const stored = await tx.objectStore('teamOutbox').get(key);
  const current = stored?.version === told.version;
  if (current) {
    await tx.objectStore('teamOutbox').delete(key);
    const entry = alsoThen && (await tx.objectStore('outreach').get(told.subject));
    if (entry && alsoThen) await tx.objectStore('outreach').put(alsoThen(entry));
  }
  await tx.done;
  return current;
}

/** Takes an item out whatever its version: it is no longer to be told (a forgotten fan's note). */
export async function dropFromOutbox(
  db: OutreachDatabase,
  pageId: string,
  kind: OutboxKind,
  subject: string,
): Promise<void> {
  await db.delete('teamOutbox', [pageId, kind, subject]);
}

/** Empties a Page's outbox: its team was left. */
export async function clearOutbox(db: OutreachDatabase, pageId: string): Promise<void> {
  await db.delete('teamOutbox', ofPage(pageId));
}
