import { unwrap, type IDBPObjectStore, type StoreNames } from 'idb';
import type { OutreachSchema } from '../storage/schema';
import type { SightingRecord } from '../../shared/sightings';
import {
  byPost,
  CHUNK_SIZE,
  chunkOf,
  newChunks,
  oncePerComment,
  retimed,
  sightingsOf,
  type SightingChunk,
} from './sighting-chunks';
import { groupBy } from './sightings';

/*
 * Adding the comments seen to the sightings store (see sighting-store.ts), each comment once. What
 * costs is the number of requests, so each path asks as few as the case allows: a first look at a
 * thread adds its comments as chunks, asking nothing first; a look again reads the post's chunks at
 * once, or, for a few comments of a big post, looks each one up. The unique index over the comment
 * keys refuses any chunk holding a comment kept already, which keeps the first path safe.
 */

/** Comments read in a post's chunks for the cost of looking one up by the index (measured ~300). */
const READS_PER_LOOKUP = 100;

/** The store, in any read-write transaction that holds it. */
export type ChunkStore = IDBPObjectStore<
  OutreachSchema,
  ArrayLike<StoreNames<OutreachSchema>>,
  'sightingChunks',
  'readwrite'
>;
type ChunkKey = OutreachSchema['sightingChunks']['key'];

export const keyOf = (chunk: SightingChunk): ChunkKey => [chunk.pageId, chunk.postKey, chunk.seq];
/** All of one post's chunks. */
const postRange = ({ pageId, postKey }: SightingRecord) =>
  IDBKeyRange.bound([pageId, postKey, -Infinity], [pageId, postKey, Infinity]);

/**
 * Adds sightings within the caller's transaction. A comment kept already keeps its record (wherever
 * it was seen), and takes the new time only where it had the moment first seen and Facebook's is
 * known now. Returns how many comments were new.
 */
export async function putSightings(store: ChunkStore, records: readonly SightingRecord[]): Promise<number> {
  let added = 0;
  for (const post of byPost(oncePerComment(records))) added += await keepPost(store, post);
  return added;
}

/**
 * One post's comments seen in one look. They are mostly all new (a first look at the thread) or all
 * kept (a look again), and the first one tells which.
 */
async function keepPost(store: ChunkStore, post: readonly SightingRecord[]): Promise<number> {
  const first = post[0]!;
  const isNew = (await store.index('byComment').getKey(first.commentKey)) === undefined;
  const fresh = isNew ? post : await lookAgain(store, post);
  return fresh.length === 0 ? 0 : addAll(store, fresh, await nextSeq(store, first));
}

/** A look again: the post's chunks read at once where that costs less than looking each comment up. */
async function lookAgain(store: ChunkStore, post: readonly SightingRecord[]): Promise<SightingRecord[]> {
  const chunks = await store.count(postRange(post[0]!));
  return chunks * CHUNK_SIZE > READS_PER_LOOKUP * post.length ? notKept(store, post) : notInPost(store, post);
}

/**
 * The post's chunks read at once: its kept comments retimed; returns the others, which may still be
 * kept under another link to the post (addAll finds out).
 */
async function notInPost(store: ChunkStore, post: readonly SightingRecord[]): Promise<SightingRecord[]> {
  const kept = new Map<string, SightingChunk>();
  for (const chunk of await store.getAll(postRange(post[0]!)))
    for (const commentKey of chunk.commentKeys) kept.set(commentKey, chunk);
  await retime(store, post, (record) => kept.get(record.commentKey));
  return post.filter((record) => !kept.has(record.commentKey));
}

/** Each comment looked up by the index: the kept ones retimed; returns the others. */
async function notKept(store: ChunkStore, records: readonly SightingRecord[]): Promise<SightingRecord[]> {
  const index = store.index('byComment');
  const keys = await Promise.all(records.map(({ commentKey }) => index.getKey(commentKey)));
  const where = new Map(records.map((record, at) => [record, keys[at]]));
  await retime(store, records, (record) => where.get(record));
  return records.filter((record) => where.get(record) === undefined);
}

/**
 * Adds comments as new chunks from `seq` on, asking nothing first: a chunk the unique index refuses
 * (it holds a comment kept already) has its comments looked up, and only the new ones added.
 */
async function addAll(store: ChunkStore, records: readonly SightingRecord[], seq: number): Promise<number> {
  const chunks = newChunks(records, seq);
  // A refused chunk's new comments fit in one chunk, numbered after all of these.
  let spare = seq + chunks.length;
  let added = 0;
  for (const chunk of chunks) {
    if (await addIfNew(unwrap(store), chunk)) {
      added += chunk.commentKeys.length;
      continue;
    }
    const fresh = await notKept(store, sightingsOf(chunk));
    if (fresh.length > 0) await store.add(chunkOf(fresh, spare++));
    added += fresh.length;
  }
  return added;
}

/**
 * Gives kept comments Facebook's time where only the new record has it. `keptIn` says which chunk
 * holds a comment, or its key, to be read only when the new record could change it.
 */
async function retime(
  store: ChunkStore,
  records: readonly SightingRecord[],
  keptIn: (record: SightingRecord) => SightingChunk | ChunkKey | undefined,
): Promise<void> {
  const timed = records.filter((record) => record.timeFrom === 'facebook' && keptIn(record) !== undefined);
  const chunkId = (record: SightingRecord) => {
    const chunk = keptIn(record)!;
    return JSON.stringify(Array.isArray(chunk) ? chunk : keyOf(chunk));
  };
  for (const newer of groupBy(timed, chunkId, (record) => record).values()) {
    const chunk = keptIn(newer[0]!)!;
    const kept = Array.isArray(chunk) ? await store.get(chunk) : chunk;
    const changed = kept && retimed(kept, newer);
    if (changed) await store.put(changed);
  }
}

/** The number after the post's last chunk's: one key read, however many the post holds. */
async function nextSeq(store: ChunkStore, record: SightingRecord): Promise<number> {
  const last = await store.openKeyCursor(postRange(record), 'prev');
  return last ? last.key[2] + 1 : 0;
}

/** Adds a chunk if none of its comments is kept yet; one kept already is no error for the transaction. */
function addIfNew(store: IDBObjectStore, chunk: SightingChunk): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = store.add(chunk);
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
