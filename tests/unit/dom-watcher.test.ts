// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test } from 'vitest';
import { watchDom, type Inspector } from '../../src/content/dom-watcher';

const OURS = 'data-ours';
let stop: AbortController;

beforeEach(() => {
  document.body.replaceChildren();
  stop = new AbortController();
});

afterEach(() => stop.abort());

/** An inspector that gives every `<p>` the page adds a `<span>` after it, and counts what it saw. */
function annotator(): Inspector & { collected: Element[] } {
  const collected: Element[] = [];
  return {
    collected,
    collect: (added) => {
      collected.push(added);
      return added.tagName === 'P' ? [added] : [];
    },
    inspect: (item) => () => item.after(document.createElement('span')),
  };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Waits until the watcher has read the page once (its first slice, a task of its own whose order
 * against a timeout no runtime promises): only then does it read what the page adds at once.
 */
async function firstSliceRead(inspector: { collected: Element[] }): Promise<void> {
  while (inspector.collected.length === 0) await settled();
}

function start(inspector: Inspector): void {
  watchDom({ root: document.body, ignore: (node) => node.hasAttribute(OURS), signal: stop.signal }).inspect(
    inspector,
    stop.signal,
  );
}

test('a node the page adds is read and its change applied within the same task', async () => {
  const inspector = annotator();
  start(inspector);
  await firstSliceRead(inspector);
  const paragraph = document.createElement('p');
  document.body.append(paragraph);
  await Promise.resolve();
  expect(paragraph.nextElementSibling?.tagName).toBe('SPAN');
});

test('what the watcher’s own changes add is never read again', async () => {
  const inspector = annotator();
  start(inspector);
  await firstSliceRead(inspector);
  document.body.append(document.createElement('p'));
  await settled();
  await settled();
  // The page's paragraph only: the span the inspector's change added is not taken for the page's.
  expect(inspector.collected.map((node) => node.tagName)).toEqual(['BODY', 'P']);
});
