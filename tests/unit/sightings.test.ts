import { MAX_SIGHTING_BATCH } from '../../src/shared/limits';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  dropOldSightings,
  loadSightings,
  recordSightings,
} from '../../src/background/discretion/sighting-store';
import { runMaintenance } from '../../src/background/maintenance';
import { withDatabase } from '../../src/background/storage/database';
import type { SightingReport } from '../../src/shared/sightings';
import { byPostOf } from '../../src/shared/post-sightings';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { routeMessage } from './checked-router';
import { freshIndexedDB } from './indexeddb';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const POST = giuliaComment.postUrl;

const report = (overrides: Partial<SightingReport> = {}): SightingReport => ({
  pageId: giuliaComment.pageId,
  fanId: giuliaComment.authorId,
  commentId: giuliaComment.commentId,
  postUrl: POST,
  ...overrides,
});

async function see(sightings: SightingReport[], now = NOW) {
  const reply = await routeMessage(
    { type: 'sightings/record', posts: byPostOf(sightings) },
    facebookTab,
    now,
  );
  if (!reply.ok) throw new Error(reply.error.message);
}

const kept = (pageId = giuliaComment.pageId) => withDatabase((db) => loadSightings(db, pageId, 0));

beforeEach(freshIndexedDB);

describe('a fan comment seen on a Page', () => {
  test('is kept under salted keys, with its post and no name, id or words', async () => {
    await see([report({ ageMs: 2 * HOUR_MS })]);
    const [sighting] = await kept();
    expect(sighting).toEqual({
      pageId: 'acmecoffee',
      fanKey: expect.stringMatching(/^[\w-]{22}$/),
      commentKey: expect.stringMatching(/^[\w-]{22}$/),
      postKey: '/acmecoffee/posts/pfbid02AbCdEf',
      at: NOW - 2 * HOUR_MS,
      timeFrom: 'facebook',
      source: 'page',
    });
    expect(JSON.stringify(sighting)).not.toMatch(/giulia|456/i);
  });

  test('without Facebook’s timestamp, takes the moment it was first seen, marked as such', async () => {
    await see([report()]);
    expect((await kept())[0]).toMatchObject({ at: NOW, timeFrom: 'seen' });
  });

  test('seen again, stays one sighting; Facebook’s time replaces a first-seen time, never the reverse', async () => {
    await see([report()]);
    await see([report({ ageMs: DAY_MS })], NOW + DAY_MS);
    await see([report()], NOW + 2 * DAY_MS);
    await see([report({ ageMs: 3 * DAY_MS })], NOW + 3 * DAY_MS);
    expect(await kept()).toEqual([expect.objectContaining({ at: NOW, timeFrom: 'facebook' })]);
  });

  test('new comments seen with some kept before: each kept once, a first-seen time replaced by Facebook’s', async () => {
    await see([report({ commentId: '2' }), report({ commentId: '3', ageMs: DAY_MS })]);
    await see(
      [
        report({ commentId: '1', ageMs: HOUR_MS }),
        report({ commentId: '2', ageMs: 2 * HOUR_MS }),
        report({ commentId: '3' }),
      ],
      NOW + DAY_MS,
    );
    expect((await kept()).map(({ at, timeFrom }) => [at, timeFrom])).toEqual([
      [NOW - DAY_MS, 'facebook'],
      [NOW + DAY_MS - 2 * HOUR_MS, 'facebook'],
      [NOW + DAY_MS - HOUR_MS, 'facebook'],
    ]);
  });

  test('comments seen again with a new one among them: the new one is kept too', async () => {
    await see([report({ commentId: '1', ageMs: HOUR_MS })]);
    await see([report({ commentId: '1' }), report({ commentId: '2' })], NOW + DAY_MS);
    expect((await kept()).map(({ at, timeFrom }) => [at, timeFrom])).toEqual([
      [NOW - HOUR_MS, 'facebook'],
      [NOW + DAY_MS, 'seen'],
    ]);
  });

  test('reached again through another link to its post, stays one sighting, under the first link', async () => {
    await see([report()]);
    await see([report({ postUrl: `${POST}?comment_id=456`, ageMs: HOUR_MS })], NOW + DAY_MS);
    expect(await kept()).toEqual([
      expect.objectContaining({ postKey: '/acmecoffee/posts/pfbid02AbCdEf', at: NOW + DAY_MS - HOUR_MS }),
    ]);
  });

  test('the same fan on two Pages gets two unrelated keys', async () => {
    await see([report(), report({ pageId: 'otherpage', commentId: '457' })]);
    expect((await kept())[0]!.fanKey).not.toBe((await kept('otherpage'))[0]!.fanKey);
  });

  test('only a facebook.com tab may report one', async () => {
    const reply = await routeMessage({ type: 'sightings/record', posts: byPostOf([report()]) }, popup, NOW);
    expect(reply).toMatchObject({ ok: false });
    expect(await kept()).toEqual([]);
  });

  test('a batch over MAX_SIGHTING_BATCH comments, on one post or several, or one that is not a Facebook post link, is refused whole', async () => {
    const many = Array.from({ length: MAX_SIGHTING_BATCH + 1 }, (_, index) =>
      report({ commentId: String(1000 + index) }),
    );
    const spread = many.map((sighting, index) => ({ ...sighting, postUrl: `${POST}?n=${index % 2}` }));
    for (const sightings of [many, spread, [report(), report({ postUrl: 'https://evil.example/p' })]]) {
      const reply = await routeMessage(
        { type: 'sightings/record', posts: byPostOf(sightings) },
        facebookTab,
        NOW,
      );
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await kept()).toEqual([]);
  });
});

describe('retention of sightings', () => {
  test('maintenance drops comments written before the kept days (180 by default), and keeps the rest', async () => {
    await see([
      report({ commentId: '1', ageMs: 181 * DAY_MS }),
      report({ commentId: '2', ageMs: 179 * DAY_MS }),
    ]);
    await runMaintenance(NOW);
    expect((await kept()).map(({ at }) => (NOW - at) / DAY_MS)).toEqual([179]);
  });

  test('the kept days follow the setting', async () => {
    await see([report({ ageMs: 40 * DAY_MS })]);
    const settings = await routeMessage({ type: 'settings/get' }, popup, NOW);
    if (!settings.ok) throw new Error(settings.error.message);
    const saved = (settings.data as { settings: Record<string, unknown> }).settings;
    const reply = await routeMessage(
      { type: 'settings/set', settings: { ...saved, sightingsKeepDays: 30 } },
      popup,
      NOW,
    );
    expect(reply.ok).toBe(true);
    await runMaintenance(NOW);
    expect(await kept()).toEqual([]);
  });

  test('a flood of comments stops at the cap: what is kept stays, new ones wait for maintenance', async () => {
    await withDatabase((db) =>
      recordSightings(db, byPostOf([report({ commentId: '1' }), report({ commentId: '2' })]), NOW, 2),
    );
    await withDatabase((db) => recordSightings(db, byPostOf([report({ commentId: '3' })]), NOW, 2));
    expect(await kept()).toHaveLength(2);
  });

  test('a full store is brought back under the cap, so recording goes on', async () => {
    await see(
      Array.from({ length: 100 }, (_, index) => report({ commentId: String(index), ageMs: index * HOUR_MS })),
    );
    expect(await withDatabase((db) => dropOldSightings(db, 0, 100))).toBe(1);
    await withDatabase((db) => recordSightings(db, byPostOf([report({ commentId: '500' })]), NOW, 100));
    expect(await kept()).toHaveLength(100);
  });

  test('beyond the cap, the oldest go first', async () => {
    await see([1, 2, 3].map((day) => report({ commentId: String(day), ageMs: day * DAY_MS })));
    expect(await withDatabase((db) => dropOldSightings(db, 0, 2))).toBe(1);
    expect((await kept()).map(({ at }) => (NOW - at) / DAY_MS)).toEqual([2, 1]);
  });
});

describe('forgetting a fan', () => {
  test('removes every comment of theirs seen on that Page, and nobody else’s', async () => {
    await see([
      report({ commentId: '1' }),
      report({ commentId: '2', postUrl: 'https://www.facebook.com/acmecoffee/posts/pfbid09' }),
      report({ commentId: '3', fanId: 'marco.bianchi' }),
    ]);
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    const forgotten = await routeMessage(
      { type: 'fan/forget', commentId: giuliaComment.commentId },
      popup,
      NOW,
    );
    expect(forgotten.ok).toBe(true);
    expect(await kept()).toHaveLength(1);
  });
});

describe('telling the comments seen', () => {
  test('groups them by Page and post where they follow each other, ages kept where known', () => {
    const other = 'https://www.facebook.com/acmecoffee/posts/pfbid09';
    const fanId = giuliaComment.authorId;
    const pageId = giuliaComment.pageId;
    expect(
      byPostOf([
        report({ commentId: '1', ageMs: HOUR_MS }),
        report({ commentId: '2' }),
        report({ commentId: '3', postUrl: other }),
        report({ commentId: '4', pageId: 'otherpage', postUrl: other }),
      ]),
    ).toEqual([
      {
        pageId,
        postUrl: POST,
        comments: [
          { fanId, commentId: '1', ageMs: HOUR_MS },
          { fanId, commentId: '2' },
        ],
      },
      { pageId, postUrl: other, comments: [{ fanId, commentId: '3' }] },
      { pageId: 'otherpage', postUrl: other, comments: [{ fanId, commentId: '4' }] },
    ]);
  });
});
