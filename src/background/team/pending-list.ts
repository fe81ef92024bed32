import { withDatabase } from '../storage/database';

/**
 * What waits in this browser for the team server (marks, forgotten fans), as a JSON list in `meta`
 * under `key`: in IndexedDB, so a worker that dies keeps it, and gone once nothing waits.
 */
export async function loadPending<T>(key: string): Promise<T[]> {
  const stored = await withDatabase((db) => db.get('meta', key));
  return stored ? (JSON.parse(stored) as T[]) : [];
}

export async function savePending<T>(key: string, items: readonly T[]): Promise<void> {
  await withDatabase(async (db) => {
    if (items.length > 0) await db.put('meta', JSON.stringify(items), key);
    else await db.delete('meta', key);
  });
}
