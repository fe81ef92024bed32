// @vitest-environment happy-dom
// The actions' labels come from the background, asked once as the content script starts: in Chromium
// the content script's own first i18n lookup makes the page wait for the whole message bundle.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ACTION_SELECTOR } from '../../src/content/action-button';
import { actionLabelsFrom, NAME_SLOT } from '../../src/shared/action-labels';
import { t } from '../../src/shared/i18n';
import { routeMessage } from './checked-router';
import { loadFixturePage } from './dom-fixture';
import { answerMessages, fakeBrowser } from './fake-browser';
import { facebookTab } from './senders';
import { startCommentActions } from './start-comment-actions';

let stop: (() => void) | null = null;
afterEach(() => stop?.());

beforeEach(() => {
  fakeBrowser.reset();
  answerMessages('comments/look', () => ({ ok: true, data: { statuses: [], kinds: [] } }));
});

test('the background tells a facebook.com tab the actions’ labels, in the UI language', async () => {
  fakeBrowser.uiLanguage = 'it';
  const reply = await routeMessage({ type: 'content/labels' }, facebookTab, Date.now());
  expect(reply).toEqual({ ok: true, data: actionLabelsFrom(t) });
  expect(reply).toMatchObject({ data: { accessible: `Invia messaggio a ${NAME_SLOT}` } });
});

test('the actions carry the labels the background told, the author filled in', async () => {
  answerMessages('content/labels', () => ({
    ok: true,
    data: { visible: 'Told', accessible: `Told to ${NAME_SLOT}`, orphaned: 'Reload' },
  }));
  loadFixturePage('facebook/post-en.html');
  stop = startCommentActions();
  await expect
    .poll(() =>
      document.querySelector(`${ACTION_SELECTOR}[data-comment-id="456"]`)?.getAttribute('aria-label'),
    )
    .toBe('Told to Giulia Rossi');
  expect(document.querySelector(ACTION_SELECTOR)?.textContent).toBe('Told');
});
