import { withDatabase } from '../storage/database';
import { teamPending } from '../outreach/settle';
import { fanKeyUnder } from './fan-document';
import { loadPending, savePending } from './pending-list';
import { stripContactsOf } from './contacts';
import { dropPendingNote, stripNoteOf } from './notes';
import type { Membership } from './membership';
import { teamSettings } from './state';
import { teamKeys } from './local-state';

/**
 * A fan forgotten in this browser whose copies on the team server are still to be stripped, under
 * their key there: once forgotten here, the fan's id is gone and the key could not be found again.
 * `entryIds` are this browser's contacts with the fan the team had still to be told of.
 */
interface PendingForget {
  fanKey: string;
  entryIds: string[];
}

const pendingKey = teamKeys.forgets;
const forgetsOf = (pageId: string) => loadPending<PendingForget>(pendingKey(pageId));

/**
 * Before a fan is forgotten here: notes their key on the team server, then strips every admin's
 * copies of their contacts there, so each browser of the team forgets them at its next sync. When
 * the server cannot take it now, the sync does it later. Their limits stay, team-wide.
 */
export async function forgetInTeam(
  membership: Membership,
  fan: { pageId: string; fanId: string },
  now: number,
): Promise<void> {
  const team = await teamSettings(membership, now);
  if (!team) return;
  const fanKey = await fanKeyUnder(team.salt, fan.fanId);
  const untold = (await withDatabase((db) => teamPending(db, fan.pageId)))
    .filter((entry) => entry.fanId === fan.fanId)
    .map((entry) => entry.id);
  const others = (await forgetsOf(fan.pageId)).filter((forget) => forget.fanKey !== fanKey);
  await savePending(pendingKey(fan.pageId), [...others, { fanKey, entryIds: untold }]);
  await dropPendingNote(fan.pageId, fan.fanId);
  await tellPendingForgets(membership, now);
}

/** The team keys of forgotten fans' contacts still to be told, by entry id (see team-sync.ts). */
export async function forgottenFanKeys(pageId: string): Promise<Map<string, string>> {
  const forgets = await forgetsOf(pageId);
  return new Map(forgets.flatMap((forget) => forget.entryIds.map((id) => [id, forget.fanKey] as const)));
}

/**
 * Strips what waited to be stripped (contacts and the note); a forget is done once stripped and its
 * contacts told.
 */
export async function tellPendingForgets(membership: Membership, now: number): Promise<void> {
  const forgets = await forgetsOf(membership.pageId);
  if (forgets.length === 0) return;
  const untold = new Set((await withDatabase((db) => teamPending(db, membership.pageId))).map((e) => e.id));
  const waiting: PendingForget[] = [];
  for (const forget of forgets) {
    const stripped =
      (await stripContactsOf(membership, forget.fanKey)) &&
      (await stripNoteOf(membership, forget.fanKey, now));
    const entryIds = forget.entryIds.filter((id) => untold.has(id));
    if (!stripped || entryIds.length > 0) waiting.push({ ...forget, entryIds });
  }
  await savePending(pendingKey(membership.pageId), waiting);
}
