import { z } from 'zod';
import { graphRequest, parseGraphTime, type GraphCall, type GraphOutcome } from './graph-request';

/*
 * The Page's posts and their comments as the Graph API lists them, one page of results per call. The
 * answers are Facebook's, but checked like anything from outside: an item that does not parse is
 * skipped, and a page holds at most what was asked for.
 */

/** Items asked for per request: the Graph API's usual maximum for these edges. */
export const GRAPH_PAGE_SIZE = 100;
/** Longest paging cursor kept; Facebook's are a few hundred characters. */
const MAX_CURSOR = 1000;

/** A Graph id: digits, or a post's or comment's `<parent>_<own>` pair. */
const GraphIdSchema = z.string().regex(/^\d{1,30}(_\d{1,30})?$/);
const GraphTimeSchema = z.string().max(40).transform(parseGraphTime).pipe(z.number().int().nonnegative());

const PostSchema = z.object({ id: GraphIdSchema, created_time: GraphTimeSchema });
const CommentSchema = z.object({
  id: GraphIdSchema,
  created_time: GraphTimeSchema,
  // Missing where Facebook does not tell the Page who wrote it: such a comment counts for no fan.
  from: z.object({ id: GraphIdSchema }).optional(),
});
const ListSchema = z.object({
  data: z.array(z.unknown()).max(GRAPH_PAGE_SIZE),
  paging: z
    .object({
      cursors: z.object({ after: z.string().max(MAX_CURSOR).optional() }).optional(),
      next: z.unknown(),
    })
    .partial()
    .optional(),
});

export interface GraphPost {
  id: string;
  createdAt: number;
}

export interface GraphComment {
  id: string;
  /** The writer as the Page sees them (a Page-scoped id, not the one facebook.com shows). */
  fromId: string | null;
  createdAt: number;
}

/** One page of a list, and the cursor of the next where there is one. */
export interface GraphList<T> {
  items: T[];
  after: string | null;
}

function listOf<T>(body: unknown, read: (item: unknown) => T | null): GraphOutcome<GraphList<T>> {
  const list = ListSchema.safeParse(body);
  if (!list.success) return { kind: 'unknown', cause: 'server' };
  const items = list.data.data.map(read).filter((item) => item !== null);
  // Only a "next" address says there is more; the cursor is kept, the address never followed.
  const after = list.data.paging?.next ? (list.data.paging.cursors?.after ?? null) : null;
  return { kind: 'ok', data: { items, after } };
}

const cursor = (after: string | null) => (after ? `&after=${encodeURIComponent(after)}` : '');

/** The Page's own posts published from `since` (ms) on, newest first. */
export async function pagePosts(
  call: GraphCall,
  pageId: string,
  since: number,
  after: string | null,
): Promise<GraphOutcome<GraphList<GraphPost>>> {
  const sinceSeconds = Math.floor(since / 1000);
  const outcome = await graphRequest(
    `/${encodeURIComponent(pageId)}/published_posts?fields=id,created_time&since=${sinceSeconds}&limit=${GRAPH_PAGE_SIZE}${cursor(after)}`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  return listOf(outcome.data, (item) => {
    const post = PostSchema.safeParse(item);
    return post.success ? { id: post.data.id, createdAt: post.data.created_time } : null;
  });
}

/** A post's comments, replies included (`filter=stream`), oldest first. */
export async function postComments(
  call: GraphCall,
  postId: string,
  after: string | null,
): Promise<GraphOutcome<GraphList<GraphComment>>> {
  const outcome = await graphRequest(
    `/${encodeURIComponent(postId)}/comments?fields=id,created_time,from%7Bid%7D&filter=stream&order=chronological&limit=${GRAPH_PAGE_SIZE}${cursor(after)}`,
    call,
  );
  if (outcome.kind !== 'ok') return outcome;
  return listOf(outcome.data, (item) => {
    const comment = CommentSchema.safeParse(item);
    if (!comment.success) return null;
    const { id, created_time: createdAt, from } = comment.data;
    return { id, fromId: from?.id ?? null, createdAt };
  });
}
