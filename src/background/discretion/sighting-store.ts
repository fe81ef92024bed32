import { sightingCommentKey, sightingFanKey, fanSalt } from '../fans/salted-keys';
import type { OutreachDatabase } from '../storage/schema';
import { postKeyOf } from '../../shared/post-key';
import { MAX_SIGHTINGS, type PostSightings, type SightingRecord } from '../../shared/sightings';
import { keepingOnly, sightingsOf, withoutOldest, type SightingChunk } from './sighting-chunks';
import { keyOf, putSightings, type ChunkStore } from './sighting-merge';

/*
 * The one owner of the `sightingChunks` store: what is kept of the fan comments seen, and how it is
 * added to (the requests that takes: sighting-merge.ts), read, aged out and forgotten. The records
 * are chunks (see sighting-chunks.ts); everything outside speaks of sightings, one per comment.
 */

/** Share of the cap maintenance frees when the store is full: room for new comments until the next run. */
const ROOM_SHARE = 0.01;
/** Most chunks one maintenance run rewrites or deletes, so it never holds a long transaction. */
const DROP_CHUNKS = 100;

/** All of one Page's chunks: the key's second part is a string, and every string sorts before an array. */
const pageRange = (pageId: string) => IDBKeyRange.bound([pageId], [pageId, []]);

/** The sightings as they will be kept: under salted keys, with no name and no id. */
function toRecords(salt: string, posts: readonly PostSightings[], now: number): SightingRecord[] {
  return posts.flatMap(({ pageId, postUrl, comments }): SightingRecord[] => {
    const postKey = postKeyOf(postUrl);
    if (!postKey) return [];
    return comments.map(({ fanId, commentId, ageMs }) => ({
      pageId,
      fanKey: sightingFanKey(salt, { pageId, fanId }),
      commentKey: sightingCommentKey(salt, commentId),
      postKey,
      at: ageMs !== undefined ? Math.max(0, now - ageMs) : now,
      timeFrom: ageMs !== undefined ? 'facebook' : 'seen',
      source: 'page',
    }));
  });
}

/**
 * Keeps the comments the content script recognized. A comment seen again keeps its first record,
 * unless that one had only the moment it was seen and Facebook's time is known now.
 */
export async function recordSightings(
  db: OutreachDatabase,
  posts: readonly PostSightings[],
  now: number,
  cap = MAX_SIGHTINGS,
): Promise<void> {
  await keepSightings(db, toRecords(await fanSalt(db), posts, now), cap);
}

/**
 * Keeps sightings already keyed (see recordSightings). Says how many were new, and whether the store
 * was full (then none was kept).
 */
export async function keepSightings(
  db: OutreachDatabase,
  records: readonly SightingRecord[],
  cap = MAX_SIGHTINGS,
): Promise<{ added: number; full: boolean }> {
  const tx = db.transaction('sightingChunks', 'readwrite');
  // A page that invents comments cannot fill the disk: past the cap, new ones wait for maintenance to
  // make room (it drops the oldest), and what is already kept is never pushed out by a flood.
  if ((await tx.store.index('byComment').count()) >= cap) {
    await tx.done;
    return { added: 0, full: true };
  }
  const added = await putSightings(tx.store, records);
  await tx.done;
  return { added, full: false };
}

/** A Page's sightings of comments written from `from` on, oldest first. */
export async function loadSightings(
  db: OutreachDatabase,
  pageId: string,
  from: number,
): Promise<SightingRecord[]> {
  const chunks = await db.getAllFromIndex(
    'sightingChunks',
    'byPageUntil',
    IDBKeyRange.bound([pageId, from], [pageId, Infinity]),
  );
  return chunks
    .flatMap(sightingsOf)
    .filter(({ at }) => at >= from)
    .sort((a, b) => a.at - b.at);
}

/** Every sighting kept, all Pages (a backup). */
export async function allSightings(store: Pick<ChunkStore, 'getAll'>): Promise<SightingRecord[]> {
  return (await store.getAll()).flatMap(sightingsOf);
}

/** The sightings of these comments on a Page, where kept (null asks for nothing). */
export async function findSightings(
  db: OutreachDatabase,
  pageId: string,
  commentKeys: readonly (string | null)[],
): Promise<(SightingRecord | undefined)[]> {
  const index = db.transaction('sightingChunks').store.index('byComment');
  const chunks = await Promise.all(commentKeys.map((key) => (key === null ? undefined : index.get(key))));
  return chunks.map((chunk, at) =>
    chunk?.pageId === pageId
      ? sightingsOf(chunk).find(({ commentKey }) => commentKey === commentKeys[at])
      : undefined,
  );
}

/** Chunks, each replaced by what `rewritten` makes of it (null deletes it); how many comments went. */
async function rewrite(
  store: ChunkStore,
  chunks: readonly SightingChunk[],
  rewritten: (chunk: SightingChunk) => SightingChunk | null,
): Promise<number> {
  let dropped = 0;
  await Promise.all(
    chunks.map((chunk) => {
      const left = rewritten(chunk);
      dropped += chunk.commentKeys.length - (left?.commentKeys.length ?? 0);
      return left ? store.put(left) : store.delete(keyOf(chunk));
    }),
  );
  return dropped;
}

/**
 * Retention: deletes the sightings of comments written before `before`, then the oldest beyond 99 % of
 * MAX_SIGHTINGS (the chunks with the oldest comments first, each one's oldest first), a bounded batch
 * of chunks per call; maintenance runs again soon. Returns how many comments went.
 */
export async function dropOldSightings(
  db: OutreachDatabase,
  before: number,
  cap = MAX_SIGHTINGS,
): Promise<number> {
  const tx = db.transaction('sightingChunks', 'readwrite');
  const byFrom = tx.store.index('byFrom');
  const expiring = await byFrom.getAll(IDBKeyRange.upperBound(before, true), DROP_CHUNKS);
  let dropped = await rewrite(tx.store, expiring, (chunk) => keepingOnly(chunk, ({ at }) => at >= before));
  // Down to a little under the cap, so that recording (which stops at the cap) can go on.
  let excess = (await tx.store.index('byComment').count()) - (cap - Math.floor(cap * ROOM_SHARE));
  if (excess > 0) {
    const oldest = await byFrom.getAll(null, DROP_CHUNKS);
    const cut = new Map<SightingChunk, number>();
    for (const chunk of oldest) {
      if (excess <= 0) break;
      cut.set(chunk, Math.min(excess, chunk.commentKeys.length));
      excess -= chunk.commentKeys.length;
    }
    dropped += await rewrite(tx.store, [...cut.keys()], (chunk) => withoutOldest(chunk, cut.get(chunk)!));
  }
  await tx.done;
  return dropped;
}

/** The keys of the comments of a fan seen on a Page. */
export async function commentKeysOfFan(
  db: OutreachDatabase,
  pageId: string,
  fanKey: string,
): Promise<string[]> {
  const chunks = await db.getAll('sightingChunks', pageRange(pageId));
  return chunks
    .flatMap(sightingsOf)
    .filter((record) => record.fanKey === fanKey)
    .map(({ commentKey }) => commentKey);
}

/**
 * Deletes, within the caller's transaction, the comments of a fan seen on a Page: under their key, and
 * under the keys of whoever wrote `alsoTheirs` (their comments as the Graph API names them).
 */
export async function forgetSightings(
  store: ChunkStore,
  pageId: string,
  fanKey: string,
  alsoTheirs: readonly string[],
): Promise<void> {
  const theirs = new Set(alsoTheirs);
  const found = await Promise.all(alsoTheirs.map((key) => store.index('byComment').get(key)));
  const fanKeys = new Set([
    fanKey,
    ...found
      .flatMap((chunk) => (chunk?.pageId === pageId ? sightingsOf(chunk) : []))
      .filter(({ commentKey }) => theirs.has(commentKey))
      .map((record) => record.fanKey),
  ]);
  const chunks = (await store.getAll(pageRange(pageId))).filter((chunk) =>
    chunk.fanKeys.some((key) => fanKeys.has(key)),
  );
  await rewrite(store, chunks, (chunk) => keepingOnly(chunk, (record) => !fanKeys.has(record.fanKey)));
}
