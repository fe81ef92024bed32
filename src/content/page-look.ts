import { answerMessages } from '../shared/extension-api';
import type { ExtensionToContent } from '../shared/messages';
import { PageSanitizer, type PageSnapshot, type SkeletonElement } from '../shared/page-report';
import { OWN_NODE_ATTRIBUTE } from './action-button';
import type { Feature } from './context';
import { namesSeen, takeCensus, type ArticleStanding, type CensusedArticle } from './facebook/census';
import { ARTICLE_SELECTOR, isHiddenCopy } from './facebook/comments';
import { findMessageBoxes } from './facebook/message-box';

/**
 * The colour each article's outline takes: green recognized, grey what is not a fan's comment (the
 * Page's own comments, the post), red where recognition stopped.
 */
const OUTLINE_COLOURS: Record<ArticleStanding, string> = {
  recognized: '#1e7b34',
  'page-own': '#65676b',
  post: '#65676b',
  'no-permalink': '#b3261e',
  'no-author': '#b3261e',
  'no-action-row': '#b3261e',
};
const OUTLINES = 'outlines';

/** Draws (or takes away) an outline around each article counted, in a layer the page cannot read. */
function drawOutlines(document: Document, articles: CensusedArticle[] | null): void {
  document.querySelector(`[${OWN_NODE_ATTRIBUTE}="${OUTLINES}"]`)?.remove();
  if (!articles) return;
  const layer = document.createElement('div');
  layer.setAttribute(OWN_NODE_ATTRIBUTE, OUTLINES);
  const root = layer.attachShadow({ mode: 'closed' });
  const { scrollX, scrollY } = document.defaultView!;
  for (const { article, standing } of articles) {
    const box = article.getBoundingClientRect();
    const outline = document.createElement('div');
    outline.title = standing;
    Object.assign(outline.style, {
      position: 'absolute',
      left: `${box.left + scrollX}px`,
      top: `${box.top + scrollY}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      outline: `2px solid ${OUTLINE_COLOURS[standing]}`,
      pointerEvents: 'none',
      zIndex: '2147483646',
    });
    root.append(outline);
  }
  Object.assign(layer.style, { position: 'absolute', left: '0', top: '0' });
  document.body.append(layer);
}

/** The smallest element holding every article in view, as it is now. */
function commentArea(articles: CensusedArticle[]): Element | null {
  let area = articles[0]?.article.parentElement ?? null;
  while (area && !articles.every(({ article }) => area!.contains(article))) area = area.parentElement;
  return area;
}

/**
 * What the admin's report holds of this page: the comment area (the articles in view, the rest left
 * out) and an open chat tab, sanitized here, so nothing of the page's text reaches the extension.
 * The extension page that asked adds what it knows itself (the browser, the version, the time).
 */
function buildReport(document: Document): PageSnapshot {
  const { census, articles } = takeCensus(document);
  const sanitizer = new PageSanitizer(namesSeen(articles));
  const area = commentArea(articles);
  let comments: SkeletonElement | null = null;
  if (area) {
    const shown = new Set(articles.map(({ article }) => article));
    const copy = area.cloneNode(true) as Element;
    const copies = [...copy.querySelectorAll(ARTICLE_SELECTOR)];
    [...area.querySelectorAll(ARTICLE_SELECTOR)].forEach((article, index) => {
      if (!shown.has(article) && !isHiddenCopy(article)) copies[index]!.remove();
    });
    copy.querySelectorAll(`[${OWN_NODE_ATTRIBUTE}]`).forEach((own) => own.remove());
    comments = sanitizer.element(copy);
  }
  const chat = findMessageBoxes(document)[0]?.box;
  return {
    url: sanitizer.href(document.location.href),
    census,
    comments,
    chat: chat ? sanitizer.element(chat) : null,
  };
}

/** Answers the extension's own pages asking what Page Outreach sees here (see PageView.tsx). */
export const pageLook: Feature = {
  init({ document, signal }) {
    answerMessages((message) => {
      const asked = message as ExtensionToContent;
      if (asked?.type === 'page/census') {
        const { census, articles } = takeCensus(document);
        drawOutlines(document, asked.outline ? articles : null);
        return Promise.resolve({ ...census, host: document.location.host });
      }
      if (asked?.type === 'page/report') return Promise.resolve(buildReport(document));
      return undefined;
    }, signal);
  },
};
