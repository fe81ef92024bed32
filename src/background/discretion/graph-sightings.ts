import type { z } from 'zod';
import { GRAPH_MAX_POSTS_READ, type GraphReadingView } from '../../shared/discretion';
import { isPausing, type GraphError } from '../../shared/graph';
import type { SightingRecord } from '../../shared/sightings';
import { graphCommentKey, graphFanKey, sightingCommentKey, fanSalt } from '../fans/salted-keys';
import { postComments, pagePosts, type GraphComment } from '../graph/graph-comments';
import { callFor, graphPause, pauseGraph, type StoredConnection } from '../graph/graph-connection';
import type { GraphCall, GraphOutcome } from '../graph/graph-request';
import { KEYS, type GraphReadingSchema } from '../storage/keys';
import type { OutreachDatabase } from '../storage/schema';
import { readStored, writeStored } from '../storage/stored';
import { keepSightings } from './sighting-store';

/*
 * Sightings from the Graph API: every post the Page published within the sightings' retention, and
 * each one's comments, read a few requests at a time. Each step is one message from the Discretion
 * view and leaves the reading where it stopped (in `meta`), so the worker is never held for long, a
 * worker that dies loses nothing already kept, and the view shows progress. Fans are kept under the
 * id the Graph API gives them (never the one facebook.com shows), so the figures built on these
 * sightings are reported apart from those of the posts opened in this browser.
 */

type GraphReading = z.infer<typeof GraphReadingSchema>;

/** Requests per step: a step answers within seconds even when Facebook is slow to. */
export const STEP_REQUESTS = 10;
/** Pages of comments read per post at most (5,000 comments): a viral post does not use up the reading. */
export const MAX_COMMENT_PAGES = 50;

/** What a step came to: the reading so far, and why it stopped if Facebook stopped it. */
export interface GraphReadingStep {
  reading: GraphReadingView;
  stopped: GraphError | 'unreachable' | null;
}

const view = (reading: GraphReading): GraphReadingView => ({
  startedAt: reading.startedAt,
  finishedAt: reading.finishedAt,
  posts: reading.posts,
  comments: reading.comments,
  added: reading.added,
  stoppedBy: reading.stoppedBy,
});

/** The last reading of a Page's comments, finished or under way; null when there was none. */
export async function lastGraphReading(pageId: string): Promise<GraphReadingView | null> {
  const reading = await readStored(KEYS.graphReading, pageId);
  return reading && view(reading);
}

function freshReading(now: number, since: number): GraphReading {
  return {
    startedAt: now,
    finishedAt: null,
    posts: 0,
    comments: 0,
    added: 0,
    stoppedBy: null,
    since,
    postsAfter: null,
    postsDone: false,
    queue: [],
    commentsAfter: null,
    commentPages: 0,
  };
}

/** A Graph comment id is `<post>_<comment>`: the comment's own id is the one facebook.com shows. */
const ownId = (graphId: string) => graphId.slice(graphId.lastIndexOf('_') + 1);

/** The fans' comments of one page of results as sightings; the Page's own comments are no fan's. */
function graphRecords(
  salt: string,
  target: { pageId: string; graphPageId: string; postId: string },
  comments: readonly GraphComment[],
): SightingRecord[] {
  const byFans = comments.filter(({ fromId }) => fromId !== null && fromId !== target.graphPageId);
  return byFans.map((comment) => ({
    pageId: target.pageId,
    fanKey: graphFanKey(salt, target.pageId, comment.fromId!),
    commentKey: graphCommentKey(salt, sightingCommentKey(salt, ownId(comment.id))),
    postKey: `graph:${target.postId}`,
    at: comment.createdAt,
    timeFrom: 'facebook',
    source: 'graph',
  }));
}

type Failure = Exclude<GraphOutcome<unknown>, { kind: 'ok' }>;
type Step = { reading: GraphReading; failed?: undefined } | { failed: Failure };

/** Every listed post read (or the reading cut short): nothing left to ask. */
const readToEnd = (reading: GraphReading) => reading.queue.length === 0 && reading.postsDone;

/** What every request of a step shares, read once per step. */
interface StepContext {
  db: OutreachDatabase;
  call: GraphCall;
  salt: string;
  pageId: string;
  graphPageId: string;
}

/** One request's worth of the reading: the next page of posts, or of the first queued post's comments. */
async function advance(
  { db, call, salt, pageId, graphPageId }: StepContext,
  reading: GraphReading,
): Promise<Step> {
  if (reading.queue.length === 0) {
    const posts = await pagePosts(call, graphPageId, reading.since, reading.postsAfter);
    if (posts.kind !== 'ok') return { failed: posts };
    const room = GRAPH_MAX_POSTS_READ - reading.posts;
    const queue = posts.data.items.slice(0, room).map(({ id }) => id);
    const more = posts.data.after !== null && posts.data.items.length < room;
    return {
      reading: {
        ...reading,
        queue,
        postsAfter: posts.data.after,
        postsDone: !more,
        ...(posts.data.after !== null && !more ? { stoppedBy: 'posts' as const } : {}),
      },
    };
  }
  const postId = reading.queue[0]!;
  const comments = await postComments(call, postId, reading.commentsAfter);
  if (comments.kind !== 'ok') return { failed: comments };
  const records = graphRecords(salt, { pageId, graphPageId, postId }, comments.data.items);
  const kept = await keepSightings(db, records);
  if (kept.full) return { reading: { ...reading, stoppedBy: 'full', queue: [], postsDone: true } };
  const pages = reading.commentPages + 1;
  const postDone = comments.data.after === null || pages >= MAX_COMMENT_PAGES;
  return {
    reading: {
      ...reading,
      comments: reading.comments + records.length,
      added: reading.added + kept.added,
      ...(postDone
        ? { queue: reading.queue.slice(1), posts: reading.posts + 1, commentsAfter: null, commentPages: 0 }
        : { commentsAfter: comments.data.after, commentPages: pages }),
    },
  };
}

/**
 * One step of reading the Page's comments through the Graph API: the reading under way goes on, or a
 * new one starts when the last one finished. A page-wide answer from Facebook pauses the
 * Graph API as a send's would; what was read before it is kept.
 */
export async function readGraphStep(
  db: OutreachDatabase,
  connection: StoredConnection,
  pageId: string,
  options: { since: number; now: number },
): Promise<GraphReadingStep> {
  const { now } = options;
  const stored = await readStored(KEYS.graphReading, pageId);
  let reading = !stored || stored.finishedAt !== null ? freshReading(now, options.since) : stored;
  const pause = await graphPause(connection.page.id, now);
  if (pause) return { reading: view(reading), stopped: pause.reason };
  const context = {
    db,
    call: await callFor(connection),
    salt: await fanSalt(db),
    pageId,
    graphPageId: connection.page.id,
  };
  let stopped: GraphReadingStep['stopped'] = null;
  for (let request = 0; request < STEP_REQUESTS && !readToEnd(reading); request++) {
    const step = await advance(context, reading);
    if (step.failed) {
      const { failed } = step;
      stopped = failed.kind === 'refused' ? failed.error : 'unreachable';
      if (failed.kind === 'refused' && isPausing(failed.error))
        await pauseGraph(connection.page.id, failed.error, now, failed.retryAfterMs);
      break;
    }
    reading = step.reading;
  }
  if (readToEnd(reading)) reading = { ...reading, finishedAt: now };
  await writeStored(KEYS.graphReading, reading, pageId);
  return { reading: view(reading), stopped };
}
