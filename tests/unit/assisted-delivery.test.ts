import type browser from 'webextension-polyfill';
import { beforeEach, describe, expect, test } from 'vitest';
import { abandonTab } from '../../src/background/delivery/assisted-delivery';
import { NO_TEAM } from '../../src/background/team-port';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { listOutreach } from '../../src/background/outreach/log';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { pickAndReserveThanks } from './pick-and-reserve';
import { facebookTab, popup, TAB_ID } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const OTHER_TAB = TAB_ID + 1;
const otherTab: browser.Runtime.MessageSender = {
  ...facebookTab,
  tab: { ...facebookTab.tab!, id: OTHER_TAB },
};

const reserved = () => pickAndReserveThanks(NOW);

async function statuses(): Promise<string[]> {
  return (await withDatabase((db) => listOutreach(db))).map((entry) => entry.status);
}

const deliver = (entryId: string) => routeMessage({ type: 'outreach/deliver', entryId }, popup, NOW + 1);
const outcome = (
  entryId: string,
  result: 'sent' | 'failed' | 'unknown',
  from = facebookTab,
  sentText?: string,
) =>
  routeMessage(
    { type: 'composer/outcome', entryId, outcome: result, ...(sentText ? { sentText } : {}) },
    from,
    NOW + 2,
  );

beforeEach(() => {
  freshIndexedDB();
  fakeBrowser.reset();
});

describe('assisted delivery', () => {
  test('the comment’s tab is asked to put exactly the reserved text in Facebook’s box', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: true });
    expect(await deliver(entryId)).toEqual({ ok: true, data: { via: 'box', prepared: true } });
    expect(fakeBrowser.tabMessages).toEqual([
      { tabId: TAB_ID, message: { type: 'composer/fill', entryId, commentId: '456', text: 'Hi Giulia!' } },
    ]);
    expect(await statuses()).toEqual(['prepared']);
  });

  test('the tab that holds the message reports it sent, with the text as edited there beside the confirmed one', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: true });
    await deliver(entryId);
    expect(await outcome(entryId, 'sent', facebookTab, 'Hi Giulia, thanks!')).toEqual({ ok: true, data: {} });
    expect(await withDatabase((db) => listOutreach(db))).toMatchObject([
      { status: 'sent', text: 'Hi Giulia!', sentText: 'Hi Giulia, thanks!' },
    ]);
  });

  test('no other tab can report on the message', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: true });
    await deliver(entryId);
    expect(await outcome(entryId, 'sent', otherTab)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await statuses()).toEqual(['prepared']);
  });

  test('a tab cannot report on a message it was never given', async () => {
    const entryId = await reserved();
    expect(await outcome(entryId, 'sent')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await statuses()).toEqual(['reserved']);
  });

  test('a box closed without sending leaves the entry not sent and the comment free again', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: true });
    await deliver(entryId);
    await outcome(entryId, 'failed');
    expect(await statuses()).toEqual(['failed']);
    const again = await routeMessage({ type: 'popup/open' }, popup, NOW + 3);
    expect(again).toMatchObject({ ok: true, data: { verdicts: { thanks: { allowed: true } } } });
  });

  test('when the tab cannot be reached the entry stays claimed for the clipboard to take over', async () => {
    const entryId = await reserved();
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'box', prepared: false, reason: 'no-tab' },
    });
    expect(await statuses()).toEqual(['sending']);
    expect(await fakeBrowser.storage.session.get(null)).not.toHaveProperty(`assisted:${entryId}`);
  });

  test('the tab’s reason is passed on when Facebook’s box could not take the text', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: false, reason: 'no-control' });
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'box', prepared: false, reason: 'no-control' },
    });
  });

  test('an answer from the tab that is not in the protocol counts as no tab', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: 'yes', sentText: '<img src=x>' });
    expect(await deliver(entryId)).toEqual({
      ok: true,
      data: { via: 'box', prepared: false, reason: 'no-tab' },
    });
    expect(await statuses()).toEqual(['sending']);
  });

  test('an entry is handed to a tab only once', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: true });
    await deliver(entryId);
    expect(await deliver(entryId)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(fakeBrowser.tabMessages).toHaveLength(1);
  });

  test('closing the tab while the message waits there leaves it unknown, still counting', async () => {
    const entryId = await reserved();
    fakeBrowser.tabReplies = () => ({ prepared: true });
    await deliver(entryId);
    await abandonTab(NO_TEAM, OTHER_TAB, NOW + 2);
    expect(await statuses()).toEqual(['prepared']);
    await abandonTab(NO_TEAM, TAB_ID, NOW + 2);
    expect(await statuses()).toEqual(['unknown']);
    expect(await outcome(entryId, 'sent')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
