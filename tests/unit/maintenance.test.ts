import { beforeEach, describe, expect, test } from 'vitest';
import { stageUploadPart, UPLOAD_MAX_AGE_MS } from '../../src/background/transfer/backup-uploads';
import { withDatabase } from '../../src/background/storage/database';
import { DELIVERY_TIMEOUT_MS, runMaintenance, settleInterrupted } from '../../src/background/maintenance';
import { dropBeyondCap, dropExpired, markInterrupted } from '../../src/background/outreach/retention';
import { listOutreach } from '../../src/background/outreach/log';
import { reserveOutreach, type NewEntry } from '../../src/background/outreach/reserve';
import { savePolicySettings } from '../../src/background/settings/settings-store';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DAY_MS } from '../../src/shared/time';
import { freshIndexedDB } from './indexeddb';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);

function draft(index: number): NewEntry {
  return {
    pageId: 'acmecoffee',
    pageName: 'Acme Coffee',
    fanId: `fan-${index}`,
    fanName: `Fan ${index}`,
    fanUrl: `https://www.facebook.com/fan-${index}`,
    commentId: String(1000 + index),
    postUrl: 'https://www.facebook.com/acmecoffee/posts/1',
    commentExcerpt: '',
    category: 'care',
    templateId: 'default-care-1-en',
    templateTitle: 'Care',
    text: 'Hello',
  };
}

/** One entry per listed age in days, before T. */
async function seed(agesInDays: number[]): Promise<void> {
  const settings = { ...DEFAULT_POLICY_SETTINGS, paceSeconds: 0 };
  await withDatabase(async (db) => {
    for (const [index, age] of agesInDays.entries()) {
      await reserveOutreach(db, draft(index), settings, T - age * DAY_MS);
    }
  });
}

/** Teammates' contacts, as a team sync copies them into the log: one per listed age in days. */
async function seedTeammates(agesInDays: number[]): Promise<void> {
  await withDatabase(async (db) => {
    for (const [index, age] of agesInDays.entries()) {
      const at = T - age * DAY_MS;
      await db.put('outreach', {
        ...draft(100 + index),
        id: `teammate-${index}`,
        createdAt: at,
        updatedAt: at,
        status: 'sent',
        author: 'Bea',
      });
    }
  });
}

const remainingAges = async () =>
  (await withDatabase((db) => listOutreach(db))).map((entry) => (T - entry.createdAt) / DAY_MS);

beforeEach(freshIndexedDB);

describe('retention', () => {
  test('maintenance deletes entries older than the retention period, 365 days by default', async () => {
    await seed([1, 364, 366, 800]);
    await runMaintenance(T);
    expect(await remainingAges()).toEqual([1, 364]);
  });

  test('the retention period follows the settings', async () => {
    await seed([1, 40, 100]);
    await withDatabase((db) => savePolicySettings(db, { ...DEFAULT_POLICY_SETTINGS, retentionDays: 60 }));
    await runMaintenance(T);
    expect(await remainingAges()).toEqual([1, 40]);
  });

  test('entries a rule still looks at are kept even when the retention period is shorter', async () => {
    await seed([1, 40, 100, 200]);
    await withDatabase((db) =>
      savePolicySettings(db, { ...DEFAULT_POLICY_SETTINGS, retentionDays: 30, strikeWindowDays: 120 }),
    );
    await runMaintenance(T);
    expect(await remainingAges()).toEqual([1, 40, 100]);
  });

  test('expired entries go in bounded batches, each run taking the oldest first', async () => {
    await seed([400, 500, 600]);
    expect(await withDatabase((db) => dropExpired(db, T - 365 * DAY_MS, 2))).toBe(2);
    expect(await remainingAges()).toEqual([400]);
  });

  test('beyond the log’s size limit the oldest entries go, a bounded batch per run', async () => {
    await seed([5, 4, 3, 2, 1]);
    const keepFrom = T;
    expect(await withDatabase((db) => dropBeyondCap(db, 2, keepFrom, 2))).toBe(2);
    expect(await remainingAges()).toEqual([1, 2, 3]);
    expect(await withDatabase((db) => dropBeyondCap(db, 2, keepFrom, 2))).toBe(1);
    expect(await remainingAges()).toEqual([1, 2]);
    expect(await withDatabase((db) => dropBeyondCap(db, 2, keepFrom, 2))).toBe(0);
  });

  test('beyond the size limit teammates’ copies go first, even newer ones than this browser’s own', async () => {
    await seed([10, 9]);
    await seedTeammates([1, 2, 3]);
    expect(await withDatabase((db) => dropBeyondCap(db, 2, T))).toBe(3);
    expect(await remainingAges()).toEqual([9, 10]);
  });

  test('beyond the size limit no entry of this browser a rule still looks at goes, however many there are', async () => {
    await seed([3, 2, 1]);
    expect(await withDatabase((db) => dropBeyondCap(db, 1, T - 5 * DAY_MS))).toBe(0);
    expect(await remainingAges()).toEqual([1, 2, 3]);
  });

  test('a backup upload its page left unfinished goes after an hour, one still arriving stays', async () => {
    const abandoned = crypto.randomUUID();
    const arriving = crypto.randomUUID();
    await withDatabase(async (db) => {
      await stageUploadPart(db, { uploadId: abandoned, part: 0, text: '{' }, T);
      await stageUploadPart(db, { uploadId: arriving, part: 0, text: '{' }, T + UPLOAD_MAX_AGE_MS);
    });
    await runMaintenance(T + UPLOAD_MAX_AGE_MS + 1);
    const left = await withDatabase((db) => db.getAll('uploads'));
    expect(left.map((part) => part.uploadId)).toEqual([arriving]);
  });

  test('maintenance settles interrupted deliveries too', async () => {
    await seed([0]);
    await runMaintenance(T + DELIVERY_TIMEOUT_MS + 1);
    expect((await withDatabase((db) => listOutreach(db)))[0]!.status).toBe('unknown');
  });
});

describe('a worker that has just started', () => {
  test('marks every reservation still waiting as unknown at once: the worker that made it died', async () => {
    await seed([0]);
    await settleInterrupted(T + 1);
    expect((await withDatabase((db) => listOutreach(db)))[0]!.status).toBe('unknown');
  });

  test('leaves retention to the alarm, so a worker woken for anything else writes nothing', async () => {
    await seed([0]);
    await withDatabase((db) => markInterrupted(db, T + 1, { reservedMs: 0, preparedMs: 0 }));
    const before = await withDatabase((db) => listOutreach(db));
    await settleInterrupted(T + 1000 * DAY_MS);
    expect(await withDatabase((db) => listOutreach(db))).toEqual(before);
  });

  test('a worker running normally waits for the delivery timeout', async () => {
    await seed([0]);
    await runMaintenance(T + 1);
    expect((await withDatabase((db) => listOutreach(db)))[0]!.status).toBe('reserved');
  });
});
