import type { CommentContext } from '../shared/comment-context';
import { MAX_COMMENT_TEXT, MAX_LABEL } from '../shared/comment-context';
import { OWN_NODE_ATTRIBUTE } from './action-button';

/**
 * Every Facebook-specific selector and heuristic lives here; the rest of the content script only sees
 * comment elements and plain `CommentContext` objects. Class names are obfuscated and rotate, and every
 * label is localized, so detection rests only on what is the same in every language. Each signal below
 * names the markup it relies on; tests/fixtures/facebook holds pages in seven languages and four layouts.
 *
 * 1. COMMENT: `<div role="article">` that owns a permalink (2). Posts are articles too, but own none.
 * 2. PERMALINK: the comment's timestamp link, pointing at the POST's path plus the comment's id:
 *    `<a href="/acmecoffee/posts/pfbid02…?comment_id=456&reply_comment_id=790&__cft__…">2d</a>`.
 *    Ids are digits or base64 of `comment:<post>_<comment>`; `reply_comment_id` marks replies at any depth.
 * 3. OWN: replies may sit inside their parent's article, so a comment's links, text and buttons are the
 *    ones whose nearest `[role="article"]` is the comment itself.
 * 4. AUTHOR: the first own link with text to a profile path (`/giulia.rossi.77`, `/profile.php?id=…`,
 *    `/people/Name/<id>/`). It carries `comment_id` too, so links are told apart by path, not params.
 * 5. PAGE: the header link of the nearest ancestor that is not a comment — the post article, the post
 *    dialog (`role="dialog"`) or a photo/video comment column (`role="complementary"`) — else the
 *    vanity in the post path. A comment whose author is the Page is the Page's own.
 * 6. ACTION ROW: the nearest ancestor of the permalink holding at least two own buttons
 *    (`role="button"`: Like, Reply); our action goes after the last of them.
 * 7. TEXT: own `div[dir="auto"]` blocks outside links, minus nested buttons ("See more").
 * Localized aria-labels ("Comment by …", "Commento di …") are never needed.
 */

export const ARTICLE_SELECTOR = '[role="article"]';
const COMMENT_LINK_SELECTOR = 'a[href*="comment_id="]';
const BUTTON_SELECTOR = '[role="button"], button';
const BODY_SELECTOR = 'div[dir="auto"]';
const CONTAINER_SELECTOR = '[role="article"], [role="dialog"], [role="complementary"], [role="main"]';
const HEADER_LINK_SELECTOR = 'h2 a[href], h3 a[href], h4 a[href], strong a[href], [data-ad-rendering-role="profile_name"] a[href]';
/** Facebook's own action row (Like, Reply) holds at least this many buttons beside the permalink. */
const MIN_ACTION_ROW_BUTTONS = 2;

/** Paths of things that can carry comments: posts, permalinks, photos, videos, reels. */
const POST_PATH =
  /^\/(?:[^/]+\/(?:posts|videos|photos)\/[^/]+|permalink\.php|story\.php|photo(?:\.php)?|watch|reel\/[^/]+)\/?$/;
/** Query parameters that identify a post on path-less permalinks (`permalink.php?story_fbid=…&id=…`). */
const POST_ID_PARAMS = ['story_fbid', 'fbid', 'set', 'id', 'v'];
const NUMERIC_ID = /^\d+$/;
/** Facebook's newer comment ids are base64 of `comment:<postId>_<commentId>`. */
const ENCODED_COMMENT_ID = /^comment:\d+_(\d+)$/;
/** Top-level paths that are Facebook features, never a Page or a profile. */
const RESERVED_PATHS = new Set(['photo', 'photo.php', 'watch', 'reel', 'permalink.php', 'story.php', 'groups', 'events', 'hashtag']);

export type CommentSummary = Omit<CommentContext, 'text'>;
interface PageIdentity {
  id: string;
  name: string;
}

function ownedBy(element: Element, article: Element): boolean {
  return element.closest(ARTICLE_SELECTOR) === article;
}

function ownElements(article: Element, selector: string): Element[] {
  return [...article.querySelectorAll(selector)].filter((element) => ownedBy(element, article));
}

function parseUrl(href: string | null): URL | null {
  if (!href || !URL.canParse(href, location.href)) return null;
  return new URL(href, location.href);
}

function isPostUrl(url: URL): boolean {
  return url.origin === location.origin && POST_PATH.test(url.pathname);
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : text.slice(0, length);
}

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Decodes a `comment_id` value in either of Facebook's forms: digits, or base64 `comment:<post>_<id>`. */
export function decodeCommentId(value: string | null): string | null {
  if (!value) return null;
  if (NUMERIC_ID.test(value)) return value;
  try {
    return ENCODED_COMMENT_ID.exec(atob(value))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Signal 2: the article's own permalink. */
function findPermalink(article: Element): { link: Element; url: URL } | null {
  for (const link of ownElements(article, COMMENT_LINK_SELECTOR)) {
    const url = parseUrl(link.getAttribute('href'));
    if (url && isPostUrl(url)) return { link, url };
  }
  return null;
}

/** Signal 1: is this element a comment (rather than a post, a dialog or anything else)? */
export function isComment(element: Element): boolean {
  return element.matches(ARTICLE_SELECTOR) && findPermalink(element) !== null;
}

function postUrlOf(permalink: URL): string {
  const post = new URL(permalink.pathname, permalink.origin);
  for (const name of POST_ID_PARAMS) {
    const value = permalink.searchParams.get(name);
    if (value) post.searchParams.set(name, value);
  }
  return post.href;
}

/** Profile links come as `/profile.php?id=<digits>`, `/people/<name>/<digits>/` or `/<vanity>`. */
function profileOf(url: URL): { id: string; url: string } | null {
  if (url.origin !== location.origin) return null;
  if (url.pathname === '/profile.php') {
    const id = url.searchParams.get('id');
    return id && NUMERIC_ID.test(id) ? { id, url: `${url.origin}/profile.php?id=${id}` } : null;
  }
  const people = /^\/people\/[^/]+\/(\d+)\/?$/.exec(url.pathname);
  if (people?.[1]) return { id: people[1], url: `${url.origin}${url.pathname}` };
  const vanity = /^\/([\w.-]+)\/?$/.exec(url.pathname)?.[1];
  return vanity && !RESERVED_PATHS.has(vanity) ? { id: vanity, url: `${url.origin}/${vanity}` } : null;
}

/** Signal 4: the comment's author. */
function findAuthor(article: Element): { name: string; id: string; url: string } | null {
  for (const link of ownElements(article, 'a[href]')) {
    const url = parseUrl(link.getAttribute('href'));
    if (!url || isPostUrl(url)) continue;
    const name = textOf(link);
    const profile = profileOf(url);
    if (name && profile) return { name: clip(name, MAX_LABEL), ...profile };
  }
  return null;
}

/** Signal 5: nearest ancestor that is not itself a comment. */
function postContainer(article: Element): Element | null {
  let candidate = article.parentElement?.closest(CONTAINER_SELECTOR) ?? null;
  while (candidate && isComment(candidate)) candidate = candidate.parentElement?.closest(CONTAINER_SELECTOR) ?? null;
  return candidate;
}

/**
 * The Page behind a container, cached because every comment under one post asks the same question.
 * React may recycle a container for another post, so the entry holds the first header link it saw.
 */
const pageByContainer = new WeakMap<Element, { signature: string | null; page: PageIdentity | null }>();

function headerPage(container: Element): PageIdentity | null {
  const signature = container.querySelector(HEADER_LINK_SELECTOR)?.getAttribute('href') ?? null;
  const cached = pageByContainer.get(container);
  if (cached && cached.signature === signature) return cached.page;
  let page: PageIdentity | null = null;
  for (const link of container.querySelectorAll(HEADER_LINK_SELECTOR)) {
    const owner = link.closest(ARTICLE_SELECTOR);
    if (owner && owner !== container && isComment(owner)) continue;
    const url = parseUrl(link.getAttribute('href'));
    const profile = url && !isPostUrl(url) ? profileOf(url) : null;
    const name = textOf(link);
    if (profile && name) {
      page = { id: profile.id, name: clip(name, MAX_LABEL) };
      break;
    }
  }
  pageByContainer.set(container, { signature, page });
  return page;
}

function findPage(article: Element, permalink: URL): PageIdentity | null {
  const container = postContainer(article);
  const fromHeader = container && headerPage(container);
  if (fromHeader) return fromHeader;
  const vanity = /^\/([^/]+)\/(?:posts|videos|photos)\//.exec(permalink.pathname)?.[1];
  const id = vanity ?? permalink.searchParams.get('id');
  return id ? { id, name: id } : null;
}

/** Signal 7: the comment's words. */
function commentText(article: Element): string {
  const parts: string[] = [];
  for (const block of ownElements(article, BODY_SELECTOR)) {
    if (block.closest('a') || block.parentElement?.closest(BODY_SELECTOR)) continue;
    const copy = block.cloneNode(true) as Element;
    for (const button of copy.querySelectorAll(BUTTON_SELECTOR)) button.remove();
    const text = textOf(copy);
    if (text) parts.push(text);
  }
  return clip(parts.join('\n'), MAX_COMMENT_TEXT);
}

/**
 * Everything about a fan comment but its text: enough to place the action and show the fan's status.
 * Null when the element is not a fan comment (not a comment at all, or the Page's own).
 */
export function readCommentSummary(article: Element): CommentSummary | null {
  const found = findPermalink(article);
  if (!found) return null;
  const { link, url: permalink } = found;
  const replyId = decodeCommentId(permalink.searchParams.get('reply_comment_id'));
  const topId = decodeCommentId(permalink.searchParams.get('comment_id'));
  const commentId = replyId ?? topId;
  const author = findAuthor(article);
  const page = findPage(article, permalink);
  if (!commentId || !author || !page) return null;
  if (author.id === page.id || author.name === page.name) return null;
  const timestamp = clip(link.getAttribute('aria-label') ?? textOf(link), MAX_LABEL);
  return {
    commentId,
    ...(replyId && topId ? { parentCommentId: topId } : {}),
    postUrl: postUrlOf(permalink),
    pageId: page.id,
    pageName: page.name,
    authorId: author.id,
    authorName: author.name,
    authorUrl: author.url,
    ...(timestamp ? { timestamp } : {}),
  };
}

/** The full context of a fan comment, read when the admin picks it. */
export function readComment(article: Element): CommentContext | null {
  const summary = readCommentSummary(article);
  return summary && { ...summary, text: commentText(article) };
}

/** Comment candidates inside (and including) a node that was just added to the page. */
export function findArticles(root: Element): Element[] {
  const found = root.matches(ARTICLE_SELECTOR) ? [root] : [];
  const enclosing = root.closest(ARTICLE_SELECTOR);
  if (enclosing && enclosing !== root) found.push(enclosing);
  return [...found, ...root.querySelectorAll(ARTICLE_SELECTOR)];
}

/** Signal 6: where our action goes, right after Facebook's last button (Reply) in the comment's row. */
export function findActionSlot(article: Element): { row: Element; after: Element } | null {
  for (let row = findPermalink(article)?.link.parentElement; row && row !== article; row = row.parentElement) {
    const buttons = [...row.querySelectorAll(BUTTON_SELECTOR)].filter(
      (button) => ownedBy(button, article) && !button.closest(`[${OWN_NODE_ATTRIBUTE}]`),
    );
    if (buttons.length < MIN_ACTION_ROW_BUTTONS) continue;
    let after: Element = buttons.at(-1)!;
    while (after.parentElement && after.parentElement !== row) after = after.parentElement;
    return { row, after };
  }
  return null;
}
