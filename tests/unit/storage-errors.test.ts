import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DATABASE_NAME, withDatabase } from '../../src/background/storage/database';
import { DATABASE_VERSION } from '../../src/background/storage/migrations';
import { routeMessage } from './checked-router';
import { listOutreach } from '../../src/background/outreach/log';
import { freshIndexedDB } from './indexeddb';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const reserveThanks = {
  type: 'outreach/reserve',
  commentId: giuliaComment.commentId,
  category: 'thanks',
  templateId: 'default-thanks-1-en',
  text: 'Hi Giulia!',
} as const;

async function pickGiulia(): Promise<void> {
  await routeMessage({ type: 'target/select', comment: giuliaComment }, facebookTab, NOW);
}

beforeEach(freshIndexedDB);
afterEach(() => vi.restoreAllMocks());

describe('storage failures fail closed, with a clear message', () => {
  test('a full disk refuses the reservation and records nothing', async () => {
    await pickGiulia();
    await withDatabase(async () => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await routeMessage(reserveThanks, popup, NOW)).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message:
          'The browser has no room left to save the outreach log, so nothing was sent or changed. Free some disk space and try again.',
      },
    });
    vi.restoreAllMocks();
    expect(await withDatabase((db) => listOutreach(db))).toEqual([]);
  });

  test('a browser where IndexedDB cannot be used (private window) says so', async () => {
    await pickGiulia();
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    expect(await routeMessage(reserveThanks, popup, NOW)).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/^This browser window cannot save data/) },
    });
  });

  test('a browser without IndexedDB at all says the same', async () => {
    await pickGiulia();
    vi.stubGlobal('indexedDB', undefined);
    try {
      expect(await routeMessage({ type: 'log/list' }, popup, NOW)).toMatchObject({
        ok: false,
        error: { code: 'storage', message: expect.stringMatching(/^This browser window cannot save data/) },
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('an upgrade held up by an old connection is refused at once instead of hanging', async () => {
    // An old version of the extension's page, holding version 1 open and ignoring requests to close.
    const old = await openDB(DATABASE_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('outreach', { keyPath: 'id' }).createIndex('byPageFan', ['pageId', 'fanId']);
      },
    });
    expect(await routeMessage({ type: 'log/list' }, popup, NOW)).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/^Page Outreach is updating its data/) },
    });
    old.close();
  });
});

describe('the shared connection', () => {
  test('a connection closed for a newer version is opened again on the next request', async () => {
    await routeMessage({ type: 'log/list' }, popup, NOW);
    // A newer version of the extension (another worker, after an update) opens the database.
    const newer = await openDB(DATABASE_NAME, DATABASE_VERSION + 1);
    newer.close();
    // The old connection let go without holding the upgrade up; the next request opens a new one, which
    // now finds a version newer than it knows and says so instead of failing silently.
    expect(await routeMessage({ type: 'log/list' }, popup, NOW)).toMatchObject({
      ok: false,
      error: {
        code: 'storage',
        message: expect.stringMatching(/^The outreach log was saved by a newer version/),
      },
    });
  });

  test('a failed open is not kept: the next request tries again and succeeds', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('Disk I/O error', 'UnknownError');
    });
    expect(await routeMessage({ type: 'log/list' }, popup, NOW)).toMatchObject({
      ok: false,
      error: { code: 'storage' },
    });
    expect(await routeMessage({ type: 'log/list' }, popup, NOW)).toEqual({ ok: true, data: { entries: [] } });
    expect(open).toHaveBeenCalledTimes(2);
  });
});
