import { withDatabase, type MirroredFanDocument } from '../database';
import { syncedKey as templatesSyncedKey } from './team-templates';

/** Key in `meta` of where this browser's copy of a Page's team stands in the server's changes feed. */
export const checkpointKey = (pageId: string) => `teamSeq:${pageId}`;

/**
 * Drops what this browser copied of the team (leaving it, or removed from it); its own entries stay,
 * and so do the templates, which are the admin's now.
 */
export async function dropTeamCopy(pageId: string): Promise<void> {
  await withDatabase(async (db) => {
    const tx = db.transaction(['outreach', 'teamFans', 'meta'], 'readwrite');
    const range = IDBKeyRange.bound([pageId, ''], [pageId, '\uffff']);
    await tx.objectStore('teamFans').delete(range);
    const rows = await tx
      .objectStore('outreach')
      .index('byPageTime')
      .getAll(IDBKeyRange.bound([pageId, -Infinity], [pageId, Infinity]));
    for (const row of rows) if (row.author) await tx.objectStore('outreach').delete(row.id);
    await tx.objectStore('meta').delete(checkpointKey(pageId));
    await tx.objectStore('meta').delete(templatesSyncedKey(pageId));
    await tx.done;
  });
}

/** The fan's team document as this browser last pulled it, or null when it has none. */
export async function mirroredFanDocument(
  pageId: string,
  fanKey: string,
): Promise<MirroredFanDocument | null> {
  return (await withDatabase((db) => db.get('teamFans', [pageId, fanKey]))) ?? null;
}
