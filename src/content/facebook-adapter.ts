import type { CommentContext } from '../shared/comment-context';
import { OWN_NODE_ATTRIBUTE } from './action-button';

/**
 * Every Facebook-specific selector and heuristic lives here; the rest of the content script only sees
 * comment elements and plain `CommentContext` objects. Facebook's class names are obfuscated and rotate,
 * and its labels are localized, so detection relies on what is stable across languages:
 *
 * - a comment is a `[role="article"]` that owns a permalink: a link to the POST's path carrying
 *   `comment_id` (and `reply_comment_id` for replies), e.g. `/acmecoffee/posts/pfbid02…?comment_id=456`;
 * - the author's profile link carries `comment_id` too, so links are told apart by path, not by params;
 * - "own" means not inside a nested article: replies can be rendered inside their parent comment.
 */

export const ARTICLE_SELECTOR = '[role="article"]';
const COMMENT_LINK_SELECTOR = 'a[href*="comment_id="]';
const BUTTON_SELECTOR = '[role="button"], button';
const BODY_SELECTOR = 'div[dir="auto"]';
/** Facebook's own action row (Like, Reply) holds at least this many buttons beside the permalink. */
const MIN_ACTION_ROW_BUTTONS = 2;

/** Paths of things that can carry comments: posts, permalinks, photos, videos, reels. */
const POST_PATH =
  /^\/(?:[^/]+\/(?:posts|videos|photos)\/[^/]+|permalink\.php|story\.php|photo(?:\.php)?|watch|reel\/[^/]+|[^/]+\/videos\/[^/]+)\/?$/;
/** Query parameters that identify a post on path-less permalinks (`permalink.php?story_fbid=…&id=…`). */
const POST_ID_PARAMS = ['story_fbid', 'fbid', 'id', 'v'];
const NUMERIC_ID = /^\d+$/;
/** Facebook's newer comment ids are base64 of `comment:<postId>_<commentId>`. */
const ENCODED_COMMENT_ID = /^comment:\d+_(\d+)$/;

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
  return POST_PATH.test(url.pathname);
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

/** The article's own permalink: the link (usually its timestamp) to the post with this comment's id. */
function findPermalink(article: Element): { link: Element; url: URL } | null {
  for (const link of ownElements(article, COMMENT_LINK_SELECTOR)) {
    const url = parseUrl(link.getAttribute('href'));
    if (url && isPostUrl(url)) return { link, url };
  }
  return null;
}

function postUrlOf(permalink: URL): string {
  const post = new URL(permalink.pathname, permalink.origin);
  for (const name of POST_ID_PARAMS) {
    const value = permalink.searchParams.get(name);
    if (value) post.searchParams.set(name, value);
  }
  return post.href;
}

/** Profile links come as `/profile.php?id=<digits>` or `/<vanity>`; ids are the digits or the vanity. */
function profileOf(url: URL): { id: string; url: string } | null {
  if (url.pathname === '/profile.php') {
    const id = url.searchParams.get('id');
    return id && NUMERIC_ID.test(id) ? { id, url: `${url.origin}/profile.php?id=${id}` } : null;
  }
  const people = /^\/people\/[^/]+\/(\d+)\/?$/.exec(url.pathname);
  if (people?.[1]) return { id: people[1], url: `${url.origin}${url.pathname}` };
  const vanity = /^\/([\w.-]+)\/?$/.exec(url.pathname)?.[1];
  return vanity ? { id: vanity, url: `${url.origin}/${vanity}` } : null;
}

function pageOf(postUrl: URL): string | null {
  const vanity = /^\/([^/]+)\/(?:posts|videos|photos)\//.exec(postUrl.pathname)?.[1];
  return vanity ?? postUrl.searchParams.get('id');
}

function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The author link: the article's first own link to a profile that shows text (the avatar link has none). */
function findAuthor(article: Element): { name: string; id: string; url: string } | null {
  for (const link of ownElements(article, 'a[href]')) {
    const url = parseUrl(link.getAttribute('href'));
    if (!url || url.origin !== location.origin || isPostUrl(url)) continue;
    const name = textOf(link);
    const profile = profileOf(url);
    if (name && profile) return { name, ...profile };
  }
  return null;
}

/** The comment's words: its own `dir="auto"` blocks outside links, without "See more"-style buttons. */
function commentText(article: Element): string {
  const parts: string[] = [];
  for (const block of ownElements(article, BODY_SELECTOR)) {
    if (block.closest('a') || block.parentElement?.closest(BODY_SELECTOR)) continue;
    const copy = block.cloneNode(true) as Element;
    for (const button of copy.querySelectorAll(BUTTON_SELECTOR)) button.remove();
    const text = textOf(copy);
    if (text) parts.push(text);
  }
  return parts.join('\n');
}

/** The Page that published the post: the post article's header link, else the vanity in the URL. */
function findPage(article: Element, pageId: string): string {
  const post = article.parentElement?.closest(`${ARTICLE_SELECTOR}:not([aria-label])`);
  const header = post?.querySelector('h2 a, h3 a, h4 a, [data-ad-rendering-role="profile_name"] a');
  return (header && textOf(header)) || pageId;
}

/** Reads a comment element; null when it is not a fan comment we can act on (or not a comment at all). */
export function readComment(article: Element): CommentContext | null {
  const found = findPermalink(article);
  if (!found) return null;
  const { link, url: permalink } = found;
  const replyId = decodeCommentId(permalink.searchParams.get('reply_comment_id'));
  const topId = decodeCommentId(permalink.searchParams.get('comment_id'));
  const commentId = replyId ?? topId;
  const pageId = pageOf(permalink);
  const author = findAuthor(article);
  if (!commentId || !pageId || !author) return null;
  const pageName = findPage(article, pageId);
  // The Page's own comments and replies get no action: a Page does not message itself.
  if (author.id === pageId || author.name === pageName) return null;
  const timestamp = link.getAttribute('aria-label') ?? textOf(link);
  return {
    commentId,
    ...(replyId && topId ? { parentCommentId: topId } : {}),
    postUrl: postUrlOf(permalink),
    pageId,
    pageName,
    authorId: author.id,
    authorName: author.name,
    authorUrl: author.url,
    text: commentText(article),
    ...(timestamp ? { timestamp } : {}),
  };
}

/** Comment candidates inside (and including) a node that was just added to the page. */
export function findArticles(root: Element): Element[] {
  const found = root.matches(ARTICLE_SELECTOR) ? [root] : [];
  const enclosing = root.closest(ARTICLE_SELECTOR);
  if (enclosing && enclosing !== root) found.push(enclosing);
  return [...found, ...root.querySelectorAll(ARTICLE_SELECTOR)];
}

/**
 * Where our action goes: right after the last button of the comment's own action row, the row that holds
 * its permalink and Facebook's Like / Reply buttons, found by structure so it works in every language.
 */
export function findActionSlot(article: Element): { row: Element; after: Element } | null {
  for (
    let row = findPermalink(article)?.link.parentElement;
    row && row !== article;
    row = row.parentElement
  ) {
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
