/**
 * Reading Facebook's links: which are permalinks of a comment, which point at a profile, and the ids
 * they carry. Only paths and query parameters are read, never a word of the UI language.
 */

import { FACEBOOK_DESKTOP_ORIGINS } from '../../shared/facebook-hosts';

/** Read once: `location` is slow to reach from the content script's world, and the origin never changes. */
const ORIGIN = location.origin;
/** Absolute hrefs on the site, on any of its desktop hosts (a www link on a web.facebook.com page). */
const SITE_PREFIXES = FACEBOOK_DESKTOP_ORIGINS.map((origin) => `${origin}/`);
/** Paths of things that can carry comments: posts, permalinks, photos, videos, reels. */
const POST_PATH =
  /^\/(?:[^/]+\/(?:posts|videos|photos)\/[^/]+|permalink\.php|story\.php|photo(?:\.php)?|watch|reel\/[^/]+)\/?$/;
/** Query parameters that identify a post on path-less permalinks (`permalink.php?story_fbid=…&id=…`). */
const POST_ID_PARAMS = ['story_fbid', 'fbid', 'set', 'id', 'v'];
/** Does a query carry any of POST_ID_PARAMS? Most permalinks (`/page/posts/<id>`) carry none. */
const POST_ID_PARAM = new RegExp(`[?&](?:${POST_ID_PARAMS.join('|')})=`);
const NUMERIC_ID = /^\d+$/;
/** Facebook's newer comment ids are base64 of `comment:<postId>_<commentId>`. */
const ENCODED_COMMENT_ID = /^comment:(\d+)_(\d+)$/;
/** A post path that names the post by number, as the Graph API does. */
const NUMERIC_POST_PATH = /\/posts\/(\d+)\/?$/;
/** Top-level paths that are Facebook features, never a Page or a profile. */
const RESERVED_PATHS = new Set([
  'photo',
  'photo.php',
  'watch',
  'reel',
  'permalink.php',
  'story.php',
  'groups',
  'events',
  'hashtag',
]);

export interface LinkParts {
  path: string;
  query: string;
}

/** The ids a link names in its `comment_id` / `reply_comment_id` parameters, decoded. */
export interface CommentRef {
  /** The top-level comment (`comment_id`). */
  topId: string | null;
  /** The reply (`reply_comment_id`), at any depth. */
  replyId: string | null;
  /** The post's number, where an encoded id carries it. */
  postId: string | null;
  /** The two parameters as written, to compare another link's with no decoding when they match. */
  written: { comment_id: string | null; reply_comment_id: string | null };
}

/**
 * A same-site link's path and query, read from its href (each link's is read once): anchors re-parse their URL on every
 * `pathname` access, which is too slow for thousands of links. Facebook writes absolute hrefs; a
 * relative one (`/acmecoffee?…`) is accepted too.
 */
export function linkParts(href: string): LinkParts | null {
  const prefix = SITE_PREFIXES.find((candidate) => href.startsWith(candidate));
  const local = prefix ? href.slice(prefix.length - 1) : href;
  if (!local.startsWith('/') || local.startsWith('//')) return null;
  const end = local.search(/[?#]/);
  if (end < 0) return { path: local, query: '' };
  const query = local[end] === '#' ? '' : local.slice(end).split('#')[0]!;
  return { path: local.slice(0, end), query };
}

/** Does this href name a comment at all? Cheap enough for every link of the page. */
export function mentionsComment(href: string): boolean {
  return href.includes('comment_id=');
}

/** A link to a post, photo, video or reel (with or without a comment in its query). */
export function isPostPath(path: string): boolean {
  return POST_PATH.test(path);
}

function decodeEncodedId(value: string | null): RegExpExecArray | null {
  if (!value || NUMERIC_ID.test(value)) return null;
  try {
    return ENCODED_COMMENT_ID.exec(atob(value));
  } catch {
    return null;
  }
}

/** Decodes a `comment_id` value in either of Facebook's forms: digits, or base64 `comment:<post>_<id>`. */
export function decodeCommentId(value: string | null): string | null {
  return decodeRef(value).id;
}

const PARAM_PATTERNS = new Map<string, RegExp>();

/** One query parameter's raw value, without URLSearchParams: this runs for every comment that appears. */
function param(query: string, name: string): string | null {
  let pattern = PARAM_PATTERNS.get(name);
  if (!pattern) PARAM_PATTERNS.set(name, (pattern = new RegExp(`[?&]${name}=([^&#]*)`)));
  const value = pattern.exec(query)?.[1];
  if (value === undefined || !value.includes('%')) return value ?? null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A `comment_id` value decoded once: the comment's id, and the post's where the value carries it. */
function decodeRef(value: string | null): { id: string | null; post: string | null } {
  if (!value) return { id: null, post: null };
  if (NUMERIC_ID.test(value)) return { id: value, post: null };
  const encoded = decodeEncodedId(value);
  return { id: encoded?.[2] ?? null, post: encoded?.[1] ?? null };
}

/**
 * Does a link's query name the same comment as a permalink's? Only the ids it carries are compared,
 * and an id written the same way as the permalink's needs no decoding.
 */
export function namesSameComment(query: string, permalink: CommentRef): boolean {
  const same = (name: keyof CommentRef['written'], id: string | null): boolean => {
    // Most author links carry no comment at all: nothing to compare then.
    const value = query.includes(name) ? param(query, name) : null;
    return value === null || value === permalink.written[name] || decodeRef(value).id === id;
  };
  return same('comment_id', permalink.topId) && same('reply_comment_id', permalink.replyId);
}

export function commentRefOf(query: string): CommentRef {
  const written = {
    comment_id: param(query, 'comment_id'),
    reply_comment_id: param(query, 'reply_comment_id'),
  };
  const top = decodeRef(written.comment_id);
  const reply = decodeRef(written.reply_comment_id);
  return { topId: top.id, replyId: reply.id, postId: reply.post ?? top.post, written };
}

/**
 * Signal 2b: the comment's Graph API id, `<post>_<comment>`, when the permalink names the post by
 * number: inside an encoded comment id, in the path (`/posts/<digits>`) or as `story_fbid`.
 * Facebook's `pfbid…` post ids cannot be turned into numbers, so those comments have none.
 */
export function graphCommentIdOf(parts: LinkParts, ref: CommentRef, commentId: string): string | undefined {
  const storyId = param(parts.query, 'story_fbid');
  const post =
    ref.postId ??
    NUMERIC_POST_PATH.exec(parts.path)?.[1] ??
    (storyId && NUMERIC_ID.test(storyId) ? storyId : undefined);
  return post ? `${post}_${commentId}` : undefined;
}

/** The post a permalink belongs to, without the comment and tracking parameters. */
export function postUrlOf({ path, query }: LinkParts): string {
  if (!POST_ID_PARAM.test(query)) return `${ORIGIN}${path}`;
  const params = new URLSearchParams(query);
  const kept = POST_ID_PARAMS.flatMap((name) => {
    const value = params.get(name);
    return value ? [`${name}=${encodeURIComponent(value)}`] : [];
  });
  return `${ORIGIN}${path}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/** The Page or person a post path belongs to, where the path names them (`/<vanity>/posts/…`, `?id=`). */
export function postOwnerOf({ path, query }: LinkParts): string | null {
  return /^\/([^/]+)\/(?:posts|videos|photos)\//.exec(path)?.[1] ?? new URLSearchParams(query).get('id');
}

export interface Profile {
  id: string;
  url: string;
  /** The link's query: Facebook puts the comment's own ids on its author's link too. */
  query: string;
}

/** Profile links come as `/profile.php?id=<digits>`, `/people/<name>/<digits>/` or `/<vanity>`. */
export function profileOf(href: string): Profile | null {
  const parts = linkParts(href);
  if (!parts || POST_PATH.test(parts.path)) return null;
  const { path, query } = parts;
  if (path === '/profile.php') {
    const id = param(query, 'id');
    return id && NUMERIC_ID.test(id) ? { id, url: `${ORIGIN}/profile.php?id=${id}`, query } : null;
  }
  const people = /^\/people\/[^/]+\/(\d+)\/?$/.exec(path);
  if (people?.[1]) return { id: people[1], url: `${ORIGIN}${path}`, query };
  const vanity = /^\/([\w.-]+)\/?$/.exec(path)?.[1];
  return vanity && !RESERVED_PATHS.has(vanity) ? { id: vanity, url: `${ORIGIN}/${vanity}`, query } : null;
}
