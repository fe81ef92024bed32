import { describe, expect, test } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { listOutreach } from '../../src/background/outreach/log';
import { fakeBrowser } from './fake-browser';
import { useGraphStub } from './graph-stub-setup';
import { pickAndReserveThanks } from './pick-and-reserve';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const GIULIA = { pageId: giuliaComment.pageId, fanId: giuliaComment.authorId };
useGraphStub();

/** Giulia got a thank-you through the Graph API (so the log holds Facebook's message id). */
async function sendThroughGraph(): Promise<void> {
  await routeMessage(
    { type: 'graph/connect', token: 'EAAGstubPageToken0123456789', remember: false },
    popup,
    NOW,
  );
  const entryId = await pickAndReserveThanks(NOW);
  await routeMessage({ type: 'outreach/deliver', entryId }, popup, NOW + 1);
}

const forgetFromLog = () => routeMessage({ type: 'log/forget-fan', ...GIULIA }, popup, NOW + 2);

describe('forgetting a fan everywhere', () => {
  test('their tombstones keep no Facebook message id, post or template title', async () => {
    await sendThroughGraph();
    expect(await withDatabase((db) => listOutreach(db))).toMatchObject([{ messageId: 'm_stub-message-1' }]);
    await forgetFromLog();
    const [tombstone] = await withDatabase((db) => listOutreach(db));
    expect(tombstone).not.toHaveProperty('messageId');
    expect(tombstone).toMatchObject({ postUrl: '', templateTitle: '', templateId: 'default-thanks-1-en' });
  });

  test('their id is never written in clear to storage.local, which content scripts can read', async () => {
    await sendThroughGraph();
    await forgetFromLog();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(GIULIA.fanId);
  });

  test('forgetting from the log also drops the picked comment when it is theirs', async () => {
    await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
    await forgetFromLog();
    expect(await routeMessage({ type: 'popup/open' }, popup, NOW + 3)).toMatchObject({
      ok: true,
      data: { target: null },
    });
  });

  test('what the Graph API said of their conversation is dropped too', async () => {
    await sendThroughGraph();
    await routeMessage({ type: 'popup/open' }, popup, NOW + 1);
    const cached = async () =>
      Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key.includes(GIULIA.fanId));
    expect(await cached()).not.toEqual([]);
    await forgetFromLog();
    expect(await cached()).toEqual([]);
  });
});
