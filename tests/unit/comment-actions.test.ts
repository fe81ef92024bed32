// @vitest-environment happy-dom
// The comment-actions feature on its watcher, against the hand-written post: what the page shows once
// the content script has run, without a browser.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ACTION_SELECTOR, ownActions } from '../../src/content/action-button';
import { inspectComment, isHiddenCopy } from '../../src/content/facebook/comments';
import { loadFixturePage } from './dom-fixture';
import { answerMessages, fakeBrowser } from './fake-browser';
import { startCommentActions } from './start-comment-actions';

/** Long enough for the watcher's slice, its animation frame and the statuses' batching to pass. */
const SETTLE_MS = 50;
let stop: (() => void) | null = null;

beforeEach(() => {
  fakeBrowser.reset();
  // Fan statuses are asked for as actions appear; nobody here has a history.
  answerMessages('comments/look', () => ({ ok: true, data: { statuses: [], kinds: [] } }));
  loadFixturePage('facebook/post-en.html');
});

afterEach(() => stop?.());

const settled = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

function start(): void {
  // The context stops once its copy is orphaned: each test ends by making it so.
  stop = startCommentActions();
}

function articleBy(label: string): Element {
  return [...document.querySelectorAll('[role="article"]')].find((article) =>
    article.getAttribute('aria-label')?.startsWith(label),
  )!;
}

/** The comment ids the actions on the page carry, in page order. */
function actionIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>(ACTION_SELECTOR)].map(
    (button) => button.dataset.commentId!,
  );
}

/** The comment ids of the actions in this comment itself, not in its replies. */
function ownActionIds(article: Element): string[] {
  return ownActions(article, '[role="article"]').map((button) => button.dataset.commentId!);
}

function fanCommentIds(): string[] {
  return [...document.querySelectorAll('[role="article"]')].flatMap((article) => {
    const found = isHiddenCopy(article) ? null : inspectComment(article);
    return found ? [found.comment.commentId] : [];
  });
}

test('every fan comment gets exactly one action, and the Page’s own replies none', async () => {
  start();
  await settled();
  expect(fanCommentIds().length).toBeGreaterThan(3);
  expect(actionIds()).toEqual(fanCommentIds());
  expect(ownActionIds(articleBy('Reply by Acme Coffee'))).toEqual([]);
});

test('a comment whose links and action row come a commit after its shell gets its action then', async () => {
  const giulia = articleBy('Comment by Giulia Rossi 2 days');
  const row = giulia.querySelector('ul')!;
  const rowParent = row.parentElement!;
  row.remove();
  start();
  await settled();
  expect(ownActionIds(giulia)).toEqual([]);
  rowParent.append(row);
  await settled();
  expect(ownActionIds(giulia)).toEqual(['456']);
});

test('a row the page renders anew leaves the comment exactly one action', async () => {
  start();
  await settled();
  const giulia = articleBy('Comment by Giulia Rossi 2 days');
  const row = giulia.querySelector('ul')!;
  // React replaces the row with its own fresh copy, which holds none of our nodes.
  const fresh = row.cloneNode(true) as Element;
  fresh.querySelectorAll('[data-page-outreach]').forEach((node) => node.remove());
  row.replaceWith(fresh);
  await settled();
  expect(ownActionIds(giulia)).toEqual(['456']);
});
