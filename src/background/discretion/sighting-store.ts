import { fanSalt } from '../fans/forgotten-fans';
import { sightingCommentKey, sightingFanKey } from '../fans/salted-keys';
import { unwrap, type IDBPObjectStore } from 'idb';
import type { OutreachDatabase, OutreachSchema } from '../storage/schema';
import { postKeyOf } from '../../shared/post-key';
import { MAX_SIGHTINGS, type SightingRecord, type SightingReport } from '../../shared/sightings';

/** Share of the cap maintenance frees when the store is full: room for new comments until the next run. */
const ROOM_SHARE = 0.01;
/** Most sightings one maintenance run deletes, so it never holds a long transaction. */
const DROP_BATCH = 5000;

/** The sightings as they will be kept: under salted keys, with no name and no id. */
function toRecords(salt: string, reports: readonly SightingReport[], now: number): SightingRecord[] {
  return reports.flatMap((report): SightingRecord[] => {
    const postKey = postKeyOf(report.postUrl);
    if (!postKey) return [];
    const fromFacebook = report.ageMs !== undefined;
    return [
      {
        pageId: report.pageId,
        fanKey: sightingFanKey(salt, { pageId: report.pageId, fanId: report.fanId }),
        commentKey: sightingCommentKey(salt, report.commentId),
        postKey,
        at: fromFacebook ? Math.max(0, now - report.ageMs!) : now,
        timeFrom: fromFacebook ? 'facebook' : 'seen',
        source: 'page',
      },
    ];
  });
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
  await keepSightings(db, toRecords(await fanSalt(db), reports, now), cap);
}

/**
 * Keeps sightings already keyed (see recordSightings): a comment seen again keeps its first record.
 * Says how many were new, and whether the store was full (then none was kept).
 *
 * A big thread sends thousands of comments, and reading each one before writing it doubles the time
 * (5,000 comments in Chromium: 690 ms read and written, 360 ms written). A batch comes from one look
 * at a page, so its comments are mostly all new (a first visit) or all kept (a visit again), and its
 * first comment tells which. New ones are added straight away, read only where one turns out kept; on
 * a visit again each is read first, as adding would fail for nearly all. The records kept are the same.
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
  const first = records[0];
  const visitAgain =
    first !== undefined && (await tx.store.getKey([first.pageId, first.commentKey])) !== undefined;
  const rawStore = unwrap(tx.store);
  const keep = async (record: SightingRecord): Promise<number> => {
    if (visitAgain) return keepFirst(tx.store, record);
    if (await addIfNew(rawStore, record)) return 1;
    // Kept already: only Facebook's time may replace what was kept.
    return record.timeFrom === 'facebook' ? keepFirst(tx.store, record) : 0;
  };
  const added = await Promise.all(records.map(keep));
  await tx.done;
  return { added: added.reduce<number>((sum, one) => sum + one, 0), full: false };
}

type SightingStore = IDBPObjectStore<OutreachSchema, ['sightings'], 'sightings', 'readwrite'>;

/** Keeps a comment's first record, except that Facebook's time replaces a first-seen time; 1 if new. */
async function keepFirst(store: SightingStore, record: SightingRecord): Promise<number> {
  const kept = await store.get([record.pageId, record.commentKey]);
  if (kept && !(kept.timeFrom === 'seen' && record.timeFrom === 'facebook')) return 0;
  await store.put(record);
  return kept ? 0 : 1;
}

/** Adds a record if its comment has none yet; a comment kept already is no error for the transaction. */
function addIfNew(store: IDBObjectStore, record: SightingRecord): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = store.add(record);
    request.onsuccess = () => resolve(true);
    request.onerror = (event) => {
      if (request.error?.name !== 'ConstraintError') return reject(request.error);
      // Handled here: neither aborting the transaction nor reaching its error listeners (idb's `done`).
      event.preventDefault();
      event.stopPropagation();
      resolve(false);
    };
  });
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
