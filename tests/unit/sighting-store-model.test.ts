import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CHUNK_SIZE, chunksOf, sightingsOf } from '../../src/background/discretion/sighting-chunks';
import {
  dropOldSightings,
  forgetSightings,
  keepSightings,
  loadSightings,
} from '../../src/background/discretion/sighting-store';
import { withDatabase } from '../../src/background/storage/database';
import type { SightingRecord } from '../../src/shared/sightings';
import { freshIndexedDB } from './indexeddb';

const RUNS = 40;
const PAGES = ['acmecoffee', 'bakery'];
const POSTS = ['/p/1', '/p/1?comment_id=9', '/p/2'];

/** A salted key's shape (22 characters), from a small number so that comments and fans repeat. */
const key = (prefix: string, n: number) => `${prefix}${String(n).padStart(21, '0')}`;

const sighting = fc
  .record({
    page: fc.integer({ min: 0, max: PAGES.length - 1 }),
    post: fc.integer({ min: 0, max: POSTS.length - 1 }),
    comment: fc.integer({ min: 0, max: 40 }),
    fan: fc.integer({ min: 0, max: 5 }),
    at: fc.integer({ min: 0, max: 1000 }),
    fromFacebook: fc.boolean(),
  })
  .map(({ page, post, comment, fan, at, fromFacebook }): SightingRecord => ({
    pageId: PAGES[page]!,
    fanKey: key('f', fan),
    commentKey: key('c', comment),
    postKey: POSTS[post]!,
    at,
    timeFrom: fromFacebook ? 'facebook' : 'seen',
    source: 'page',
  }));

/** What the store must hold: each comment's first record, its time replaced only by Facebook's. */
function modelKeep(model: Map<string, SightingRecord>, records: readonly SightingRecord[]) {
  for (const record of records) {
    const kept = model.get(record.commentKey);
    if (!kept) model.set(record.commentKey, record);
    else if (kept.timeFrom === 'seen' && record.timeFrom === 'facebook')
      model.set(record.commentKey, { ...kept, at: record.at, timeFrom: 'facebook' });
  }
}

const sorted = (records: Iterable<SightingRecord>) =>
  [...records].sort((a, b) => a.commentKey.localeCompare(b.commentKey));

const stored = () =>
  withDatabase(async (db) => sorted((await db.getAll('sightingChunks')).flatMap(sightingsOf)));

describe('sightings kept in chunks, against a model of one record per comment', () => {
  test('any batches, with comments seen again under other links and Pages, keep each comment once, as the model does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(sighting, { maxLength: 30 }), { maxLength: 8 }), async (batches) => {
        freshIndexedDB();
        const model = new Map<string, SightingRecord>();
        for (const batch of batches) {
          const { added } = await withDatabase((db) => keepSightings(db, batch));
          const before = model.size;
          modelKeep(model, batch);
          expect(added).toBe(model.size - before);
        }
        expect(await stored()).toEqual(sorted(model.values()));
        expect(await withDatabase((db) => db.countFromIndex('sightingChunks', 'byComment'))).toBe(model.size);
      }),
      { numRuns: RUNS },
    );
  });

  test('retention and forgetting leave exactly what the model keeps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sighting, { maxLength: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 5 }),
        async (records, before, fan) => {
          freshIndexedDB();
          const model = new Map<string, SightingRecord>();
          modelKeep(model, records);
          await withDatabase((db) => keepSightings(db, records));
          const dropped = await withDatabase((db) => dropOldSightings(db, before));
          const forgotten = { pageId: PAGES[0]!, fanKey: key('f', fan) };
          await withDatabase(async (db) => {
            const tx = db.transaction('sightingChunks', 'readwrite');
            await forgetSightings(tx.store, forgotten.pageId, forgotten.fanKey, []);
            await tx.done;
          });
          const left = [...model.values()].filter(
            (record) =>
              record.at >= before &&
              !(record.pageId === forgotten.pageId && record.fanKey === forgotten.fanKey),
          );
          expect(dropped).toBe([...model.values()].filter((record) => record.at < before).length);
          expect(await stored()).toEqual(sorted(left));
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('a Page’s sightings from a time on are read back oldest first, and no other Page’s', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sighting, { maxLength: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        async (records, from) => {
          freshIndexedDB();
          const model = new Map<string, SightingRecord>();
          modelKeep(model, records);
          await withDatabase((db) => keepSightings(db, records));
          const read = await withDatabase((db) => loadSightings(db, PAGES[1]!, from));
          expect(read.map(({ at }) => at)).toEqual([...read.map(({ at }) => at)].sort((a, b) => a - b));
          expect(sorted(read)).toEqual(
            sorted([...model.values()].filter((record) => record.pageId === PAGES[1] && record.at >= from)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('chunks', () => {
  test('a thread’s comments seen together take one record per CHUNK_SIZE comments', async () => {
    freshIndexedDB();
    const comments = 2 * CHUNK_SIZE + 200;
    const records = Array.from({ length: comments }, (_, index) => ({
      pageId: PAGES[0]!,
      fanKey: key('f', index % 50),
      commentKey: key('c', index),
      postKey: POSTS[0]!,
      at: index,
      timeFrom: 'facebook' as const,
      source: 'page' as const,
    }));
    await withDatabase((db) => keepSightings(db, records));
    const chunks = await withDatabase((db) => db.getAll('sightingChunks'));
    expect(chunks.map(({ commentKeys }) => commentKeys.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 200]);
    expect(chunks.map(({ from, until }) => [from, until])).toEqual([
      [0, CHUNK_SIZE - 1],
      [CHUNK_SIZE, 2 * CHUNK_SIZE - 1],
      [2 * CHUNK_SIZE, comments - 1],
    ]);
  });

  test('comments new to a post seen later go into a chunk of their own: the kept ones are not rewritten', async () => {
    freshIndexedDB();
    const comment = (n: number, at: number): SightingRecord => ({
      pageId: PAGES[0]!,
      fanKey: key('f', n),
      commentKey: key('c', n),
      postKey: POSTS[0]!,
      at,
      timeFrom: 'facebook',
      source: 'page',
    });
    await withDatabase((db) =>
      keepSightings(
        db,
        [1, 2, 3].map((n) => comment(n, 10)),
      ),
    );
    await withDatabase((db) =>
      keepSightings(
        db,
        [1, 4, 2, 5, 3].map((n) => comment(n, 20)),
      ),
    );
    const chunks = await withDatabase((db) => db.getAll('sightingChunks'));
    expect(chunks.map(({ seq, commentKeys, from }) => [seq, commentKeys.length, from])).toEqual([
      [0, 3, 10],
      [1, 2, 20],
    ]);
  });

  test('a migration’s chunks are numbered per post, whatever their source', () => {
    const page = {
      pageId: PAGES[0]!,
      fanKey: key('f', 1),
      postKey: POSTS[0]!,
      at: 1,
      timeFrom: 'seen' as const,
    };
    const chunks = chunksOf([
      { ...page, commentKey: key('c', 1), source: 'page' },
      { ...page, commentKey: key('c', 2), source: 'graph' },
    ]);
    expect(chunks.map(({ seq, source }) => [seq, source])).toEqual([
      [0, 'page'],
      [1, 'graph'],
    ]);
  });
});
