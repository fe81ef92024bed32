import { fanSalt } from '../fans/forgotten-fans';
import { sightingCommentKey, sightingFanKey } from '../fans/salted-keys';
import type { OutreachDatabase } from '../storage/schema';
import { postKeyOf } from '../../shared/post-key';
import { MAX_SIGHTINGS, type SightingRecord, type SightingReport } from '../../shared/sightings';

/** Share of the cap maintenance frees when the store is full: room for new comments until the next run. */
const ROOM_SHARE = 0.01;
/** Most sightings one maintenance run deletes, so it never holds a long transaction. */
const DROP_BATCH = 5000;

/** The sightings as they will be kept: hashed first, since nothing but IndexedDB may be awaited in a write. */
async function toRecords(salt: string, reports: readonly SightingReport[], now: number) {
  const records = await Promise.all(
    reports.map(async (report): Promise<SightingRecord | null> => {
      const postKey = postKeyOf(report.postUrl);
      if (!postKey) return null;
      const [fanKey, commentKey] = await Promise.all([
        sightingFanKey(salt, { pageId: report.pageId, fanId: report.fanId }),
        sightingCommentKey(salt, report.commentId),
      ]);
      const fromFacebook = report.ageMs !== undefined;
      return {
        pageId: report.pageId,
        fanKey,
        commentKey,
        postKey,
        at: fromFacebook ? Math.max(0, now - report.ageMs!) : now,
        timeFrom: fromFacebook ? 'facebook' : 'seen',
        source: 'page',
      };
    }),
  );
  return records.filter((record) => record !== null);
}

/**
 * Keeps the comments the content script recognized, one record per comment. A comment seen again keeps
 * its first record, unless that one had only the moment it was seen and Facebook's time is known now.
 */
export async function recordSightings(
  db: OutreachDatabase,
  reports: readonly SightingReport[],
  now: number,
  cap = MAX_SIGHTINGS,
): Promise<void> {
  await keepSightings(db, await toRecords(await fanSalt(db), reports, now), cap);
}

/**
 * Keeps sightings already keyed (see recordSightings): a comment seen again keeps its first record.
 * Says how many were new, and whether the store was full (then none was kept).
 */
export async function keepSightings(
  db: OutreachDatabase,
  records: readonly SightingRecord[],
  cap = MAX_SIGHTINGS,
): Promise<{ added: number; full: boolean }> {
  const tx = db.transaction('sightings', 'readwrite');
  // A page that invents comments cannot fill the disk: past the cap, new ones wait for maintenance to
  // make room (it drops the oldest), and what is already kept is never pushed out by a flood.
  if ((await tx.store.count()) >= cap) {
    await tx.done;
    return { added: 0, full: true };
  }
  const added = await Promise.all(
    records.map(async (record) => {
      const kept = await tx.store.get([record.pageId, record.commentKey]);
      if (kept && !(kept.timeFrom === 'seen' && record.timeFrom === 'facebook')) return 0;
      await tx.store.put(record);
      return kept ? 0 : 1;
    }),
  );
  await tx.done;
  return { added: added.reduce<number>((sum, one) => sum + one, 0), full: false };
}

/** A Page's sightings of comments written from `from` on, oldest first. */
export function loadSightings(db: OutreachDatabase, pageId: string, from: number): Promise<SightingRecord[]> {
  return db.getAllFromIndex('sightings', 'byPageTime', IDBKeyRange.bound([pageId, from], [pageId, Infinity]));
}

/**
 * Retention: deletes the sightings of comments written before `before`, then the oldest beyond 99 % of
 * MAX_SIGHTINGS, a bounded batch per call; maintenance runs again soon. Returns how many went.
 */
export async function dropOldSightings(
  db: OutreachDatabase,
  before: number,
  cap = MAX_SIGHTINGS,
  batch = DROP_BATCH,
): Promise<number> {
  const tx = db.transaction('sightings', 'readwrite');
  const byAt = tx.store.index('byAt');
  const expired = await byAt.getAllKeys(IDBKeyRange.upperBound(before, true), batch);
  // Down to a little under the cap, so that recording (which stops at the cap) can go on.
  const keep = cap - Math.floor(cap * ROOM_SHARE);
  const excess = Math.max(0, (await tx.store.count()) - expired.length - keep);
  const oldest =
    excess > 0 ? await byAt.getAllKeys(IDBKeyRange.lowerBound(before), Math.min(excess, batch)) : [];
  await Promise.all([...expired, ...oldest].map((key) => tx.store.delete(key)));
  await tx.done;
  return expired.length + oldest.length;
}
