import type { FailedSignal } from '../../shared/limits';
import { ACTION_SELECTOR } from '../action-button';
import {
  ARTICLE_SELECTOR,
  findAuthor,
  findPermalink,
  inspectAfresh,
  isHiddenCopy,
  ownParts,
  ownsCommentLink,
} from './comments';

/** Is any comment on the page showing our action? One is proof enough that recognition works. */
export function hasActions(root: ParentNode): boolean {
  return root.querySelector(ACTION_SELECTOR) !== null;
}

/**
 * Why no comment shows an action on a page that visibly carries comments (links with `comment_id`),
 * or null when there is nothing to worry about. Walks every shown article, looking afresh whatever was
 * found before, so it runs only when the page has comments and not a single action on them.
 */
export function diagnose(root: ParentNode): FailedSignal | null {
  const commentLinks = [...root.querySelectorAll('a[href*="comment_id="]')];
  if (commentLinks.length === 0) return null;
  if (!commentLinks.some((link) => link.closest(ARTICLE_SELECTOR))) return 'comment-article';
  const articles = [...root.querySelectorAll(ARTICLE_SELECTOR)].filter((article) => !isHiddenCopy(article));
  const linked = articles.filter(ownsCommentLink);
  if (linked.length === 0) return 'permalink';
  const withPermalink = linked.filter((article) => findPermalink(article, ownParts(article)) !== null);
  if (withPermalink.length === 0) return 'action-row';
  const fans = withPermalink.map(inspectAfresh).filter((found) => found !== null);
  if (fans.length === 0) {
    // Every comment being the Page's own is a healthy page; comments without a readable author are not.
    const authors = withPermalink.filter((article) => findAuthor(ownParts(article)) !== null);
    return authors.length === withPermalink.length ? null : 'author';
  }
  // Recognized now, yet no action on any: something kept them from being placed.
  return fans.some((found) => found.actions.length > 0) ? null : 'placement';
}
