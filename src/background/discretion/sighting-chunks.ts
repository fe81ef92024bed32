import type { SightingRecord, SightingSource } from '../../shared/sightings';
import { groupBy } from './sightings';

/*
 * How sightings are kept: a post's comments seen together share one record (a chunk), in parallel
 * lists, instead of one record each. Storing is paid per record — in Chromium, 5,000 comments took
 * 320 ms as 5,000 records and 85 ms as 10 chunks — and a big thread sends thousands at once. These
 * are the pure rules; sighting-store.ts and sighting-merge.ts keep them in IndexedDB, where a unique
 * index over every chunk's comment keys keeps each comment once, whichever link reached it.
 */

/** Comments one chunk holds at most: a content script's batch (MAX_SIGHTING_BATCH) fits in one. */
export const CHUNK_SIZE = 500;

export interface SightingChunk {
  pageId: string;
  postKey: string;
  /** Its place among the post's chunks, from 0: new comments go into a new chunk, never an old one. */
  seq: number;
  source: SightingSource;
  /** The earliest and latest of its comments' times: what retention and the figures look up. */
  from: number;
  until: number;
  commentKeys: string[];
  fanKeys: string[];
  ats: number[];
  timesFrom: SightingRecord['timeFrom'][];
}

/** The chunk's comments, one record each. */
export function sightingsOf(chunk: SightingChunk): SightingRecord[] {
  return chunk.commentKeys.map((commentKey, index) => ({
    pageId: chunk.pageId,
    fanKey: chunk.fanKeys[index]!,
    commentKey,
    postKey: chunk.postKey,
    at: chunk.ats[index]!,
    timeFrom: chunk.timesFrom[index]!,
    source: chunk.source,
  }));
}

/** Records of one Page's post (and source) as a chunk; its times span them. */
export function chunkOf(records: readonly SightingRecord[], seq: number): SightingChunk {
  const [first] = records;
  const ats = records.map(({ at }) => at);
  return {
    pageId: first!.pageId,
    postKey: first!.postKey,
    seq,
    source: first!.source,
    from: Math.min(...ats),
    until: Math.max(...ats),
    commentKeys: records.map(({ commentKey }) => commentKey),
    fanKeys: records.map(({ fanKey }) => fanKey),
    ats,
    timesFrom: records.map(({ timeFrom }) => timeFrom),
  };
}

/** A comment's record that wins over another of the same comment: Facebook's time over a first-seen one. */
export const replaces = (newer: SightingRecord, kept: SightingRecord) =>
  kept.timeFrom === 'seen' && newer.timeFrom === 'facebook';

/** A comment's kept record, with the time of a newer one (see replaces). */
const withTimeOf = (kept: SightingRecord, newer: SightingRecord): SightingRecord => ({
  ...kept,
  at: newer.at,
  timeFrom: newer.timeFrom,
});

/** Each comment once: its first record, with Facebook's time if a later one has it where it had none. */
export function oncePerComment(records: readonly SightingRecord[]): SightingRecord[] {
  const byComment = new Map<string, SightingRecord>();
  for (const record of records) {
    const kept = byComment.get(record.commentKey);
    if (!kept) byComment.set(record.commentKey, record);
    else if (replaces(record, kept)) byComment.set(record.commentKey, withTimeOf(kept, record));
  }
  return [...byComment.values()];
}

/** The post a record belongs to, as one string: where its chunks are grouped. */
const postOf = ({ pageId, postKey, source }: SightingRecord) => JSON.stringify([pageId, postKey, source]);

/** Records grouped by post, in the order their posts first appear. */
export const byPost = (records: readonly SightingRecord[]): SightingRecord[][] => [
  ...groupBy(records, postOf, (record) => record).values(),
];

/** New chunks for one post's new comments, numbered after the post's existing chunks. */
export function newChunks(records: readonly SightingRecord[], firstSeq: number): SightingChunk[] {
  const chunks: SightingChunk[] = [];
  for (let start = 0; start < records.length; start += CHUNK_SIZE)
    chunks.push(chunkOf(records.slice(start, start + CHUNK_SIZE), firstSeq + chunks.length));
  return chunks;
}

/**
 * Every record kept as chunks from scratch (a migration), each comment once, numbered per post
 * whatever their source.
 */
export function chunksOf(records: readonly SightingRecord[]): SightingChunk[] {
  const nextSeq = new Map<string, number>();
  return byPost(oncePerComment(records)).flatMap((post) => {
    const key = JSON.stringify([post[0]!.pageId, post[0]!.postKey]);
    const chunks = newChunks(post, nextSeq.get(key) ?? 0);
    nextSeq.set(key, (nextSeq.get(key) ?? 0) + chunks.length);
    return chunks;
  });
}

/**
 * The chunk with the times of newer records of some of its comments (seen, maybe, under another
 * link), where they replace the kept ones; null when none does.
 */
export function retimed(chunk: SightingChunk, newer: readonly SightingRecord[]): SightingChunk | null {
  const byComment = new Map(newer.map((record) => [record.commentKey, record]));
  let changed = false;
  const records = sightingsOf(chunk).map((record) => {
    const time = byComment.get(record.commentKey);
    if (!time || !replaces(time, record)) return record;
    changed = true;
    return withTimeOf(record, time);
  });
  return changed ? chunkOf(records, chunk.seq) : null;
}

/** The chunk keeping only the comments `keep` says; null when none is left. */
export function keepingOnly(
  chunk: SightingChunk,
  keep: (record: SightingRecord) => boolean,
): SightingChunk | null {
  const records = sightingsOf(chunk).filter(keep);
  return records.length === 0 ? null : chunkOf(records, chunk.seq);
}

/** The chunk without its `count` oldest comments; null when none is left. */
export function withoutOldest(chunk: SightingChunk, count: number): SightingChunk | null {
  const records = sightingsOf(chunk).sort((a, b) => a.at - b.at);
  return count >= records.length ? null : chunkOf(records.slice(count), chunk.seq);
}
