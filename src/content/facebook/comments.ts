// Types only: zod stays out of the content script; the background validates what it receives anyway.
import type { CommentContext } from '../../shared/comment-context';
import type { SightingReport } from '../../shared/sightings';
import { MAX_COMMENT_TEXT, MAX_LABEL } from '../../shared/limits';
import { isAction, OWN_NODE_ATTRIBUTE } from '../action-button';
import { commentAgeMs } from '../comment-age';
import {
  commentRefOf,
  graphCommentIdOf,
  isPostPath,
  linkParts,
  mentionsComment,
  namesSameComment,
  postOwnerOf,
  postUrlOf,
  profileOf,
  type CommentRef,
  type LinkParts,
  type Profile,
} from './links';
import { notesPrivateReply } from './private-reply-note';
import { clip, labelText, textOf } from './text';

/**
 * Fan comments on Facebook's page. Class names are obfuscated and rotate, and every label is
 * localized, so detection rests only on what is the same in every language. Each signal below names
 * the markup it relies on; tests/fixtures/facebook holds pages in seven languages and four layouts,
 * and tests/fixtures/react-bed renders them with React in two commits.
 *
 * 1. COMMENT: `<div role="article">` that owns a permalink (2). Posts are articles too, but own none.
 * 2. PERMALINK: the comment's timestamp link in its action row (6), pointing at the POST's path plus
 *    the comment's id: `<a href="/acmecoffee/posts/pfbid02…?comment_id=456&reply_comment_id=790">2d</a>`.
 *    Ids are digits or base64 of `comment:<post>_<comment>`; `reply_comment_id` marks replies at any
 *    depth. A link of that shape in the body text or a preview names ANOTHER comment, so a candidate
 *    inside the body text, or whose row also holds the body text, is never the permalink.
 * 3. OWN: replies may sit inside their parent's article, so a comment's links, text and buttons are the
 *    ones whose nearest `[role="article"]` is the comment itself.
 * 4. AUTHOR: the first own link with text to a profile path (`/giulia.rossi.77`, `/profile.php?id=…`,
 *    `/people/Name/<id>/`). It carries the comment's own `comment_id` too, so links are told apart by
 *    path, not params; where it names a comment, that must be the permalink's, or the comment is refused.
 * 5. PAGE: the header link of the nearest ancestor that is not a comment — the post article, the post
 *    dialog (`role="dialog"`) or a photo/video comment column (`role="complementary"`) — else the
 *    vanity in the post path. A comment whose author is the Page is the Page's own.
 * 6. ACTION ROW: the nearest ancestor of the permalink holding at least two of Facebook's own buttons
 *    (`role="button"`: Like, Reply; menus aside); our action goes after the last of them.
 * 7. TEXT: own `div[dir="auto"]` blocks outside links, minus nested buttons ("See more").
 * Localized aria-labels ("Comment by …", "Commento di …") are never needed.
 *
 * React renders a comment in pieces (the shell with the author first, the links and row later), so
 * "not a comment" is only remembered until the article's own links or buttons change (findArticles).
 */

export const ARTICLE_SELECTOR = '[role="article"]';
export const BUTTON_SELECTOR = '[role="button"], button';
const PARTS_SELECTOR = `a[href], ${BUTTON_SELECTOR}`;
const BODY_SELECTOR = 'div[dir="auto"]';
/** Menus ("Hide or report this") sit beside the row's actions but are not one of them. */
const MENU_ATTRIBUTE = 'aria-haspopup';
const CONTAINER_SELECTOR = '[role="article"], [role="dialog"], [role="complementary"], [role="main"]';
const HEADER_LINK_SELECTOR =
  'h2 a[href], h3 a[href], h4 a[href], strong a[href], [data-ad-rendering-role="profile_name"] a[href]';
/**
 * Hidden copies Facebook keeps of some comments: recognized, but never given an action. Only the
 * `hidden` attribute: `aria-hidden` also marks a page that sits behind an open dialog, still shown.
 */
const HIDDEN_SELECTOR = '[hidden]';
/** Facebook's own action row (Like, Reply) holds at least this many buttons beside the permalink. */
const MIN_ACTION_ROW_BUTTONS = 2;

/** Who wrote a comment, on which Page: all that every comment on the page needs, read on arrival. */
export type CommentIdentity = Pick<
  CommentContext,
  'commentId' | 'parentCommentId' | 'pageId' | 'pageName' | 'authorId' | 'authorName' | 'authorUrl'
>;

export interface ActionSlot {
  row: Element;
  after: Element;
}

export interface InspectedComment {
  comment: CommentIdentity;
  permalink: Permalink;
  slot: ActionSlot;
  /** Our actions already inside this comment (not its replies). */
  actions: HTMLButtonElement[];
}

interface PageIdentity {
  id: string;
  name: string;
}

/**
 * What the hot path reads of every comment: its own links (with their hrefs, each read once), the
 * buttons of Facebook's that can make an action row, and our actions in it.
 */
export interface OwnParts {
  links: Element[];
  /** Each link's href: by index, as `links`. */
  hrefs: string[];
  /** Facebook's own buttons, menus aside, in page order. */
  rowButtons: Element[];
  /** Our actions in it. */
  actions: HTMLButtonElement[];
}

export interface Permalink {
  link: Element;
  parts: LinkParts;
  ref: CommentRef;
  slot: ActionSlot;
}

/** Facebook's own buttons that can make an action row: menus aside, ours never. */
const ROW_BUTTON_SELECTOR = `[role="button"]:not([${MENU_ATTRIBUTE}]), button:not([${MENU_ATTRIBUTE}]):not([${OWN_NODE_ATTRIBUTE}])`;

/**
 * An article's own links, Facebook's row buttons and our actions in it: a tag lookup for links and
 * buttons, one query for the row buttons (its selector leaves menus and ours out, so no attribute is
 * read per button), and index loops (a spread costs more here, in the content script's world). Most
 * comments hold no replies: then everything in them is their own. A comment holding replies keeps of
 * the same lookups what its nearest article is itself. An outermost article holding others (a post
 * holding the whole thread) is walked once instead, skipping them whole: asking each of its links and
 * buttons for its article would cost a post tens of thousands of checks.
 */
export function ownParts(article: Element): OwnParts {
  const parts: OwnParts = { links: [], hrefs: [], rowButtons: [], actions: [] };
  const holdsArticles = article.querySelector(ARTICLE_SELECTOR) !== null;
  if (holdsArticles && !article.parentElement?.closest(ARTICLE_SELECTOR)) {
    walkOwnParts(article, parts);
    return parts;
  }
  const own = holdsArticles
    ? (element: Element) => element.closest(ARTICLE_SELECTOR) === article
    : () => true;
  const take = <T extends Element>(list: ArrayLike<T>, keep: (element: T) => void): void => {
    for (let index = 0; index < list.length; index += 1) {
      const element = list[index]!;
      if (own(element)) keep(element);
    }
  };
  take(article.getElementsByTagName('a'), (link) => addLink(link, parts));
  take(article.querySelectorAll(ROW_BUTTON_SELECTOR), (button) => parts.rowButtons.push(button));
  take(article.getElementsByTagName('button'), (button) => isAction(button) && parts.actions.push(button));
  return parts;
}

function addLink(link: Element, parts: OwnParts): void {
  const href = link.getAttribute('href');
  if (href === null) return;
  parts.links.push(link);
  parts.hrefs.push(href);
}

function walkOwnParts(article: Element, parts: OwnParts): void {
  const walker = article.ownerDocument.createTreeWalker(article, NodeFilter.SHOW_ELEMENT, (node) =>
    isArticle(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as Element;
    if (element.tagName === 'A') addLink(element, parts);
    if (element.tagName === 'BUTTON' && isAction(element)) parts.actions.push(element);
    else if (element.matches(ROW_BUTTON_SELECTOR)) parts.rowButtons.push(element);
  }
}

/** Signal 6: after the last of Facebook's buttons in the nearest ancestor of `link` holding two or more. */
function actionSlot(article: Element, link: Element, buttons: Element[]): ActionSlot | null {
  for (let row = link.parentElement; row && row !== article; row = row.parentElement) {
    let inRow = 0;
    let last: Element | null = null;
    for (const button of buttons) {
      if (!row.contains(button)) continue;
      inRow += 1;
      last = button;
    }
    if (inRow < MIN_ACTION_ROW_BUTTONS || !last) continue;
    let after: Element = last;
    while (after.parentElement && after.parentElement !== row) after = after.parentElement;
    return { row, after };
  }
  return null;
}

/**
 * A row that holds the body text is the wrapper of bubble and row, reached from a link in the bubble.
 * (The row itself is never a body block: its permalink was checked to be outside any.)
 */
function holdsBody(row: Element): boolean {
  return row.querySelector(BODY_SELECTOR) !== null;
}

/** An href shaped like a comment's permalink: to a post's path, naming a comment. */
function permalinkShape(href: string): LinkParts | null {
  const parts = mentionsComment(href) ? linkParts(href) : null;
  return parts && isPostPath(parts.path) ? parts : null;
}

/** Signal 2: the permalink among an article's own links, with the action row it sits in. */
export function findPermalink(article: Element, { links, hrefs, rowButtons }: OwnParts): Permalink | null {
  for (let index = 0; index < links.length; index += 1) {
    const link = links[index]!;
    const parts = permalinkShape(hrefs[index]!);
    if (!parts || link.closest(BODY_SELECTOR)) continue;
    const slot = actionSlot(article, link, rowButtons);
    if (slot && !holdsBody(slot.row)) return { link, parts, ref: commentRefOf(parts.query), slot };
  }
  return null;
}

/** Does the article own a link shaped like a permalink, in its row or not? For the diagnosis only. */
export function ownsCommentLink(article: Element): boolean {
  return ownParts(article).hrefs.some((href) => permalinkShape(href) !== null);
}

/**
 * Articles found to own no permalink. Proving that a post owns none looks through all its links, so
 * the answer is kept, but only until the article's own links or buttons change (findArticles): a post
 * stays a post while comments come and go inside it, a comment's shell turns into a comment. Articles
 * found to own one are kept too, to tell a reply's parent comment from its post.
 */
const unrecognized = new WeakSet<Element>();
const recognized = new WeakSet<Element>();

/** Signal 1: is this element a comment (rather than a post, a dialog or anything else)? */
function isComment(element: Element): boolean {
  if (recognized.has(element)) return true;
  if (unrecognized.has(element)) return false;
  const comment = isArticle(element) && findPermalink(element, ownParts(element)) !== null;
  (comment ? recognized : unrecognized).add(element);
  return comment;
}

/** Signal 4: the comment's author, from its own links outside the body text. */
export function findAuthor({ links, hrefs }: OwnParts): ({ name: string } & Profile) | null {
  for (let index = 0; index < links.length; index += 1) {
    const link = links[index]!;
    // The name is kept as shown; only comparisons look past Facebook's invisible marks. The walk up
    // for body text comes last: most links fail sooner (an avatar has no text).
    const name = textOf(link);
    const profile = labelText(name) && profileOf(hrefs[index]!);
    if (profile && !link.closest(BODY_SELECTOR)) return { name: clip(name, MAX_LABEL), ...profile };
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

/** The Page a header link names, if it belongs to the container's own article (`owner`). */
function headerLinkPage(link: Element, owner: Element | null): PageIdentity | null {
  if (link.closest(ARTICLE_SELECTOR) !== owner) return null;
  const profile = profileOf(link.getAttribute('href') ?? '');
  const name = textOf(link);
  return profile && labelText(name) ? { id: profile.id, name: clip(name, MAX_LABEL) } : null;
}

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
  // The first header link is almost always the post's own: only when it is not is the container
  // searched whole, which for a post holding thousands of comments is a long search.
  let page = header ? headerLinkPage(header, owner) : null;
  if (!page && header) {
    for (const link of container.querySelectorAll(HEADER_LINK_SELECTOR)) {
      page = headerLinkPage(link, owner);
      if (page) break;
    }
  }
  pageByContainer.set(container, { header, href, page });
  return page;
}

function findPage(article: Element, permalink: LinkParts): PageIdentity | null {
  const container = postContainer(article);
  const fromHeader = container && headerPage(container);
  if (fromHeader) return fromHeader;
  const id = postOwnerOf(permalink);
  return id ? { id, name: id } : null;
}

/** Signal 7: the comment's words. */
export function commentText(article: Element): string {
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
 * not a fan comment (yet): a post, a shell whose links have not rendered, the Page's own comment, a
 * comment whose author cannot be read or whose author link names another comment.
 */
export function inspectComment(article: Element): InspectedComment | null {
  if (unrecognized.has(article)) return null;
  // A comment's shell, before React renders its links, has no permalink to look for: half of the
  // inspections on a thread that arrives in two commits (the React bed: ownParts 27–30 → 21–24 ms).
  if (!article.querySelector('a')) {
    unrecognized.add(article);
    return null;
  }
  const parts = ownParts(article);
  const permalink = findPermalink(article, parts);
  (permalink ? recognized : unrecognized).add(article);
  return permalink && describe(article, parts, permalink);
}

/** The same, looking again whatever was found before: for the diagnosis, which must see what is. */
export function inspectAfresh(article: Element): InspectedComment | null {
  const parts = ownParts(article);
  const permalink = findPermalink(article, parts);
  return permalink && describe(article, parts, permalink);
}

/** The comment an article holds, from its own parts and permalink once found (see inspectComment). */
export function describe(article: Element, parts: OwnParts, permalink: Permalink): InspectedComment | null {
  const { ref } = permalink;
  const commentId = ref.replyId ?? ref.topId;
  const author = findAuthor(parts);
  const page = findPage(article, permalink.parts);
  // Where the author's link names a comment, it must be the same one as the permalink.
  if (!commentId || !author || !page || !namesSameComment(author.query, ref)) return null;
  if (author.id === page.id || labelText(author.name) === labelText(page.name)) return null;
  return {
    comment: {
      commentId,
      ...(ref.replyId && ref.topId && ref.topId !== commentId ? { parentCommentId: ref.topId } : {}),
      pageId: page.id,
      pageName: page.name,
      authorId: author.id,
      authorName: author.name,
      authorUrl: author.url,
    },
    permalink,
    slot: permalink.slot,
    actions: parts.actions,
  };
}

/** What a comment's permalink tells besides its identity: read only for the comment the admin picks. */
function permalinkDetails({ link, parts, ref }: Permalink, commentId: string) {
  const graphCommentId = graphCommentIdOf(parts, ref, commentId);
  const timestamp = clip(labelText(link.getAttribute('aria-label') ?? link.textContent ?? ''), MAX_LABEL);
  const ageMs = timestamp ? commentAgeMs(timestamp) : null;
  return {
    ...(graphCommentId ? { graphCommentId } : {}),
    postUrl: postUrlOf(parts),
    ...(timestamp ? { timestamp } : {}),
    ...(ageMs !== null ? { ageMs } : {}),
  };
}

/**
 * What "did they come back?" keeps of a comment: who wrote it, where, and how old it is. Read in idle
 * time, not as the comment appears: its post link and timestamp cost more than its identity.
 */
export function sightingOf({ comment, permalink }: InspectedComment): SightingReport {
  const { link, parts } = permalink;
  // As permalinkDetails reads it, without what only a picked comment needs (its Graph id, its label).
  const ageMs = commentAgeMs(labelText(link.getAttribute('aria-label') ?? link.textContent ?? ''));
  return {
    pageId: comment.pageId,
    fanId: comment.authorId,
    commentId: comment.commentId,
    postUrl: postUrlOf(parts),
    ...(ageMs !== null ? { ageMs } : {}),
  };
}

/**
 * The full context of a fan comment, read when the admin picks it: its words, and whether Facebook
 * notes that the Page already answered it privately (read only then: it looks through all its text).
 */
export function readComment(article: Element): CommentContext | null {
  const inspected = inspectComment(article);
  if (!inspected) return null;
  const { comment, permalink } = inspected;
  const answered = notesPrivateReply(article, comment.pageName);
  return {
    ...comment,
    ...permalinkDetails(permalink, comment.commentId),
    text: commentText(article),
    ...(answered ? { answeredPrivately: true } : {}),
  };
}

/** Is the comment one of Facebook's hidden copies? Those are never given an action. */
export function isHiddenCopy(article: Element): boolean {
  return article.closest(HIDDEN_SELECTOR) !== null;
}

/**
 * Does the changed node belong to `article` itself (its links or buttons), rather than only bring or
 * take a nested comment? Only such a change can turn a non-comment into a comment.
 */
function changesOwnParts(node: Element, holdsArticles: boolean): boolean {
  if (node.matches(PARTS_SELECTOR)) return true;
  if (isArticle(node)) return false;
  // Most nodes hold no comment: one query answers. Only one that does is walked, skipping them whole.
  if (!holdsArticles) return node.querySelector(PARTS_SELECTOR) !== null;
  const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_ELEMENT, (element) => {
    if (isArticle(element as Element)) return NodeFilter.FILTER_REJECT;
    return (element as Element).matches(PARTS_SELECTOR) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
  });
  return walker.nextNode() !== null;
}

/**
 * Comment candidates inside (and including) a node the page just added or changed. Something changed
 * inside a comment (its action row rendered, say) puts that comment back in question, and a change to
 * an article's own links or buttons lets one found to be no comment be examined again.
 */
export function findArticles(changed: Element): Element[] {
  const found = isArticle(changed) ? [changed] : [];
  // Most nodes React adds to a comment (a link, an icon, a row) hold no article: one search that stops
  // at the first says so, before any list is made.
  const holdsArticles =
    changed.firstElementChild !== null && changed.querySelector(ARTICLE_SELECTOR) !== null;
  const enclosing = changed.parentElement?.closest(ARTICLE_SELECTOR);
  if (enclosing) {
    if (unrecognized.has(enclosing) && changesOwnParts(changed, holdsArticles))
      unrecognized.delete(enclosing);
    if (!unrecognized.has(enclosing)) found.push(enclosing);
  }
  const inside = holdsArticles ? changed.querySelectorAll(ARTICLE_SELECTOR) : [];
  for (let index = 0; index < inside.length; index += 1) {
    const article = inside[index]!;
    unrecognized.delete(article);
    found.push(article);
  }
  if (found[0] === changed) unrecognized.delete(changed);
  return found;
}

/** `matches(ARTICLE_SELECTOR)` for one element, at a fraction of the price on the hot path. */
function isArticle(element: Element): boolean {
  return element.getAttribute('role') === 'article';
}

/** The fan comment with this id, wherever it is on the page: the shown copy, not a hidden one. */
export function findCommentById(root: ParentNode, commentId: string): Element | null {
  let hidden: Element | null = null;
  for (const article of root.querySelectorAll(ARTICLE_SELECTOR)) {
    if (inspectComment(article)?.comment.commentId !== commentId) continue;
    if (!isHiddenCopy(article)) return article;
    hidden ??= article;
  }
  return hidden;
}
