import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { applyChange, deleteEntry, entries, loadLog, undoDelete } from '../../src/log/log-store';
import { OUTREACH_CHANGE_KEY, type OutreachChange } from '../../src/shared/fan-status';
import type { OutreachEntry } from '../../src/shared/outreach';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { pickAndReserveThanks } from './pick-and-reserve';
import { giuliaComment } from './sample-comment';
import { sampleEntry } from './sample-entry';
import { popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
/** More than the first page, so a whole-log load takes two requests. */
const LOG_SIZE = 250;
const logPage = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/log/index.html` };

/** Every request the log page sent, by type; each goes through the real router. */
let sent: string[];
/** The changes the page is following, settled before a test looks. */
let following: Promise<void>[];

/** An earlier message from another Page, so the seeded log leaves Acme Coffee's limits free. */
function oldEntry(index: number): OutreachEntry {
  const at = NOW - (index + 1) * 60_000;
  return sampleEntry(index, {
    pageId: 'bettysbakery',
    pageName: "Betty's Bakery",
    createdAt: at,
    updatedAt: at,
  });
}

async function seedLog(size: number): Promise<void> {
  await withDatabase(async (db) => {
    const tx = db.transaction('outreach', 'readwrite');
    for (let index = 0; index < size; index += 1) void tx.store.put(oldEntry(index));
    await tx.done;
  });
}

async function settled(): Promise<void> {
  while (following.length > 0) await Promise.all(following.splice(0));
}

const listRequests = () => sent.filter((type) => type === 'log/list').length;

beforeEach(async () => {
  freshIndexedDB();
  fakeBrowser.reset();
  sent = [];
  following = [];
  entries.value = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    sent.push(message.type);
    return routeMessage(message, logPage, NOW);
  }) as never);
  // What LogApp's useOutreachChanges does: follow each change the background writes.
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    const change = changes[OUTREACH_CHANGE_KEY]?.newValue as OutreachChange | undefined;
    if (area === 'local' && change) following.push(applyChange(change));
  });
  await seedLog(LOG_SIZE);
  await loadLog();
});

afterEach(() => vi.restoreAllMocks());

describe('the full-page log follows changes', () => {
  test('a message reserved and settled elsewhere patches its one row and never reloads the log', async () => {
    const before = listRequests();
    const entryId = await pickAndReserveThanks(NOW);
    await routeMessage({ type: 'outreach/deliver', entryId }, popup, NOW + 1);
    await routeMessage({ type: 'outreach/confirm', entryId, outcome: 'copied' }, popup, NOW + 2);
    await settled();
    expect(listRequests() - before).toBe(0);
    expect(entries.value).toHaveLength(LOG_SIZE + 1);
    expect(entries.value.find((entry) => entry.id === entryId)).toMatchObject({ status: 'copied' });
  });

  test('a deleted entry stays deleted when a load that began before the delete finishes after it', async () => {
    const victim = oldEntry(LOG_SIZE - 1).id; // on the last page, which that load reads last
    const reload = loadLog();
    await deleteEntry(victim);
    await reload;
    await settled();
    expect(entries.value.some((entry) => entry.id === victim)).toBe(false);
    expect(entries.value).toHaveLength(LOG_SIZE - 1);
  });

  test('an undone delete puts the row back once, whatever the announcements in between', async () => {
    const victim = oldEntry(3).id;
    await deleteEntry(victim);
    await undoDelete();
    await settled();
    expect(entries.value.filter((entry) => entry.id === victim)).toHaveLength(1);
    expect(entries.value).toHaveLength(LOG_SIZE);
  });

  test('loads asked for while one runs wait for it: never two at once, one more after it', async () => {
    let running = 0;
    let mostAtOnce = 0;
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async (message: { type: string }) => {
      sent.push(message.type);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        return await routeMessage(message, logPage, NOW);
      } finally {
        running -= 1;
      }
    }) as never);
    const before = listRequests();
    await Promise.all([loadLog(), loadLog(), loadLog()]);
    expect(mostAtOnce).toBe(1);
    // Each load reads the first screenful, then the rest in one large page.
    expect(listRequests() - before).toBe(2 * 2);
  });

  test('a restore elsewhere reloads everything', async () => {
    const before = listRequests();
    await fakeBrowser.storage.local.set({
      [OUTREACH_CHANGE_KEY]: { kind: 'all', changeId: 'restore', at: NOW } satisfies OutreachChange,
    });
    await settled();
    expect(listRequests() - before).toBeGreaterThan(0);
    expect(entries.value).toHaveLength(LOG_SIZE);
  });

  test('a fan forgotten from the popup shows as forgotten without reopening the log', async () => {
    await pickAndReserveThanks(NOW);
    await settled();
    await routeMessage({ type: 'fan/forget', commentId: giuliaComment.commentId }, popup, NOW + 1);
    await settled();
    const acme = entries.value.filter((entry) => entry.pageId === giuliaComment.pageId);
    expect(acme).toMatchObject([{ forgotten: true, fanName: '', text: '' }]);
  });
});
