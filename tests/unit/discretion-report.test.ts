import { chunkOf, sightingsOf } from '../../src/background/discretion/sighting-chunks';
import { beforeEach, describe, expect, test } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import type { ReplyOf } from '../../src/shared/messages';
import type { Category } from '../../src/shared/outreach';
import type { SightingReport } from '../../src/shared/sightings';
import { byPostOf } from '../../src/shared/post-sightings';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { REPORT_REUSE_MS } from '../../src/background/discretion/report-cache';
import { routeMessage } from './checked-router';
import { freshIndexedDB } from './indexeddb';
import { sampleEntry, THANKS_AND_PROMOS } from './sample-entry';
import { facebookTab, popup } from './senders';

/** Wednesday 4 November 2026, 8 pm UTC: the messages go out. */
const T = Date.UTC(2026, 10, 4, 20);
const NOW = T + 40 * DAY_MS;
const POST = 'https://www.facebook.com/acmecoffee/posts/1';
const LATER_POST = 'https://www.facebook.com/acmecoffee/posts/2';

async function see(fanId: string, commentId: string, at: number, postUrl = POST) {
  const sighting: SightingReport = { pageId: 'acmecoffee', fanId, commentId, postUrl, ageMs: NOW - at };
  const reply = await routeMessage(
    { type: 'sightings/record', posts: byPostOf([sighting]) },
    facebookTab,
    NOW,
  );
  if (!reply.ok) throw new Error(reply.error.message);
}

async function report(now = NOW): Promise<ReplyOf<'discretion/report'>> {
  const reply = await routeMessage({ type: 'discretion/report' }, popup, now);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<'discretion/report'>;
}

/**
 * On one post, fans 1–4 are thanked and fans 5–6 get a promo; fans 7–10 comment too and get nothing.
 * Later, on another post, thanked fans 1–3, promo'd fan 5 and unmessaged fans 7–8 comment again.
 */
async function aPageWithMessagesAndReturns(author?: string): Promise<void> {
  for (let fan = 1; fan <= 10; fan += 1) {
    await see(`fan${fan}`, String(fan), T - 2 * HOUR_MS);
    const category = THANKS_AND_PROMOS[fan];
    if (!category) continue;
    const entry = sampleEntry(fan, {
      category,
      postUrl: POST,
      createdAt: T,
      updatedAt: T,
      commentPostedAt: T - 2 * HOUR_MS,
      ...(author ? { author } : {}),
    });
    await withDatabase((db) => db.put('outreach', entry));
  }
  for (const fan of [1, 2, 3, 5, 7, 8]) await see(`fan${fan}`, String(100 + fan), T + 5 * DAY_MS, LATER_POST);
}

beforeEach(freshIndexedDB);

describe('the Discretion report of a Page', () => {
  test('counts, per kind of message, the fans who came back against matched fans who got nothing', async () => {
    await aPageWithMessagesAndReturns();
    const { pages, report: figures } = await report();
    expect(pages).toEqual([{ pageId: 'acmecoffee', pageName: 'Acme Coffee' }]);
    const at14 = (category: Category) =>
      figures!.figures.find((figure) => figure.category === category && figure.windowDays === 14);
    // Each messaged fan's matches are the four who got nothing (7–10), two of whom came back.
    expect(at14('thanks')).toMatchObject({ matched: 4, messagedRate: 0.75, baselineRate: 0.5, controls: 4 });
    expect(at14('promo')).toMatchObject({ matched: 2, messagedRate: 0.5, baselineRate: 0.5 });
    expect(at14('warning')).toMatchObject({ matched: 0 });
  });

  test('in team mode, counts the messages a teammate sent, as the shared log holds them', async () => {
    await aPageWithMessagesAndReturns('bea');
    const { report: figures } = await report();
    expect(
      figures!.figures.find((figure) => figure.category === 'thanks' && figure.windowDays === 14),
    ).toMatchObject({
      matched: 4,
      messagedRate: 0.75,
    });
  });

  test('says "not enough data yet" (no difference) below 30 matched fans', async () => {
    await aPageWithMessagesAndReturns();
    const { report: figures } = await report();
    expect(figures!.figures.every((figure) => figure.difference === null)).toBe(true);
  });

  test('states its coverage: comments seen, posts, how many carry Facebook’s time, messages placed', async () => {
    await aPageWithMessagesAndReturns();
    expect((await report()).report!.coverage).toEqual([
      {
        source: 'page',
        sightings: 16,
        posts: 2,
        since: T - 2 * HOUR_MS,
        withFacebookTime: 16,
        placed: 6,
        unplaced: 0,
      },
    ]);
  });

  test('lists the fans not seen since a promo, and the posts by private replies', async () => {
    await aPageWithMessagesAndReturns();
    const { report: figures } = await report();
    expect(figures!.wentQuiet).toEqual([{ fanName: 'Fan 6', category: 'promo', at: T }]);
    expect(figures!.posts).toEqual([{ postUrl: POST, replies: 6, lastAt: T }]);
  });

  test('is null while the log names no Page', async () => {
    expect(await report()).toEqual({ pages: [], report: null });
  });
});

describe('the Discretion figures, asked for again', () => {
  const thanks14 = async (now = NOW) =>
    (await report(now)).report!.figures.find(
      (figure) => figure.source === 'page' && figure.category === 'thanks' && figure.windowDays === 14,
    );
  /** The later comments move past the 14 days, behind the extension's back: their count stays. */
  const laterCommentsMovedUnannounced = () =>
    withDatabase(async (db) => {
      for (const chunk of await db.getAll('sightingChunks')) {
        const moved = sightingsOf(chunk).map((sighting) =>
          sighting.at === T + 5 * DAY_MS ? { ...sighting, at: T + 20 * DAY_MS } : sighting,
        );
        await db.put('sightingChunks', chunkOf(moved, chunk.seq));
      }
    });

  test('are reused while nothing they rest on changed, for REPORT_REUSE_MS at most', async () => {
    await aPageWithMessagesAndReturns();
    expect(await thanks14()).toMatchObject({ messagedRate: 0.75 });
    await laterCommentsMovedUnannounced();
    expect(await thanks14(NOW + REPORT_REUSE_MS - 1)).toMatchObject({ messagedRate: 0.75 });
    expect(await thanks14(NOW + REPORT_REUSE_MS)).toMatchObject({ messagedRate: 0 });
  });

  test('are made afresh once a comment is seen', async () => {
    await aPageWithMessagesAndReturns();
    expect(await thanks14()).toMatchObject({ messagedRate: 0.75 });
    await see('fan4', '104', T + 5 * DAY_MS, LATER_POST);
    expect(await thanks14()).toMatchObject({ messagedRate: 1 });
  });

  test('are made afresh once the log changed', async () => {
    await aPageWithMessagesAndReturns();
    expect(await thanks14()).toMatchObject({ matched: 4 });
    const reply = await routeMessage({ type: 'log/delete', id: sampleEntry(1).id }, popup, NOW);
    expect(reply).toMatchObject({ ok: true });
    expect(await thanks14()).toMatchObject({ matched: 3 });
  });
});
