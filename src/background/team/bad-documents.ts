import { readStored, writeStored } from '../storage/stored';
import { teamKeys } from './local-state';

/** The longest document id kept (a hostile server may send any): what the stored record allows. */
const MAX_ID_KEPT = 300;

/**
 * Documents from the team server this browser refused: a shape, size or date the team's rules would
 * not have let in, so a hostile teammate or server wrote it. They are skipped, never thrown on, and
 * counted here so that the team's status can tell the admin.
 */
export async function noteBadDocuments(pageId: string, ids: readonly string[], now: number): Promise<void> {
  const last = ids.at(-1);
  if (last === undefined) return;
  const held = await readStored(teamKeys.badDocuments, pageId);
  await writeStored(
    teamKeys.badDocuments,
    { count: (held?.count ?? 0) + ids.length, lastId: last.slice(0, MAX_ID_KEPT), at: now },
    pageId,
  );
}

export const noteBadDocument = (pageId: string, id: string, now: number) =>
  noteBadDocuments(pageId, [id], now);

/** How many documents from the team server this browser refused, and which was the last. */
export async function badDocuments(pageId: string): Promise<{ count: number; lastId: string } | null> {
  const held = await readStored(teamKeys.badDocuments, pageId);
  return held ? { count: held.count, lastId: held.lastId } : null;
}
