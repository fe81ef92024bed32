import type { PageCensus } from '../../shared/page-census';
import { ACTION_SELECTOR, ownActions } from '../action-button';
import {
  ARTICLE_SELECTOR,
  describe,
  findAuthor,
  findPermalink,
  inspectAfresh,
  isHiddenCopy,
  ownParts,
} from './comments';
import { diagnose } from './diagnosis';
import { isPostPath, linkParts, mentionsComment } from './links';
import { findMessageBoxes, findMessageControl } from './message-box';

/**
 * How far recognition got with one article, signal by signal (see comments.ts): a fan's comment, the
 * Page's own comment, the post itself (nothing to recognize), or the signal where it stopped.
 */
export type ArticleStanding =
  'recognized' | 'page-own' | 'post' | 'no-permalink' | 'no-author' | 'no-action-row';

/** The post itself: it links to a post and to no comment (a comment's own links always name one). */
function isThePost(hrefs: readonly string[]): boolean {
  return hrefs.some((href) => isPostPath(linkParts(href)?.path ?? ''));
}

/** One comment article as the census saw it: for the outlines drawn on the page. */
export interface CensusedArticle {
  article: Element;
  standing: ArticleStanding;
}

/** Does the element show, at least in part, in the window? */
function inView(element: Element, view: { width: number; height: number }): boolean {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  return box.bottom > 0 && box.right > 0 && box.top < view.height && box.left < view.width;
}

/** Signal by signal, what is wrong with an article that is not a fan comment (or that it is the Page's). */
function standingOf(article: Element): ArticleStanding {
  const parts = ownParts(article);
  const permalink = findPermalink(article, parts);
  // A link of a comment's shape but no timestamp link beside Facebook's buttons: no action row.
  if (!permalink) {
    if (parts.hrefs.some(mentionsComment)) return 'no-action-row';
    return isThePost(parts.hrefs) ? 'post' : 'no-permalink';
  }
  if (describe(article, parts, permalink)) return 'recognized';
  return findAuthor(parts) ? 'page-own' : 'no-author';
}

/**
 * What Page Outreach sees of the comments in the visible part of the page: how many comment articles,
 * and of those how many have a permalink, an author, an action row, Facebook's message control and our
 * action; which signal fails, when no comment is recognized. The admin sees it, and it goes at the head
 * of a page report.
 */
export function takeCensus(
  root: Document,
  view: { width: number; height: number } | 'whole-page' = {
    width: root.defaultView?.innerWidth ?? 0,
    height: root.defaultView?.innerHeight ?? 0,
  },
): { census: PageCensus; articles: CensusedArticle[] } {
  const articles = [...root.querySelectorAll(ARTICLE_SELECTOR)]
    .filter((article) => !isHiddenCopy(article) && (view === 'whole-page' || inView(article, view)))
    .map((article) => ({ article, standing: standingOf(article) }));
  const count = (...standings: ArticleStanding[]) =>
    articles.filter(({ standing }) => standings.includes(standing)).length;
  const census: PageCensus = {
    articles: articles.length,
    permalinks: count('recognized', 'page-own', 'no-author', 'no-action-row'),
    authors: count('recognized', 'page-own'),
    actionRows: count('recognized', 'page-own', 'no-author'),
    recognized: count('recognized'),
    messageControls: articles.filter(({ article }) => findMessageControl(article) !== null).length,
    actions: articles.filter(({ article }) => ownActions(article, ARTICLE_SELECTOR).length > 0).length,
    messageBoxes: findMessageBoxes(root).length,
    failedSignal: root.querySelector(ACTION_SELECTOR) ? null : diagnose(root),
  };
  return { census, articles };
}

/** Every name the page shows for these articles (authors, the Page): a report keeps no text holding one. */
export function namesSeen(articles: readonly CensusedArticle[]): string[] {
  return articles.flatMap(({ article }) => {
    const found = inspectAfresh(article)?.comment;
    const author = findAuthor(ownParts(article))?.name;
    return [found?.pageName, author].filter((name): name is string => Boolean(name));
  });
}
