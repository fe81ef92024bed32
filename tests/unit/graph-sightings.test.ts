import { byPostOf } from '../../src/shared/post-sightings';
import { sightingsOf } from '../../src/background/discretion/sighting-chunks';
import { describe, expect, test } from 'vitest';
import { STEP_REQUESTS } from '../../src/background/discretion/graph-sightings';
import { forgetFan } from '../../src/background/fans/forgotten-fans';
import { graphPause } from '../../src/background/graph/graph-connection';
import { withDatabase } from '../../src/background/storage/database';
import type { ReplyOf } from '../../src/shared/messages';
import type { Category } from '../../src/shared/outreach';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { GRAPH_ANSWERS, graphWithComments, type StubPost } from '../fixtures/graph-stub.mjs';
import { routeMessage } from './checked-router';
import { useGraphStub } from './graph-stub-setup';
import { sampleEntry, THANKS_AND_PROMOS } from './sample-entry';
import { facebookTab, popup } from './senders';

/** Wednesday 4 November 2026, 8 pm UTC: the messages go out. */
const T = Date.UTC(2026, 10, 4, 20);
const NOW = T + 40 * DAY_MS;
const PAGE_GRAPH_ID = '1000123';
/** Fan n as the Graph API names them (a Page-scoped id, unlike the `fan<n>` facebook.com shows). */
const graphFan = (fan: number) => String(9000 + fan);
const graph = useGraphStub();

/**
 * As the Discretion report's own test, but read through the Graph API: on the first post fans 1–10
 * comment, 1–4 get a thanks and 5–6 a promo; on the second, fans 1–3, 5, 7 and 8 comment again. The
 * Page answers on the first post, and one comment names no writer: neither is a fan's.
 */
const POSTS: StubPost[] = [
  {
    id: `${PAGE_GRAPH_ID}_2`,
    at: T + 5 * DAY_MS - HOUR_MS,
    comments: [1, 2, 3, 5, 7, 8].map((fan) => ({
      id: `2_${100 + fan}`,
      fromId: graphFan(fan),
      at: T + 5 * DAY_MS,
    })),
  },
  {
    id: `${PAGE_GRAPH_ID}_1`,
    at: T - 3 * HOUR_MS,
    comments: [
      ...Array.from({ length: 10 }, (_, index) => ({
        id: `1_${index + 1}`,
        fromId: graphFan(index + 1),
        at: T - 2 * HOUR_MS,
      })),
      { id: '1_50', fromId: PAGE_GRAPH_ID, at: T - HOUR_MS },
      { id: '1_51', at: T - HOUR_MS },
    ],
  },
];
const FAN_COMMENTS = 16;

async function theLogHoldsTheMessages(): Promise<void> {
  await withDatabase(async (db) => {
    for (const [fan, category] of Object.entries(THANKS_AND_PROMOS)) {
      const entry = sampleEntry(Number(fan), {
        category,
        postUrl: 'https://www.facebook.com/acmecoffee/posts/1',
        createdAt: T,
        updatedAt: T,
      });
      await db.put('outreach', entry);
    }
  });
}

async function connect(): Promise<void> {
  const reply = await routeMessage(
    { type: 'graph/connect', token: 'EAAGstubPageAccessToken0123456789', remember: false },
    popup,
    NOW,
  );
  if (!reply.ok) throw new Error(reply.error.message);
}

/** One step of the reading, as the Discretion view asks for it. */
async function step(): Promise<ReplyOf<'discretion/read-graph'>> {
  const reply = await routeMessage({ type: 'discretion/read-graph', pageId: 'acmecoffee' }, popup, NOW);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<'discretion/read-graph'>;
}

/** Steps until the reading is done or stopped, as the view does; the replies in order. */
async function readAll(): Promise<Array<ReplyOf<'discretion/read-graph'>>> {
  const replies: Array<ReplyOf<'discretion/read-graph'>> = [];
  for (let steps = 0; steps < 100; steps++) {
    const reply = await step();
    replies.push(reply);
    if (reply.stopped || reply.reading.finishedAt !== null) return replies;
  }
  throw new Error('the reading never ended');
}

async function report() {
  const reply = await routeMessage({ type: 'discretion/report', pageId: 'acmecoffee' }, popup, NOW);
  const { report } = (reply.ok ? reply.data : {}) as Partial<ReplyOf<'discretion/report'>>;
  if (!report) throw new Error('no report');
  return report;
}

const graphSightings = () =>
  withDatabase(async (db) =>
    (await db.getAll('sightingChunks')).flatMap(sightingsOf).filter(({ source }) => source === 'graph'),
  );

describe('reading the Page’s comments through the Graph API', () => {
  test('reads every post’s comments, page by page, into sightings of fans only', async () => {
    await connect();
    graph.stub.handler = graphWithComments(POSTS, 3);
    const replies = await readAll();
    expect(replies.at(-1)).toEqual({
      reading: expect.objectContaining({
        posts: 2,
        comments: FAN_COMMENTS,
        added: FAN_COMMENTS,
        stoppedBy: null,
        finishedAt: NOW,
      }),
      stopped: null,
    });
    expect(await graphSightings()).toHaveLength(FAN_COMMENTS);
  });

  test('asks Facebook at most a few times per step, so each step answers quickly', async () => {
    await connect();
    graph.stub.handler = graphWithComments(POSTS, 1);
    const perStep: number[] = [];
    for (;;) {
      const before = graph.stub.requests.length;
      const reply = await step();
      perStep.push(graph.stub.requests.length - before);
      if (reply.reading.finishedAt !== null) break;
    }
    expect(perStep.length).toBeGreaterThan(1);
    expect(Math.max(...perStep)).toBe(STEP_REQUESTS);
  });

  test('keeps no one’s id, name or words: fans and comments are salted keys', async () => {
    await connect();
    graph.stub.handler = graphWithComments(POSTS);
    await readAll();
    const kept = JSON.stringify(await graphSightings());
    expect(kept).not.toMatch(/900\d|Fan |stub comment|"1_\d/);
  });

  test('counts the messages whose comments it read, in figures of their own', async () => {
    await theLogHoldsTheMessages();
    await connect();
    graph.stub.handler = graphWithComments(POSTS);
    await readAll();
    const figures = await report();
    const at14 = (category: Category) =>
      figures.figures.find(
        (figure) => figure.source === 'graph' && figure.category === category && figure.windowDays === 14,
      );
    expect(at14('thanks')).toMatchObject({ matched: 4, messagedRate: 0.75, baselineRate: 0.5, controls: 4 });
    expect(at14('promo')).toMatchObject({ matched: 2, messagedRate: 0.5, baselineRate: 0.5 });
    expect(figures.primarySource).toBe('graph');
    expect(figures.coverage).toContainEqual(
      expect.objectContaining({ source: 'graph', sightings: FAN_COMMENTS, posts: 2, placed: 6, unplaced: 0 }),
    );
    expect(figures.graph).toEqual({
      canRead: true,
      last: expect.objectContaining({ comments: FAN_COMMENTS }),
    });
  });

  test('a message whose comment it never read is not counted there, and is said so', async () => {
    await theLogHoldsTheMessages();
    await connect();
    graph.stub.handler = graphWithComments([POSTS[0]!]);
    await readAll();
    expect((await report()).coverage).toContainEqual(
      expect.objectContaining({ source: 'graph', placed: 0, unplaced: 6 }),
    );
  });

  test('when Facebook does not answer, what was read stays and the next reading goes on from there', async () => {
    await connect();
    const answers = graphWithComments(POSTS, 3);
    let failed = false;
    graph.stub.handler = (request) => {
      if (!failed && request.path.includes('/1000123_1/comments') && request.path.includes('after=3')) {
        failed = true;
        return { status: 500, body: {} };
      }
      return answers(request);
    };
    const first = await readAll();
    expect(first.at(-1)!.stopped).toBe('unreachable');
    const second = await readAll();
    expect(second.at(-1)!.reading).toMatchObject({ posts: 2, comments: FAN_COMMENTS, added: FAN_COMMENTS });
    const firstPages = graph.stub.requests.filter(
      ({ path }) => path.includes('/1000123_1/comments') && !path.includes('after='),
    );
    expect(firstPages).toHaveLength(1);
  });

  test('a rate limit pauses the Graph API, and the next step asks Facebook nothing', async () => {
    await connect();
    graph.stub.handler = () => GRAPH_ANSWERS.error(4);
    expect(await step()).toMatchObject({ stopped: 'rate-limited' });
    expect((await graphPause(PAGE_GRAPH_ID, NOW))?.reason).toBe('rate-limited');
    const asked = graph.stub.requests.length;
    expect(await step()).toMatchObject({ stopped: 'rate-limited' });
    expect(graph.stub.requests).toHaveLength(asked);
  });

  test('a token that may not read comments is told so, and nothing is kept', async () => {
    await connect();
    graph.stub.handler = () => GRAPH_ANSWERS.error(10);
    expect(await step()).toMatchObject({ stopped: 'permission-missing' });
    expect(await graphSightings()).toHaveLength(0);
  });

  test('answers that do not parse are skipped, and an oversized page proves nothing', async () => {
    await connect();
    const answers = graphWithComments(POSTS);
    graph.stub.handler = (request) => {
      if (request.path.includes('/1000123_2/comments'))
        return {
          status: 200,
          body: {
            data: [
              { id: '2_101', created_time: 'yesterday', from: { id: '9001' } },
              { id: '<script>', created_time: '2026-11-09T20:00:00+0000', from: { id: '9001' } },
              { id: '2_102', created_time: '2026-11-09T20:00:00+0000', from: { id: '9002' } },
            ],
          },
        };
      if (request.path.includes('/1000123_1/comments'))
        return { status: 200, body: { data: Array.from({ length: 101 }, () => ({})) } };
      return answers(request);
    };
    const replies = await readAll();
    expect(replies.at(-1)).toMatchObject({ stopped: 'unreachable', reading: { comments: 1 } });
  });

  test('another Page than the connected one is refused, and nothing is asked', async () => {
    await connect();
    const asked = graph.stub.requests.length;
    const reply = await routeMessage({ type: 'discretion/read-graph', pageId: 'someoneelse' }, popup, NOW);
    expect(reply).toMatchObject({ ok: false });
    expect(graph.stub.requests).toHaveLength(asked);
  });

  test('forgetting a fan forgets their comments read through the Graph API, found by a message to them', async () => {
    await theLogHoldsTheMessages();
    await connect();
    graph.stub.handler = graphWithComments(POSTS);
    await readAll();
    await withDatabase((db) => forgetFan(db, { pageId: 'acmecoffee', fanId: 'fan1' }, NOW));
    // Fan 1 wrote on both posts: both go, and no one else's.
    expect(await graphSightings()).toHaveLength(FAN_COMMENTS - 2);
  });

  test('forgetting a fan never messaged forgets what the Graph API read of them, found by a comment seen on a page', async () => {
    await connect();
    graph.stub.handler = graphWithComments(POSTS);
    await readAll();
    const sighting = {
      pageId: 'acmecoffee',
      fanId: 'fan7',
      commentId: '7',
      postUrl: 'https://www.facebook.com/acmecoffee/posts/1',
    };
    expect(
      await routeMessage({ type: 'sightings/record', posts: byPostOf([sighting]) }, facebookTab, NOW),
    ).toMatchObject({
      ok: true,
    });
    await withDatabase((db) => forgetFan(db, { pageId: 'acmecoffee', fanId: 'fan7' }, NOW));
    expect(await graphSightings()).toHaveLength(FAN_COMMENTS - 2);
  });
});
