import type browser from 'webextension-polyfill';
import { beforeEach, describe, expect, test } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { listOutreach } from '../../src/background/outreach/log';
import { EXTENSION_ID, fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DAY_MS } from '../../src/shared/time';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup, TAB_ID } from './senders';
import type { ReplyOf } from '../../src/shared/messages';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

const comment = giuliaComment;

const reserveThanks = {
  type: 'outreach/reserve',
  commentId: '456',
  category: 'thanks',
  templateId: 'default-thanks-1-en',
  text: 'Hi Giulia!',
} as const;

async function storedState() {
  return {
    entries: await withDatabase((db) => listOutreach(db)),
    target: await fakeBrowser.storage.session.get('pendingTarget'),
  };
}

beforeEach(() => {
  freshIndexedDB();
  fakeBrowser.reset();
});

describe('message router', () => {
  test('a content script picks a target, remembered with the tab the browser says it came from', async () => {
    const reply = await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    expect(reply).toEqual({ ok: true, data: { popupOpened: true } });
    expect((await storedState()).target).toEqual({
      pendingTarget: { comment, tabId: TAB_ID, selectedAt: NOW },
    });
  });

  test('where the popup cannot open by itself, the badge says a target is waiting', async () => {
    fakeBrowser.popupOpens = false;
    const reply = await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    expect(reply).toEqual({ ok: true, data: { popupOpened: false } });
    expect(fakeBrowser.badge).toMatchObject({
      text: '1',
      title: 'Page Outreach: a message to Giulia Rossi is waiting',
    });
  });

  test('a malformed message is refused with an error naming the bad fields, and changes nothing', async () => {
    const before = await storedState();
    const reply = await routeMessage(
      {
        type: 'target/select',
        comment: { ...comment, commentId: 'abc', authorUrl: 'https://evil.example/' },
      },
      facebookTab,
      NOW,
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'The request was not valid (comment.commentId, comment.authorUrl). Nothing was changed.',
      },
    });
    expect(await storedState()).toEqual(before);
  });

  test('a comment whose Graph API id names another comment is refused, and changes nothing', async () => {
    const before = await storedState();
    const reply = await routeMessage(
      { type: 'target/select', comment: { ...comment, graphCommentId: '123_457' } },
      facebookTab,
      NOW,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: /comment\.graphCommentId/ },
    });
    expect(await storedState()).toEqual(before);
  });

  test('a comment that claims to be its own parent is refused', async () => {
    const reply = await routeMessage(
      { type: 'target/select', comment: { ...comment, parentCommentId: comment.commentId } },
      facebookTab,
      NOW,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: /comment\.parentCommentId/ },
    });
  });

  test('the error is in the admin’s UI language', async () => {
    fakeBrowser.uiLanguage = 'it';
    const reply = await routeMessage({ type: 'nonsense' }, popup, NOW);
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'La richiesta non era valida (type). Non è stato modificato nulla.',
      },
    });
  });

  test('an override needs a reason of a few characters', async () => {
    const reply = await routeMessage({ ...reserveThanks, override: { reason: ' ' } }, popup, NOW);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: /override\.reason/ },
    });
  });

  test('a body cannot claim extra fields such as another tab', async () => {
    const reply = await routeMessage({ type: 'target/select', comment, tabId: 7 }, facebookTab, NOW);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  test('a content script cannot use the popup’s operations', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const markFan = { type: 'fan/do-not-contact', commentId: '456', doNotContact: true };
    const loosen = { type: 'settings/set', settings: { ...DEFAULT_POLICY_SETTINGS, pageDailyMax: 1000 } };
    for (const message of [{ type: 'log/list' }, { type: 'popup/open' }, reserveThanks, markFan, loosen]) {
      expect(await routeMessage(message, facebookTab, NOW)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect((await storedState()).entries).toEqual([]);
  });

  test('messages from subframes, other sites or other extensions are refused', async () => {
    const senders: browser.Runtime.MessageSender[] = [
      { ...facebookTab, frameId: 3 },
      { ...facebookTab, url: 'https://evil.example/' },
      { ...popup, id: 'another-extension' },
      { id: EXTENSION_ID },
    ];
    for (const sender of senders) {
      const reply = await routeMessage({ type: 'target/select', comment }, sender, NOW);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await storedState()).target).toEqual({});
  });

  test('the popup reserves a message only for the comment that is actually picked', async () => {
    const reply = await routeMessage(reserveThanks, popup, NOW);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await routeMessage(
      { type: 'target/select', comment: { ...comment, commentId: '457', graphCommentId: '123_457' } },
      facebookTab,
      NOW,
    );
    expect(await routeMessage(reserveThanks, popup, NOW)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect((await storedState()).entries).toEqual([]);
  });

  test('opening the popup shows the target, its Page’s templates in every language and the verdict', async () => {
    fakeBrowser.uiLanguage = 'it';
    // Quiet hours follow the admin's time zone: pin it, so promos are allowed at NOW wherever this runs.
    const settings = { ...DEFAULT_POLICY_SETTINGS, timeZone: 'UTC' };
    await routeMessage({ type: 'settings/set', settings }, popup, NOW);
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const reply = await routeMessage({ type: 'popup/open' }, popup, NOW);
    expect(reply).toMatchObject({
      ok: true,
      data: {
        target: { comment },
        verdicts: {
          thanks: { allowed: true },
          promo: { allowed: true },
          warning: { allowed: true },
          care: { allowed: true },
        },
      },
    });
    const templates = reply.ok ? (reply.data as ReplyOf<'popup/open'>).templates : [];
    expect(new Set(templates.map((template) => template.language))).toEqual(new Set(['en', 'it']));
    expect(new Set(templates.map((template) => template.category))).toEqual(
      new Set(['thanks', 'promo', 'warning', 'care']),
    );
  });

  test('the popup offers the templates as stored, and a template no longer stored cannot be sent', async () => {
    await withDatabase(async (db) => {
      const thanks = (await db.get('templates', 'default-thanks-1-en'))!;
      await db.put('templates', { ...thanks, title: 'Thanks, edited' });
      await db.delete('templates', 'default-care-1-en');
    });
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const reply = await routeMessage({ type: 'popup/open' }, popup, NOW);
    const titles = reply.ok ? (reply.data as ReplyOf<'popup/open'>).templates.map((t) => t.title) : [];
    expect(titles).toContain('Thanks, edited');
    expect(titles).not.toContain('Thank you for commenting');
    const gone = { ...reserveThanks, category: 'care', templateId: 'default-care-1-en' } as const;
    expect(await routeMessage(gone, popup, NOW)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await storedState()).entries).toEqual([]);
  });

  test('notes about a fan are kept with the fan, shown on any of their comments, and erased when forgotten', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const notes = 'Order #1234 arrived damaged; promised a replacement.';
    expect(
      await routeMessage({ type: 'fan/notes', commentId: comment.commentId, notes }, popup, NOW),
    ).toEqual({
      ok: true,
      data: { notes },
    });
    const other = { ...comment, commentId: '459', graphCommentId: '123_459' };
    await routeMessage({ type: 'target/select', comment: other }, facebookTab, NOW);
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({ data: { notes } });

    await routeMessage({ type: 'fan/forget', commentId: '459' }, popup, NOW);
    await routeMessage({ type: 'target/select', comment: other }, facebookTab, NOW);
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({ data: { notes: '' } });
  });

  test('a comment Facebook notes was answered privately counts as a contact on the fan’s other comments', async () => {
    const answered = { ...comment, answeredPrivately: true as const };
    await routeMessage({ type: 'target/select', comment: answered }, facebookTab, NOW);
    const other = { ...comment, commentId: '459', graphCommentId: '123_459' };
    await routeMessage({ type: 'target/select', comment: other }, facebookTab, NOW + DAY_MS);
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW + DAY_MS)).toMatchObject({
      data: {
        verdicts: {
          thanks: { allowed: false, rule: 'fan-window', lastContactAt: NOW, eligibleAt: NOW + 7 * DAY_MS },
          care: { allowed: true },
        },
      },
    });
    expect((await storedState()).entries).toEqual([]);
  });

  test('a private reply noted under an older comment counts from the last day Facebook allowed it', async () => {
    const older = { ...comment, ageMs: 10 * DAY_MS, answeredPrivately: true as const };
    await routeMessage({ type: 'target/select', comment: older }, facebookTab, NOW);
    const other = { ...comment, commentId: '459', graphCommentId: '123_459' };
    await routeMessage({ type: 'target/select', comment: other }, facebookTab, NOW);
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({
      data: { verdicts: { thanks: { allowed: false, rule: 'fan-window', lastContactAt: NOW - 3 * DAY_MS } } },
    });
  });

  test('notes longer than 2,000 characters are refused and change nothing', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const reply = await routeMessage(
      { type: 'fan/notes', commentId: comment.commentId, notes: 'x'.repeat(2001) },
      popup,
      NOW,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({ data: { notes: '' } });
  });

  test('a content script cannot write notes or forget a fan', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    for (const message of [
      { type: 'fan/notes', commentId: comment.commentId, notes: 'hi' },
      { type: 'fan/forget', commentId: comment.commentId },
    ]) {
      expect(await routeMessage(message, facebookTab, NOW)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  test('a content script gets the shown fans’ statuses in one request, only those with anything to show', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    await routeMessage(reserveThanks, popup, NOW);
    const reply = await routeMessage(
      {
        type: 'comments/look',
        fans: [
          { pageId: 'acmecoffee', fanId: 'giulia.rossi.77' },
          { pageId: 'acmecoffee', fanId: 'marco' },
        ],
        comments: [],
      },
      facebookTab,
      NOW + DAY_MS,
    );
    expect(reply).toEqual({
      ok: true,
      data: {
        statuses: [
          {
            pageId: 'acmecoffee',
            fanId: 'giulia.rossi.77',
            lastContactAt: NOW,
            blockedUntil: NOW + 7 * DAY_MS,
            warnings: 0,
            doNotContact: false,
            text: 'messaged yesterday · limit reached until Dec 2',
          },
        ],
        kinds: [],
      },
    });
  });

  test('a content script gets the suggested kinds of the comments in view, only those with one', async () => {
    const reply = await routeMessage(
      {
        type: 'comments/look',
        fans: [],
        comments: [
          { pageId: 'acmecoffee', commentId: '456', text: 'Buongiorno, quando riaprite il negozio?' },
          { pageId: 'acmecoffee', commentId: '457', text: 'Giulia Rossi' },
          { pageId: 'acmecoffee', commentId: '458', text: 'Pacco mai arrivato, voglio il rimborso' },
        ],
      },
      facebookTab,
      NOW,
    );
    expect(reply).toEqual({
      ok: true,
      data: {
        statuses: [],
        kinds: [
          { commentId: '456', kind: 'question', label: 'question' },
          { commentId: '458', kind: 'complaint', label: 'complaint' },
        ],
      },
    });
  });

  test('recording outreach tells every tab which entry of which fan changed', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const reply = await routeMessage(reserveThanks, popup, NOW);
    const entryId = reply.ok && 'entry' in reply.data ? reply.data.entry?.id : undefined;
    expect(await fakeBrowser.storage.local.get('outreachChange')).toEqual({
      outreachChange: {
        kind: 'entry',
        entryId,
        pageId: 'acmecoffee',
        fanId: 'giulia.rossi.77',
        at: NOW,
        changeId: expect.any(String),
      },
    });
  });

  test('the popup hears when the tab in view shows comments that could not be recognized', async () => {
    fakeBrowser.activeTabId = TAB_ID;
    expect(await routeMessage({ type: 'page/health', failedSignal: 'permalink' }, facebookTab, NOW)).toEqual({
      ok: true,
      data: {},
    });
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({
      ok: true,
      data: { recognitionFailed: true },
    });
    fakeBrowser.activeTabId = TAB_ID + 1;
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW)).toMatchObject({
      ok: true,
      data: { recognitionFailed: false },
    });
  });

  test('settings start at their defaults, with no time zone picked and the browser’s named', async () => {
    const reply = await routeMessage({ type: 'settings/get' }, popup, NOW);
    expect(reply).toEqual({
      ok: true,
      data: {
        settings: DEFAULT_POLICY_SETTINGS,
        defaults: DEFAULT_POLICY_SETTINGS,
        browserTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
    });
  });

  test('a comment whose timestamp says it is 7 days old cannot be reserved, with or without a reason', async () => {
    await routeMessage(
      { type: 'target/select', comment: { ...comment, ageMs: 7 * DAY_MS } },
      facebookTab,
      NOW,
    );
    for (const message of [reserveThanks, { ...reserveThanks, override: { reason: 'She asked for it' } }]) {
      expect(await routeMessage(message, popup, NOW)).toMatchObject({
        ok: true,
        data: { verdict: { allowed: false, rule: 'comment-age' }, entry: null },
      });
    }
    expect(await routeMessage({ type: 'log/list' }, popup, NOW)).toMatchObject({ data: { entries: [] } });
  });

  test('saved settings drive the policy from the next request on', async () => {
    const settings = { ...DEFAULT_POLICY_SETTINGS, thanksWindowDays: 30, fanWindowDays: 2 };
    expect(await routeMessage({ type: 'settings/set', settings }, popup, NOW)).toEqual({
      ok: true,
      data: { settings },
    });
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    await routeMessage(reserveThanks, popup, NOW);
    await routeMessage(
      { type: 'target/select', comment: { ...comment, commentId: '459', graphCommentId: '123_459' } },
      facebookTab,
      NOW,
    );
    const reply = await routeMessage({ type: 'popup/open' }, popup, NOW + DAY_MS);
    expect(reply).toMatchObject({
      ok: true,
      data: {
        verdicts: {
          thanks: { rule: 'thanks-window', eligibleAt: NOW + 30 * DAY_MS },
          warning: { rule: 'fan-window', eligibleAt: NOW + 2 * DAY_MS },
        },
      },
    });
  });

  test('settings out of range are refused, naming the fields, and nothing is saved', async () => {
    const bad = { ...DEFAULT_POLICY_SETTINGS, fanWindowDays: 0, careDailyMax: 2.5 };
    const reply = await routeMessage({ type: 'settings/set', settings: bad }, popup, NOW);
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'The request was not valid (settings.fanWindowDays, settings.careDailyMax). Nothing was changed.',
      },
    });
    expect(await routeMessage({ type: 'settings/get' }, popup, NOW)).toMatchObject({
      data: { settings: DEFAULT_POLICY_SETTINGS },
    });
  });

  test('reserve then confirm records one entry with the delivery outcome', async () => {
    await routeMessage({ type: 'target/select', comment }, facebookTab, NOW);
    const reserved = await routeMessage(reserveThanks, popup, NOW);
    expect(reserved).toMatchObject({
      ok: true,
      data: { verdict: { allowed: true }, entry: { status: 'reserved' } },
    });
    const entryId = reserved.ok && 'entry' in reserved.data ? reserved.data.entry!.id : '';
    // No tab takes it here, so the popup falls back to the clipboard and confirms that.
    await routeMessage({ type: 'outreach/deliver', entryId }, popup, NOW + 1);
    const confirmed = await routeMessage(
      { type: 'outreach/confirm', entryId, outcome: 'copied' },
      popup,
      NOW + 5,
    );
    expect(confirmed).toMatchObject({ ok: true, data: { entry: { id: entryId, status: 'copied' } } });
    expect((await storedState()).entries).toMatchObject([
      { id: entryId, status: 'copied', templateTitle: 'Thank you for commenting' },
    ]);
  });
});
