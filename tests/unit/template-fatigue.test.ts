import { beforeEach, describe, expect, test } from 'vitest';
import type { ReplyOf } from '../../src/shared/messages';
import { withDatabase } from '../../src/background/storage/database';
import { DAY_MS } from '../../src/shared/time';
import { routeMessage } from './checked-router';
import { freshIndexedDB } from './indexeddb';
import { giuliaComment } from './sample-comment';
import { sampleEntry } from './sample-entry';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12);
const TEXT = 'Thanks for your comment, see you soon!';

async function sentBefore(fans: number, ago: number, overrides = {}) {
  for (let index = 0; index < fans; index += 1) {
    const at = NOW - ago - index;
    const entry = sampleEntry((1000 * ago) / DAY_MS + index, {
      text: TEXT,
      createdAt: at,
      updatedAt: at,
      ...overrides,
    });
    await withDatabase((db) => db.put('outreach', entry));
  }
}

async function fatigue(text = TEXT) {
  await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
  const reply = await routeMessage({ type: 'compose/fatigue', text }, popup, NOW);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<'compose/fatigue'>;
}

beforeEach(freshIndexedDB);

describe('template fatigue', () => {
  test('counts the distinct fans of the Page who got exactly this text in the last 7 and 30 days', async () => {
    await sentBefore(3, DAY_MS);
    await sentBefore(4, 20 * DAY_MS);
    await sentBefore(2, 40 * DAY_MS);
    expect(await fatigue()).toEqual({
      sent: [
        { days: 7, fans: 3 },
        { days: 30, fans: 7 },
      ],
    });
  });

  test('leaves out other texts, other Pages, and messages that never went out', async () => {
    await sentBefore(2, DAY_MS, { text: 'Another text' });
    await sentBefore(2, 2 * DAY_MS, { pageId: 'otherpage' });
    await sentBefore(2, 3 * DAY_MS, { status: 'failed' });
    expect(await fatigue()).toEqual({
      sent: [
        { days: 7, fans: 0 },
        { days: 30, fans: 0 },
      ],
    });
  });

  test('counts the text as Facebook’s box sent it, when the admin edited it there', async () => {
    await sentBefore(2, DAY_MS, { text: 'As templated', sentText: TEXT });
    expect((await fatigue()).sent[0]).toEqual({ days: 7, fans: 2 });
  });
});
