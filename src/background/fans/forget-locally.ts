import { announceFanChange } from '../outreach/change-feed';
import { withDatabase } from '../storage/database';
import { forgetFan } from './forgotten-fans';
import { forgetOutsideContacts } from '../graph/outside-contacts';
import { clearPendingTarget, loadPendingTarget } from '../compose/pending-target';

/**
 * Forgets a fan in this browser: in the log and wherever else the worker keeps them, the picked
 * comment when it is theirs, the Graph API's conversation cache. Tabs hear of it under the alias, so
 * the fan's id is never written in clear to `storage.local`; their status there stays right, since
 * the limits stay. (The team's copies are the team module's: see team-forget.ts.)
 */
export async function forgetLocally(
  fan: { pageId: string; fanId: string },
  now: number,
  /** The teammate who asked the team to forget the fan, when one did. */
  by?: string,
): Promise<number> {
  const { tombstones, alias } = await withDatabase((db) => forgetFan(db, fan, now, by));
  const target = await loadPendingTarget();
  if (target?.comment.pageId === fan.pageId && target.comment.authorId === fan.fanId)
    await clearPendingTarget();
  await forgetOutsideContacts(fan);
  await announceFanChange({ pageId: fan.pageId, fanId: alias }, now);
  return tombstones;
}
