import { beforeEach, describe, expect, test } from 'vitest';
import { DATABASE_VERSION } from '../../src/background/storage/migrations';
import { openDatabase, withDatabase } from '../../src/background/storage/database';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { checkOutreach } from '../../src/background/outreach/history';
import { settleOutreach } from '../../src/background/outreach/settle';
import { deleteOutreach, listOutreach, restoreOutreach } from '../../src/background/outreach/log';
import { fanStatuses } from '../../src/background/outreach/statuses';
import { markInterrupted } from '../../src/background/outreach/retention';
import { reserveOutreach, type NewEntry } from '../../src/background/outreach/reserve';
import { setDoNotContact } from '../../src/background/fans/fan-store';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';
import { freshIndexedDB } from './indexeddb';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
/** The default settings without the pace between sends, so tests can record several at once. */
const NO_PACE = { ...DEFAULT_POLICY_SETTINGS, paceSeconds: 0 };

function draft(overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    pageId: 'acmecoffee',
    pageName: 'Acme Coffee',
    fanId: 'giulia.rossi.77',
    fanName: 'Giulia Rossi',
    fanUrl: 'https://www.facebook.com/giulia.rossi.77',
    commentId: '456',
    postUrl: 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf',
    commentExcerpt: 'The hazelnut one',
    category: 'thanks',
    templateId: 'default-thanks-1-en',
    templateTitle: 'Thank you for commenting',
    text: 'Hi Giulia!',
    ...overrides,
  };
}

const reserve = (entry: NewEntry, now = T) => withDatabase((db) => reserveOutreach(db, entry, NO_PACE, now));
const allEntries = () => withDatabase((db) => listOutreach(db));
/** A reservation whose delivery has started (claimed): what every delivery outcome settles from. */
async function reserveSending(entry: NewEntry, now = T) {
  const reserved = await reserve(entry, now);
  await withDatabase((db) => settleOutreach(db, reserved.entry!.id, 'sending', now));
  return reserved;
}

beforeEach(freshIndexedDB);

describe('outreach store', () => {
  test('reserving records an entry that holds its comment until delivery confirms it', async () => {
    const { verdict, entry } = await reserve(draft());
    expect(verdict).toEqual({ allowed: true });
    expect(entry).toMatchObject({
      status: 'reserved',
      commentSlot: '456',
      createdAt: T,
      fanName: 'Giulia Rossi',
    });
    expect(await allEntries()).toEqual([entry]);
  });

  test('a refused request writes nothing', async () => {
    await reserve(draft());
    const before = await allEntries();
    const refused = await reserve(draft({ commentId: '459' }), T + DAY_MS);
    expect(refused).toEqual({
      verdict: { allowed: false, rule: 'thanks-window', lastContactAt: T, eligibleAt: T + 14 * DAY_MS },
      entry: null,
    });
    expect(await allEntries()).toEqual(before);
  });

  test('of 20 simultaneous requests for one fan exactly one is recorded', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => reserve(draft({ commentId: String(1000 + index) }))),
    );
    expect(results.filter((result) => result.entry !== null)).toHaveLength(1);
    expect(await allEntries()).toHaveLength(1);
  });

  test('of 100 simultaneous requests for 100 different fans every one is recorded', async () => {
    const roomy = { ...NO_PACE, pageDailyMax: 1000, postDailyMax: 100 };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        withDatabase((db) =>
          reserveOutreach(db, draft({ fanId: `fan-${index}`, commentId: String(2000 + index) }), roomy, T),
        ),
      ),
    );
    expect(results.filter((result) => result.entry !== null)).toHaveLength(100);
    expect(await withDatabase((db) => listOutreach(db))).toHaveLength(100);
  });

  test('the Page’s daily cap counts every fan’s messages, and frees up 24 hours after the oldest', async () => {
    for (let index = 0; index < 50; index += 1) {
      const postUrl = `https://www.facebook.com/acmecoffee/posts/${index}`;
      await reserve(
        draft({ fanId: `fan-${index}`, commentId: String(index), category: 'care', postUrl }),
        T + index,
      );
    }
    const refused = await reserve(draft({ fanId: 'fan-51', commentId: '51', category: 'thanks' }), T + 100);
    expect(refused.verdict).toMatchObject({ allowed: false, rule: 'page-daily', eligibleAt: T + DAY_MS });
    expect(
      (await reserve(draft({ fanId: 'fan-51', commentId: '51', category: 'thanks' }), T + DAY_MS)).entry,
    ).not.toBeNull();
  });

  test('the per-post cap refuses the 6th private reply on one post in 24 hours, softly, and frees up after', async () => {
    const onPost = (index: number, postUrl = draft().postUrl) =>
      draft({ fanId: `fan-${index}`, commentId: String(index), postUrl });
    for (let index = 0; index < 5; index += 1)
      expect((await reserve(onPost(index), T + index)).entry).not.toBeNull();
    const refused = await reserve(onPost(5), T + 10);
    expect(refused.verdict).toMatchObject({
      allowed: false,
      rule: 'post-daily',
      limit: 5,
      eligibleAt: T + DAY_MS,
    });
    // The same post under the other desktop host is the same post.
    const webHost = draft().postUrl.replace('www.', 'web.');
    expect((await reserve(onPost(6, webHost), T + 10)).verdict).toMatchObject({ rule: 'post-daily' });
    expect(
      (await reserve(onPost(7, 'https://www.facebook.com/acmecoffee/posts/other'), T + 10)).entry,
    ).not.toBeNull();
    expect((await reserve(onPost(5), T + DAY_MS)).entry).not.toBeNull();
  });

  test('customer care is never held by the per-post cap, and an override with a reason passes it', async () => {
    for (let index = 0; index < 5; index += 1)
      await reserve(draft({ fanId: `fan-${index}`, commentId: String(index) }), T + index);
    expect(
      (await reserve(draft({ fanId: 'fan-18', commentId: '18', category: 'care' }), T + 10)).entry,
    ).not.toBeNull();
    const overridden = await withDatabase((db) =>
      reserveOutreach(db, draft({ fanId: 'fan-19', commentId: '19' }), NO_PACE, T + 20, {
        overrideReason: 'Launch day: every question gets an answer',
      }),
    );
    expect(overridden.entry?.override).toEqual({
      rule: 'post-daily',
      reason: 'Launch day: every question gets an answer',
    });
  });

  test('the pace between sends holds across fans and Pages', async () => {
    await reserve(draft({ fanId: 'a', commentId: '1' }), T);
    const refused = await withDatabase((db) =>
      reserveOutreach(
        db,
        draft({ pageId: 'other', fanId: 'b', commentId: '2' }),
        DEFAULT_POLICY_SETTINGS,
        T + 5_000,
      ),
    );
    expect(refused).toMatchObject({ verdict: { rule: 'pace', eligibleAt: T + 20_000 }, entry: null });
  });

  test('a fan’s recent messages are counted once, though they are also among the Page’s recent ones', async () => {
    await reserve(draft({ commentId: '1', category: 'care' }), T);
    await reserve(draft({ commentId: '2', category: 'care' }), T + HOUR_MS);
    const third = await reserve(draft({ commentId: '3', category: 'care' }), T + 2 * HOUR_MS);
    expect(third.verdict).toEqual({ allowed: true });
  });

  test('a soft rule gives way to an override, and the entry keeps the rule and the reason', async () => {
    await reserve(draft({ commentId: '1' }));
    const overridden = await withDatabase((db) =>
      reserveOutreach(db, draft({ commentId: '2' }), NO_PACE, T + DAY_MS, {
        overrideReason: 'She asked for the recipe',
      }),
    );
    expect(overridden.verdict).toMatchObject({ allowed: false, rule: 'thanks-window' });
    expect(overridden.entry).toMatchObject({
      status: 'reserved',
      override: { rule: 'thanks-window', reason: 'She asked for the recipe' },
    });
  });

  test('no override beats one private message per comment', async () => {
    await reserve(draft({ commentId: '1' }));
    const refused = await withDatabase((db) =>
      reserveOutreach(db, draft({ commentId: '1' }), NO_PACE, T + 30 * DAY_MS, { overrideReason: 'Please' }),
    );
    expect(refused).toMatchObject({ verdict: { rule: 'one-per-comment' }, entry: null });
    expect(await allEntries()).toHaveLength(1);
  });

  test('an allowed message records no override even if a reason was given', async () => {
    const { entry } = await withDatabase((db) =>
      reserveOutreach(db, draft(), NO_PACE, T, { overrideReason: 'Just in case' }),
    );
    expect(entry).not.toHaveProperty('override');
  });

  test('a fan marked "do not contact" is refused anything but customer care, even with an override', async () => {
    await withDatabase((db) =>
      setDoNotContact(db, { pageId: 'acmecoffee', fanId: 'giulia.rossi.77', name: 'Giulia Rossi' }, true, T),
    );
    const refused = await withDatabase((db) =>
      reserveOutreach(db, draft({ category: 'promo' }), NO_PACE, T + 1, { overrideReason: 'Big sale' }),
    );
    expect(refused).toMatchObject({ verdict: { rule: 'do-not-contact' }, entry: null });
    expect((await reserve(draft({ category: 'care' }), T + 2)).entry).not.toBeNull();
    const [status] = await withDatabase((db) =>
      fanStatuses(db, [{ pageId: 'acmecoffee', fanId: 'giulia.rossi.77' }], NO_PACE, T + 3),
    );
    expect(status).toMatchObject({ doNotContact: true, lastContactAt: T + 2 });
  });

  test('the database itself refuses a second holder of one comment', async () => {
    const { entry } = await reserve(draft());
    const duplicate = { ...entry!, id: crypto.randomUUID(), fanId: 'someone-else' };
    await expect(withDatabase((db) => db.add('outreach', duplicate))).rejects.toThrow(/constraint/i);
  });

  test('a failed delivery gives the comment back so the admin can try again', async () => {
    const { entry } = await reserveSending(draft());
    const failed = await withDatabase((db) => settleOutreach(db, entry!.id, 'failed', T + 1));
    expect(failed).toMatchObject({ status: 'failed', updatedAt: T + 1 });
    expect(failed).not.toHaveProperty('commentSlot');
    expect((await reserve(draft(), T + 2)).entry).not.toBeNull();
  });

  test('a copied delivery keeps counting against the limits', async () => {
    const { entry } = await reserveSending(draft());
    await withDatabase((db) => settleOutreach(db, entry!.id, 'copied', T + 1));
    const { verdicts } = await withDatabase((db) =>
      checkOutreach(db, { pageId: 'acmecoffee', fanId: 'giulia.rossi.77', commentId: '999' }, NO_PACE, T + 2),
    );
    expect(verdicts.promo).toMatchObject({ allowed: false, rule: 'fan-window' });
    expect(verdicts.care).toEqual({ allowed: true });
  });

  test('an entry is confirmed only once', async () => {
    const { entry } = await reserveSending(draft());
    await withDatabase((db) => settleOutreach(db, entry!.id, 'copied', T + 1));
    expect(await withDatabase((db) => settleOutreach(db, entry!.id, 'failed', T + 2))).toBeNull();
    expect(await withDatabase((db) => settleOutreach(db, crypto.randomUUID(), 'copied', T))).toBeNull();
  });

  test('a reservation left unconfirmed past the timeout becomes unknown, keeps its comment and still counts', async () => {
    const { entry: stale } = await reserve(draft({ fanId: 'a', commentId: '1' }), T);
    const { entry: fresh } = await reserve(draft({ fanId: 'b', commentId: '2' }), T + 90_000);
    const { entry: done } = await reserveSending(draft({ fanId: 'c', commentId: '3' }), T);
    await withDatabase((db) => settleOutreach(db, done!.id, 'copied', T + 1));

    expect(
      await withDatabase((db) =>
        markInterrupted(db, T + 120_001, { reservedMs: 120_000, preparedMs: 120_000 }),
      ),
    ).toBe(1);
    const byFan = Object.fromEntries((await allEntries()).map((entry) => [entry.fanId, entry]));
    expect(byFan.a).toMatchObject({
      id: stale!.id,
      status: 'unknown',
      commentSlot: '1',
      updatedAt: T + 120_001,
    });
    expect(byFan.b).toMatchObject({ id: fresh!.id, status: 'reserved' });
    expect(byFan.c).toMatchObject({ status: 'copied' });
    // Never retried: the comment stays answered.
    expect((await reserve(draft({ fanId: 'a', commentId: '1' }), T + 30 * DAY_MS)).verdict).toMatchObject({
      rule: 'one-per-comment',
    });
  });

  test('a confirmation that arrives after the entry was marked unknown settles it', async () => {
    const { entry } = await reserve(draft(), T);
    await withDatabase((db) => markInterrupted(db, T + 1, { reservedMs: 0, preparedMs: 0 }));
    expect(await withDatabase((db) => settleOutreach(db, entry!.id, 'copied', T + 1))).toMatchObject({
      status: 'copied',
    });
  });

  test('a reservation made in the very millisecond a starting worker runs maintenance is left to its delivery', async () => {
    const { entry } = await reserve(draft(), T);
    expect(await withDatabase((db) => markInterrupted(db, T, { reservedMs: 0, preparedMs: 0 }))).toBe(0);
    expect(await withDatabase((db) => settleOutreach(db, entry!.id, 'sending', T))).toMatchObject({
      status: 'sending',
    });
  });

  test('a delivery still sending past the timeout becomes unknown, keeps its comment and still counts', async () => {
    await reserveSending(draft(), T);
    const timeouts = { reservedMs: 120_000, preparedMs: 3_600_000 };
    expect(await withDatabase((db) => markInterrupted(db, T + 120_000, timeouts))).toBe(0);
    expect(await withDatabase((db) => markInterrupted(db, T + 120_001, timeouts))).toBe(1);
    expect((await allEntries())[0]).toMatchObject({ status: 'unknown', commentSlot: '456' });
    expect((await reserve(draft({ commentId: '999' }), T + 120_002)).verdict).toMatchObject({
      allowed: false,
    });
  });

  test('only a reserved entry can be claimed for delivery, so it is delivered once', async () => {
    const { entry } = await reserve(draft(), T);
    const claim = () => withDatabase((db) => settleOutreach(db, entry!.id, 'sending', T + 1));
    const [first, second] = await Promise.all([claim(), claim()]);
    expect([first, second].filter((claimed) => claimed !== null)).toMatchObject([{ status: 'sending' }]);
  });

  test('marking interrupted deliveries twice changes nothing more', async () => {
    await reserve(draft(), T);
    await withDatabase((db) =>
      markInterrupted(db, T + 120_001, { reservedMs: 120_000, preparedMs: 120_000 }),
    );
    const once = await allEntries();
    expect(
      await withDatabase((db) =>
        markInterrupted(db, T + 240_000, { reservedMs: 120_000, preparedMs: 120_000 }),
      ),
    ).toBe(0);
    expect(await allEntries()).toEqual(once);
  });

  test('a message put in Facebook’s box is prepared, then sent when the admin sends it there', async () => {
    const { entry } = await reserveSending(draft(), T);
    const settle = (status: 'prepared' | 'sent', at: number, text?: string) =>
      withDatabase((db) =>
        settleOutreach(db, entry!.id, status, at, text === undefined ? {} : { sentText: text }),
      );
    expect(await settle('prepared', T + 1)).toMatchObject({ status: 'prepared', commentSlot: '456' });
    expect(await settle('sent', T + 2, 'Edited in Facebook')).toMatchObject({
      status: 'sent',
      text: draft().text,
      sentText: 'Edited in Facebook',
      updatedAt: T + 2,
    });
  });

  test('a prepared message closed without sending releases the comment for another try', async () => {
    const { entry } = await reserveSending(draft(), T);
    await withDatabase((db) => settleOutreach(db, entry!.id, 'prepared', T + 1));
    expect(await withDatabase((db) => settleOutreach(db, entry!.id, 'failed', T + 2))).not.toHaveProperty(
      'commentSlot',
    );
    expect((await reserve(draft(), T + 3)).entry).not.toBeNull();
  });

  test('news that comes after the outcome is known changes nothing', async () => {
    const { entry } = await reserveSending(draft(), T);
    await withDatabase((db) => settleOutreach(db, entry!.id, 'sent', T + 1));
    for (const late of ['prepared', 'failed', 'unknown', 'copied'] as const) {
      expect(await withDatabase((db) => settleOutreach(db, entry!.id, late, T + 2))).toBeNull();
    }
  });

  test('a prepared message is given up on only after its own, longer timeout', async () => {
    const { entry } = await reserveSending(draft(), T);
    await withDatabase((db) => settleOutreach(db, entry!.id, 'prepared', T + 1));
    const timeouts = { reservedMs: 0, preparedMs: 60_000 };
    expect(await withDatabase((db) => markInterrupted(db, T + 60_001, timeouts))).toBe(0);
    expect(await withDatabase((db) => markInterrupted(db, T + 60_002, timeouts))).toBe(1);
    expect((await allEntries())[0]).toMatchObject({ status: 'unknown', commentSlot: '456' });
  });

  test('the log lists the newest entries first', async () => {
    await reserve(draft({ fanId: 'a', commentId: '1' }), T);
    await reserve(draft({ fanId: 'b', commentId: '2' }), T + 2);
    await reserve(draft({ fanId: 'c', commentId: '3' }), T + 1);
    expect((await allEntries()).map((entry) => entry.fanId)).toEqual(['b', 'c', 'a']);
  });

  test('the log comes a page at a time, newest first, each page continuing after the last', async () => {
    for (let index = 0; index < 5; index += 1) {
      await reserve(draft({ fanId: `fan-${index}`, commentId: String(index) }), T + (index % 3));
    }
    const all = await withDatabase((db) => listOutreach(db));
    const first = await withDatabase((db) => listOutreach(db, { limit: 2 }));
    const last = first.at(-1)!;
    const rest = await withDatabase((db) => listOutreach(db, { before: last, limit: 10 }));
    expect([...first, ...rest]).toEqual(all);
    expect(all.map((entry) => entry.createdAt)).toEqual([T + 2, T + 1, T + 1, T, T]);
  });

  test('a deleted entry stops counting; putting it back restores it exactly', async () => {
    const { entry } = await reserve(draft(), T);
    expect(await withDatabase((db) => deleteOutreach(db, entry!.id))).toEqual(entry);
    expect((await reserve(draft({ commentId: '999' }), T + 1)).entry).not.toBeNull();
    await withDatabase(async (db) => deleteOutreach(db, (await listOutreach(db))[0]!.id));
    await withDatabase((db) => restoreOutreach(db, entry!));
    expect(await allEntries()).toEqual([entry]);
  });

  test('an entry cannot be put back once its comment has been answered again', async () => {
    const { entry } = await reserve(draft(), T);
    await withDatabase((db) => deleteOutreach(db, entry!.id));
    await reserve(draft(), T + 1);
    await expect(withDatabase((db) => restoreOutreach(db, entry!))).rejects.toMatchObject({
      code: 'invalid-request',
      messageKey: 'errorRestoreConflict',
    });
  });

  test('a new database is created at the latest schema version with the indexes the policy needs', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DATABASE_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'fans',
      'meta',
      'outreach',
      'settings',
      'sightingChunks',
      'teamFans',
      'teamOutbox',
      'templates',
      'uploads',
    ]);
    expect([...db.transaction('outreach').store.indexNames].sort()).toEqual([
      'byComment',
      'byCommentSlot',
      'byCreatedAt',
      'byPageFanTime',
      'byPageTime',
      'byStatus',
      'byTeam',
    ]);
    db.close();
  });
});
