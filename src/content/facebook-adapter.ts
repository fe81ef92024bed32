// Types only: zod stays out of the content script; the background validates what it receives anyway.
import type { CommentContext } from '../shared/comment-context';
import { type FAILED_SIGNALS, MAX_COMMENT_TEXT, MAX_LABEL } from '../shared/limits';
import { OWN_NODE_ATTRIBUTE } from './action-button';
import { commentAgeMs } from './comment-age';

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
const BUTTON_SELECTOR = '[role="button"], button';
const PARTS_SELECTOR = `a[href], ${BUTTON_SELECTOR}`;
const BODY_SELECTOR = 'div[dir="auto"]';
const CONTAINER_SELECTOR = '[role="article"], [role="dialog"], [role="complementary"], [role="main"]';
const HEADER_LINK_SELECTOR =
  'h2 a[href], h3 a[href], h4 a[href], strong a[href], [data-ad-rendering-role="profile_name"] a[href]';
/** Facebook's own action row (Like, Reply) holds at least this many buttons beside the permalink. */
const MIN_ACTION_ROW_BUTTONS = 2;

/** Read once: `location` is slow to reach from the content script's world, and the origin never changes. */
const ORIGIN = location.origin;
const ORIGIN_PREFIX = `${ORIGIN}/`;
/** Paths of things that can carry comments: posts, permalinks, photos, videos, reels. */
const POST_PATH =
  /^\/(?:[^/]+\/(?:posts|videos|photos)\/[^/]+|permalink\.php|story\.php|photo(?:\.php)?|watch|reel\/[^/]+)\/?$/;
/** Query parameters that identify a post on path-less permalinks (`permalink.php?story_fbid=…&id=…`). */
const POST_ID_PARAMS = ['story_fbid', 'fbid', 'set', 'id', 'v'];
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

export type CommentSummary = Omit<CommentContext, 'text'>;

export interface ActionSlot {
  row: Element;
  after: Element;
}

export interface InspectedComment {
  comment: CommentSummary;
  slot: ActionSlot | null;
  /** Our actions already inside this comment (not its replies). */
  actions: HTMLButtonElement[];
}

interface PageIdentity {
  id: string;
  name: string;
}

interface LinkParts {
  path: string;
  query: string;
}

/** An article's own links and buttons, from one query: the hot path runs once per comment. */
interface OwnParts {
  links: Element[];
  buttons: Element[];
}

function ownParts(article: Element): OwnParts {
  const parts: OwnParts = { links: [], buttons: [] };
  // One query finds the parts and any nested article; with none (most comments hold no replies)
  // everything found is the comment's own and needs no ownership check.
  const found = article.querySelectorAll(`${PARTS_SELECTOR}, ${ARTICLE_SELECTOR}`);
  let hasNested = false;
  for (const element of found) {
    if (element.matches(ARTICLE_SELECTOR)) {
      hasNested = true;
      break;
    }
  }
  for (const element of found) {
    if (hasNested && (element.matches(ARTICLE_SELECTOR) || element.closest(ARTICLE_SELECTOR) !== article))
      continue;
    (element.localName === 'a' && element.hasAttribute('href') ? parts.links : parts.buttons).push(element);
  }
  return parts;
}

/**
 * A same-site link's path and query, read from its href text: anchors re-parse their URL on every
 * `pathname` access, which is too slow for thousands of links. Facebook writes absolute hrefs; a
 * relative one (`/acmecoffee?…`) is accepted too.
 */
function linkParts(link: Element): LinkParts | null {
  const href = link.getAttribute('href') ?? '';
  const local = href.startsWith(ORIGIN_PREFIX) ? href.slice(ORIGIN.length) : href;
  if (!local.startsWith('/') || local.startsWith('//')) return null;
  const end = local.search(/[?#]/);
  if (end < 0) return { path: local, query: '' };
  const query = local[end] === '#' ? '' : local.slice(end).split('#')[0]!;
  return { path: local.slice(0, end), query };
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
  return decodeEncodedId(value)?.[2] ?? null;
}

function decodeEncodedId(value: string | null): RegExpExecArray | null {
  if (!value || NUMERIC_ID.test(value)) return null;
  try {
    return ENCODED_COMMENT_ID.exec(atob(value));
  } catch {
    return null;
  }
}

/**
 * Signal 2b: the comment's Graph API id, `<post>_<comment>`, when the permalink names the post by
 * number: inside an encoded comment id, in the path (`/posts/<digits>`) or as `story_fbid`.
 * Facebook's `pfbid…` post ids cannot be turned into numbers, so those comments have none.
 */
function graphCommentIdOf(query: URLSearchParams, commentId: string, path: string): string | undefined {
  const storyId = query.get('story_fbid');
  const post =
    decodeEncodedId(query.get('reply_comment_id'))?.[1] ??
    decodeEncodedId(query.get('comment_id'))?.[1] ??
    NUMERIC_POST_PATH.exec(path)?.[1] ??
    (storyId && NUMERIC_ID.test(storyId) ? storyId : undefined);
  return post ? `${post}_${commentId}` : undefined;
}

/** Signal 2: the permalink among an article's own links. */
function findPermalink(links: Element[]): { link: Element; parts: LinkParts } | null {
  for (const link of links) {
    if (!link.getAttribute('href')?.includes('comment_id=')) continue;
    const parts = linkParts(link);
    if (parts && POST_PATH.test(parts.path)) return { link, parts };
  }
  return null;
}

/**
 * What each container has been found to be. Proving that a post owns no permalink looks through all
 * its links, so each is asked once: a post never turns into a comment, nor a comment into a post.
 */
const notComments = new WeakSet<Element>();
const comments = new WeakSet<Element>();

/** Signal 1: is this element a comment (rather than a post, a dialog or anything else)? */
function isComment(element: Element): boolean {
  if (comments.has(element)) return true;
  if (notComments.has(element)) return false;
  const comment = element.matches(ARTICLE_SELECTOR) && findPermalink(ownParts(element).links) !== null;
  (comment ? comments : notComments).add(element);
  return comment;
}

/** Does a query carry any of POST_ID_PARAMS? Most permalinks (`/page/posts/<id>`) carry none. */
const POST_ID_PARAM = new RegExp(`[?&](?:${POST_ID_PARAMS.join('|')})=`);

function postUrlOf({ path, query }: LinkParts): string {
  if (!POST_ID_PARAM.test(query)) return `${ORIGIN}${path}`;
  const params = new URLSearchParams(query);
  const kept = POST_ID_PARAMS.flatMap((name) => {
    const value = params.get(name);
    return value ? [`${name}=${encodeURIComponent(value)}`] : [];
  });
  return `${ORIGIN}${path}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/** Profile links come as `/profile.php?id=<digits>`, `/people/<name>/<digits>/` or `/<vanity>`. */
function profileOf(link: Element): { id: string; url: string } | null {
  const parts = linkParts(link);
  if (!parts || POST_PATH.test(parts.path)) return null;
  const { path } = parts;
  if (path === '/profile.php') {
    const id = new URLSearchParams(parts.query).get('id');
    return id && NUMERIC_ID.test(id) ? { id, url: `${ORIGIN}/profile.php?id=${id}` } : null;
  }
  const people = /^\/people\/[^/]+\/(\d+)\/?$/.exec(path);
  if (people?.[1]) return { id: people[1], url: `${ORIGIN}${path}` };
  const vanity = /^\/([\w.-]+)\/?$/.exec(path)?.[1];
  return vanity && !RESERVED_PATHS.has(vanity) ? { id: vanity, url: `${ORIGIN}/${vanity}` } : null;
}

/** Signal 4: the comment's author, from its own links. */
function findAuthor(links: Element[]): { name: string; id: string; url: string } | null {
  for (const link of links) {
    const name = textOf(link);
    const profile = name && profileOf(link);
    if (profile) return { name: clip(name, MAX_LABEL), ...profile };
  }
  return null;
}

/** Signal 5: nearest ancestor that is not itself a comment. */
function postContainer(article: Element): Element | null {
  let candidate = article.parentElement?.closest(CONTAINER_SELECTOR) ?? null;
  while (candidate && isComment(candidate))
    candidate = candidate.parentElement?.closest(CONTAINER_SELECTOR) ?? null;
  return candidate;
}

/**
 * The Page behind a container, cached because every comment under one post asks the same question.
 * React may recycle a container for another post, so the entry holds the first header link it saw.
 */
const pageByContainer = new WeakMap<
  Element,
  { header: Element | null; href: string | null; page: PageIdentity | null }
>();

function headerPage(container: Element): PageIdentity | null {
  const cached = pageByContainer.get(container);
  // Still valid while the header link it was read from is in place and unchanged: cheaper to check
  // than to search the container again for every comment.
  if (cached?.header?.isConnected && container.contains(cached.header)) {
    if (cached.header.getAttribute('href') === cached.href) return cached.page;
  }
  const header = container.querySelector(HEADER_LINK_SELECTOR);
  const href = header?.getAttribute('href') ?? null;
  if (cached && !cached.header && !header) return cached.page;
  const owner = container.closest(ARTICLE_SELECTOR);
  let page: PageIdentity | null = null;
  for (const link of container.querySelectorAll(HEADER_LINK_SELECTOR)) {
    if (link.closest(ARTICLE_SELECTOR) !== owner) continue;
    const profile = profileOf(link);
    const name = textOf(link);
    if (profile && name) {
      page = { id: profile.id, name: clip(name, MAX_LABEL) };
      break;
    }
  }
  pageByContainer.set(container, { header, href, page });
  return page;
}

function findPage(article: Element, permalink: LinkParts): PageIdentity | null {
  const container = postContainer(article);
  const fromHeader = container && headerPage(container);
  if (fromHeader) return fromHeader;
  const id =
    /^\/([^/]+)\/(?:posts|videos|photos)\//.exec(permalink.path)?.[1] ??
    new URLSearchParams(permalink.query).get('id');
  return id ? { id, name: id } : null;
}

/** Signal 6: after the last of Facebook's buttons in the nearest ancestor of the permalink holding some. */
function findSlot(article: Element, permalink: Element, buttons: Element[]): ActionSlot | null {
  const theirs = buttons.filter((button) => !button.hasAttribute(OWN_NODE_ATTRIBUTE));
  for (let row = permalink.parentElement; row && row !== article; row = row.parentElement) {
    const inRow = theirs.filter((button) => row.contains(button));
    if (inRow.length < MIN_ACTION_ROW_BUTTONS) continue;
    let after: Element = inRow.at(-1)!;
    while (after.parentElement && after.parentElement !== row) after = after.parentElement;
    return { row, after };
  }
  return null;
}

/** Signal 7: the comment's words. */
function commentText(article: Element): string {
  const parts: string[] = [];
  for (const block of article.querySelectorAll(BODY_SELECTOR)) {
    if (block.closest(ARTICLE_SELECTOR) !== article) continue;
    if (block.closest('a') || block.parentElement?.closest(BODY_SELECTOR)) continue;
    const copy = block.cloneNode(true) as Element;
    for (const button of copy.querySelectorAll(BUTTON_SELECTOR)) button.remove();
    const text = textOf(copy);
    if (text) parts.push(text);
  }
  return clip(parts.join('\n'), MAX_COMMENT_TEXT);
}

/**
 * A fan comment, where its action goes and our actions already in it, from one pass over the comment's
 * own markup: what the content script needs for every comment that appears. Null for anything that is
 * not a fan comment: a post, the Page's own comment, a comment whose author cannot be read.
 */
export function inspectComment(article: Element): InspectedComment | null {
  if (notComments.has(article)) return null;
  const { links, buttons } = ownParts(article);
  const permalink = findPermalink(links);
  if (!permalink) {
    notComments.add(article);
    return null;
  }
  const query = new URLSearchParams(permalink.parts.query);
  const replyId = decodeCommentId(query.get('reply_comment_id'));
  const topId = decodeCommentId(query.get('comment_id'));
  const commentId = replyId ?? topId;
  const author = findAuthor(links);
  const page = findPage(article, permalink.parts);
  if (!commentId || !author || !page) return null;
  if (author.id === page.id || author.name === page.name) return null;
  const { link } = permalink;
  const graphCommentId = graphCommentIdOf(query, commentId, permalink.parts.path);
  const timestamp = clip(link.getAttribute('aria-label') ?? textOf(link), MAX_LABEL);
  const ageMs = timestamp ? commentAgeMs(timestamp) : null;
  return {
    comment: {
      commentId,
      ...(replyId && topId ? { parentCommentId: topId } : {}),
      ...(graphCommentId ? { graphCommentId } : {}),
      postUrl: postUrlOf(permalink.parts),
      pageId: page.id,
      pageName: page.name,
      authorId: author.id,
      authorName: author.name,
      authorUrl: author.url,
      ...(timestamp ? { timestamp } : {}),
      ...(ageMs !== null ? { ageMs } : {}),
    },
    slot: findSlot(article, link, buttons),
    actions: buttons.filter(
      (button): button is HTMLButtonElement => button.getAttribute(OWN_NODE_ATTRIBUTE) === 'send-message',
    ),
  };
}

/** The full context of a fan comment, read when the admin picks it. */
export function readComment(article: Element): CommentContext | null {
  const inspected = inspectComment(article);
  return inspected && { ...inspected.comment, text: commentText(article) };
}

/** Comment candidates inside (and including) a node that was just added to the page. */
export function findArticles(root: Element): Element[] {
  const found = root.matches(ARTICLE_SELECTOR) ? [root] : [];
  // Something re-rendered inside a comment (its action row, say) puts that comment back in question.
  const enclosing = root.parentElement?.closest(ARTICLE_SELECTOR);
  if (enclosing && !notComments.has(enclosing)) found.push(enclosing);
  return [...found, ...root.querySelectorAll(ARTICLE_SELECTOR)];
}

/** Which of the signals above stopped matching when a page shows comments but none could be read. */
export type FailedSignal = (typeof FAILED_SIGNALS)[number];

/**
 * Why nothing was recognized on a page that visibly carries comments (links with `comment_id`), or
 * null when there is nothing to worry about. Walks every article, so it runs only when the page has
 * links to comments and not a single action could be placed.
 */
export function diagnose(root: ParentNode): FailedSignal | null {
  const commentLinks = [...root.querySelectorAll('a[href*="comment_id="]')];
  if (commentLinks.length === 0) return null;
  if (!commentLinks.some((link) => link.closest(ARTICLE_SELECTOR))) return 'comment-article';
  const articles = [...root.querySelectorAll(ARTICLE_SELECTOR)];
  const withPermalink = articles.filter((article) => findPermalink(ownParts(article).links) !== null);
  if (withPermalink.length === 0) return 'permalink';
  const fans = withPermalink.map(inspectComment).filter((found) => found !== null);
  if (fans.length === 0) {
    // Every comment being the Page's own is a healthy page; comments without a readable author are not.
    const authors = withPermalink.filter((article) => findAuthor(ownParts(article).links) !== null);
    return authors.length === withPermalink.length ? null : 'author';
  }
  return fans.some((found) => found.slot !== null) ? null : 'action-row';
}

/*
 * Facebook's own private reply ("Message" under a comment) and the message box it opens. Facebook's
 * markup for these is not public (see shared/docs/facebook-comment-markup.md §5), so each signal is the
 * most language-free one that the message boxes of Facebook's chat tabs are known to use:
 *
 * 8. MESSAGE CONTROL: in the comment's action row (6), one of Facebook's own controls that links to a
 *    conversation (`/messages/…`, `m.me`) or, failing that, is labelled "Message"/"Send message" in the
 *    UI language (MESSAGE_CONTROL_LABELS, the one place where words are needed).
 * 9. MESSAGE BOX: a `role="dialog"` holding a `role="textbox"` with `contenteditable="true"`: the chat
 *    tab that the control opens (or brings forward, focused).
 * 10. THREAD: the box's messages are `role="row"` elements; a message sent shows up as a new one.
 */

/** Facebook's own label for the private reply control, in the fixture languages, lower case. */
const MESSAGE_CONTROL_LABELS = new Set([
  'message',
  'send message',
  'messaggio',
  'invia messaggio',
  'mensaje',
  'enviar mensaje',
  'nachricht',
  'nachricht senden',
  'envoyer un message',
  'mensagem',
  'enviar mensagem',
  'مراسلة',
  'إرسال رسالة',
]);
const CONVERSATION_LINK = /^https:\/\/(?:www\.facebook\.com\/messages\/|m\.me\/)/;
const MESSAGE_BOX_SELECTOR = '[role="dialog"]';
const EDITOR_SELECTOR = '[role="textbox"][contenteditable="true"]';
const THREAD_ROW_SELECTOR = '[role="row"]';

/** The fan comment with this id, wherever it is on the page. */
export function findCommentById(root: ParentNode, commentId: string): Element | null {
  for (const article of root.querySelectorAll(ARTICLE_SELECTOR)) {
    if (inspectComment(article)?.comment.commentId === commentId) return article;
  }
  return null;
}

/** Signal 8: Facebook's own control that opens a private reply to this comment. */
export function findMessageControl(article: Element): HTMLElement | null {
  const { links, buttons } = ownParts(article);
  const permalink = findPermalink(links);
  const slot = permalink && findSlot(article, permalink.link, buttons);
  if (!slot) return null;
  for (const control of [...links, ...buttons]) {
    if (!(control instanceof HTMLElement) || control.hasAttribute(OWN_NODE_ATTRIBUTE)) continue;
    if (!slot.row.contains(control)) continue;
    const href = control.getAttribute('href');
    const label = (control.getAttribute('aria-label') ?? textOf(control)).toLowerCase();
    if ((href && CONVERSATION_LINK.test(href)) || MESSAGE_CONTROL_LABELS.has(label)) return control;
  }
  return null;
}

export interface MessageBox {
  box: Element;
  editor: HTMLElement;
}

/** Signal 9: every message box open on the page. */
export function findMessageBoxes(root: ParentNode): MessageBox[] {
  const boxes: MessageBox[] = [];
  for (const box of root.querySelectorAll(MESSAGE_BOX_SELECTOR)) {
    const editor = box.querySelector<HTMLElement>(EDITOR_SELECTOR);
    // A post dialog holds the comment box: that one is for public replies, and holds comments.
    if (editor && !box.querySelector(ARTICLE_SELECTOR)) boxes.push({ box, editor });
  }
  return boxes;
}

/** The text in a message box's editor, a line per paragraph, as the admin sees it. */
export function editorText(editor: Element): string {
  const blocks = [...editor.children];
  const lines =
    blocks.length > 0 ? blocks.map((block) => block.textContent ?? '') : [editor.textContent ?? ''];
  return lines.join('\n').trim();
}

/** Signal 10: the messages shown in a message box, oldest first. */
export function threadRows(box: Element): Element[] {
  return [...box.querySelectorAll(THREAD_ROW_SELECTOR)];
}
