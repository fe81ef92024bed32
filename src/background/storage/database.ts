import { openDB, unwrap } from 'idb';
import { DATABASE_VERSION, MIGRATIONS } from './migrations';
import type { OutreachDatabase, OutreachSchema } from './schema';
import { storageFailure, storageMissing, upgradeBlocked } from './storage-errors';

export const DATABASE_NAME = 'page-outreach';

/**
 * Opens the database at the current version, upgrading it if needed. Refuses with a clear error, rather
 * than waiting forever, when IndexedDB is missing or an old connection holds up the upgrade.
 * `onLost` is called when the connection closes by itself: a newer version wants it gone, or the
 * browser closed it.
 */
export async function openDatabase(onLost: () => void = () => undefined): Promise<OutreachDatabase> {
  if (typeof indexedDB === 'undefined') throw storageMissing();
  let rejectBlocked: (error: Error) => void = () => undefined;
  const blocked = new Promise<never>((_resolve, reject) => (rejectBlocked = reject));
  const opening = openDB<OutreachSchema>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(unwrap(db), unwrap(tx));
    },
    // An open connection must never hold up a newer version's upgrade: let it go.
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
      onLost();
    },
    blocked() {
      rejectBlocked(upgradeBlocked());
    },
    terminated: onLost,
  });
  // If the upgrade goes through after all, the connection it opens must not be left open.
  blocked.catch(
    () =>
      void opening.then(
        (db) => db.close(),
        () => undefined,
      ),
  );
  return Promise.race([opening, blocked]);
}

/**
 * The worker's connection, per IndexedDB factory. A cache, not state: everything lives in the
 * database, and a worker that dies simply opens it again. Opening costs grow with the database
 * (measured: +1.5 ms per request at 100,000 entries), so requests share one connection.
 */
const connections = new WeakMap<IDBFactory, Promise<OutreachDatabase>>();

function connection(): Promise<OutreachDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(storageMissing());
  const factory = indexedDB;
  let opened = connections.get(factory);
  if (!opened) {
    const opening = openDatabase(() => forget());
    const forget = () => {
      if (connections.get(factory) === opening) connections.delete(factory);
    };
    // A failed open is not cached: the next request tries again.
    opening.catch(forget);
    connections.set(factory, opening);
    opened = opening;
  }
  return opened;
}

/**
 * Runs one piece of work on the database. Storage failures (quota, IndexedDB unavailable, blocked
 * upgrade) become clear refusals.
 */
export async function withDatabase<T>(work: (db: OutreachDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(await connection());
  } catch (error) {
    throw storageFailure(error) ?? error;
  }
}
