import { withDatabase } from '../storage/database';
import { KEYS } from '../storage/keys';
import type { MirroredFanDocument } from '../storage/schema';
import { contactItem, putInOutbox } from '../storage/outbox';

/**
 * Everything this browser keeps of a Page's team, named in one place, and what leaving, being removed
 * and restoring a backup each reset. The team's credentials are membership.ts's; the rest lives in
 * IndexedDB: `meta` keys per Page (below), the `teamFans` store (the fans' documents as last pulled),
 * teammates' rows in the log (entries with an `author`), and what waits to be told (`teamOutbox`).
 */
export const teamKeys = {
  /** The team's settings (salt, limits, strictness) as last read, with when (state.ts). */
  settings: KEYS.teamSettings,
  /** Where this browser's copy stands in the server's changes feed (pull.ts). */
  checkpoint: KEYS.teamCheckpoint,
  /** The server's revision of each shared template this browser last agreed with (templates.ts). */
  templates: KEYS.teamTemplates,
  /** When this browser last told the team everything it had waiting (sync.ts). */
  lastSync: KEYS.teamLastSync,
  /** How many of the server's documents this browser refused, and the last one (bad-documents.ts). */
  badDocuments: KEYS.teamBadDocuments,
} as const;

/** What a Page's team shared with this browser: the fans' documents, teammates' rows, the checkpoint. */
async function dropSharedCopy(
  pageId: string,
  also: ReadonlyArray<keyof typeof teamKeys>,
  outbox: 'keep' | 'clear',
): Promise<void> {
  await withDatabase(async (db) => {
    const tx = db.transaction(['outreach', 'teamFans', 'meta', 'teamOutbox'], 'readwrite');
    if (outbox === 'clear')
      await tx.objectStore('teamOutbox').delete(IDBKeyRange.bound([pageId], [pageId, []]));
    await tx.objectStore('teamFans').delete(IDBKeyRange.bound([pageId, ''], [pageId, '\uffff']));
    const rows = await tx
      .objectStore('outreach')
      .index('byPageTime')
      .getAll(IDBKeyRange.bound([pageId, -Infinity], [pageId, Infinity]));
    for (const row of rows) if (row.author) await tx.objectStore('outreach').delete(row.id);
    for (const key of ['checkpoint', 'templates', ...also] as const)
      await tx.objectStore('meta').delete(teamKeys[key].key(pageId));
    await tx.done;
  });
}

/**
 * The server no longer accepts this admin: what the team shared is no longer theirs to see. Their own
 * entries stay, and so do the templates, which are the admin's now; what waits stays, should they be
 * let back in.
 */
export async function resetWhenRemoved(pageId: string): Promise<void> {
  await dropSharedCopy(pageId, [], 'keep');
}

/** The admin left the Page's team: nothing of it is kept, and nothing waits for it any more. */
export async function resetWhenLeft(pageId: string): Promise<void> {
  await dropSharedCopy(pageId, ['settings', 'lastSync', 'badDocuments'], 'clear');
}

/** What a restore leaves stale, by `meta` key prefix: see resetAfterRestore. */
const STALE_AFTER_RESTORE = [teamKeys.checkpoint.key(''), teamKeys.templates.key('')];

/**
 * A backup was restored over this browser's data: what it last agreed with each team's server about
 * templates and the changes feed no longer describes what is here. Forgetting both makes the next sync
 * pull the team's versions afresh instead of taking the templates the backup lacks for deletions. The
 * restored log's contacts the team has still to hear of wait for it again.
 */
export async function resetAfterRestore(): Promise<void> {
  await withDatabase(async (db) => {
    const tx = db.transaction(['meta', 'outreach', 'teamOutbox'], 'readwrite');
    const meta = tx.objectStore('meta');
    for (const key of await meta.getAllKeys()) {
      if (STALE_AFTER_RESTORE.some((prefix) => key.startsWith(prefix))) await meta.delete(key);
    }
    for (const entry of await tx.objectStore('outreach').index('byTeam').getAll('pending')) {
      await putInOutbox(tx.objectStore('teamOutbox'), contactItem(entry));
    }
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
