import type { FanKey } from '../../shared/fan-status';
import type { FanIdentity } from '../fans/fan-standing';
import { teamPending } from '../outreach/settle';
import { withDatabase } from '../storage/database';
import { dropFromOutbox, enqueue } from '../storage/outbox';
import { fanKeyUnder } from './fan-document';
import type { Membership } from './membership';
import { teamSettings } from './state';
import { tellSoon } from './sync';

/**
 * What an admin decides about a fan, for the team: each decision waits in the outbox first, so a
 * worker that dies or a server that does not answer loses nothing, and is told at once, or right after
 * the sync that runs.
 */

/** This admin's "do not contact" decision; the mark already holds here either way. */
export async function markInTeam(membership: Membership, fanId: string, on: boolean, now: number) {
  await withDatabase((db) =>
    enqueue(db, { pageId: membership.pageId, kind: 'mark', subject: fanId, on, at: now }),
  );
  await tellSoon(membership, now);
}

/** A note just saved here. */
export async function shareNote(membership: Membership, fan: FanIdentity, text: string, at: number) {
  await withDatabase((db) =>
    enqueue(db, { pageId: membership.pageId, kind: 'note', subject: fan.fanId, fanName: fan.name, text, at }),
  );
  await tellSoon(membership, at);
}

/**
 * Before a fan is forgotten here: notes their key on the team server (their id is about to go), with
 * this browser's contacts with them the team has still to hear of; a note about them that waited is
 * never told. The sync then strips every admin's copies. Their limits stay, team-wide.
 */
export async function forgetInTeam(membership: Membership, fan: FanKey, now: number): Promise<void> {
  const team = await teamSettings(membership, now);
  if (!team) return;
  const fanKey = await fanKeyUnder(team.salt, fan.fanId);
  await withDatabase(async (db) => {
    const untold = (await teamPending(db, fan.pageId))
      .filter((entry) => entry.fanId === fan.fanId)
      .map((entry) => entry.id);
    await enqueue(db, { pageId: fan.pageId, kind: 'forget', subject: fanKey, entryIds: untold, at: now });
    await dropFromOutbox(db, fan.pageId, 'note', fan.fanId);
  });
  await tellSoon(membership, now);
}
