import { openDB } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { DATABASE_NAME, DATABASE_VERSION, openDatabase } from '../../src/background/database';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { markInterrupted, reserveOutreach } from '../../src/background/outreach-store';
import type { OutreachEntry } from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';
import { freshIndexedDB } from './indexeddb';

const OLD_ENTRIES = 10_000;
const T = Date.UTC(2026, 10, 1);

/** An entry as version 1 stored it. */
function v1Entry(index: number): OutreachEntry {
  const status = index % 10 === 0 ? 'reserved' : index % 7 === 0 ? 'failed' : 'copied';
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    pageId: `page-${index % 3}`,
    pageName: `Page ${index % 3}`,
    fanId: `fan-${index % 1500}`,
    fanName: `Fan ${index % 1500}`,
    fanUrl: `https://www.facebook.com/fan-${index % 1500}`,
    commentId: String(100_000 + index),
    postUrl: 'https://www.facebook.com/page/posts/1',
    commentExcerpt: `Comment ${index}`,
    category: (['thanks', 'promo', 'warning', 'care'] as const)[index % 4]!,
    templateId: 'default-thanks-1-en',
    templateTitle: 'Thank you',
    text: `Message ${index}`,
    createdAt: T - index * 60_000,
    updatedAt: T - index * 60_000,
    status,
    ...(status === 'failed' ? {} : { commentSlot: String(100_000 + index) }),
  };
}

/** Writes a database exactly as version 1 of the extension left it, independently of today's code. */
async function createVersion1(entries: OutreachEntry[]): Promise<void> {
  const db = await openDB(DATABASE_NAME, 1, {
    upgrade(v1) {
      const outreach = v1.createObjectStore('outreach', { keyPath: 'id' });
      outreach.createIndex('byPageFan', ['pageId', 'fanId']);
      outreach.createIndex('byComment', 'commentId');
      outreach.createIndex('byCommentSlot', 'commentSlot', { unique: true });
      outreach.createIndex('byCreatedAt', 'createdAt');
    },
  });
  const tx = db.transaction('outreach', 'readwrite');
  await Promise.all(entries.map((entry) => tx.store.add(entry)));
  await tx.done;
  db.close();
}

beforeEach(freshIndexedDB);

describe('schema migrations', () => {
  test(`version 1 with ${OLD_ENTRIES.toLocaleString('en')} entries upgrades to the current version with every entry intact`, async () => {
    const entries = Array.from({ length: OLD_ENTRIES }, (_, index) => v1Entry(index));
    await createVersion1(entries);

    const db = await openDatabase();
    expect(db.version).toBe(DATABASE_VERSION);
    const stored = await db.getAll('outreach');
    expect(stored).toHaveLength(OLD_ENTRIES);
    expect(new Map(stored.map((entry) => [entry.id, entry]))).toEqual(
      new Map(entries.map((entry) => [entry.id, entry])),
    );
    // The version 2 index answers for old data too, and version 3's fan records start empty.
    expect(await db.countFromIndex('outreach', 'byStatus', 'reserved')).toBe(OLD_ENTRIES / 10);
    expect(await db.count('fans')).toBe(0);
    db.close();
  });

  test('after the upgrade the old log keeps enforcing the limits and old reservations are settled', async () => {
    await createVersion1([v1Entry(0), v1Entry(1)]);
    const db = await openDatabase();
    const {
      pageId,
      pageName,
      fanId,
      fanName,
      fanUrl,
      postUrl,
      commentExcerpt,
      templateId,
      templateTitle,
      text,
    } = v1Entry(1);
    const { verdict } = await reserveOutreach(
      db,
      {
        pageId,
        pageName,
        fanId,
        fanName,
        fanUrl,
        postUrl,
        commentExcerpt,
        templateId,
        templateTitle,
        text,
        commentId: '999999',
        category: 'warning',
      },
      DEFAULT_POLICY_SETTINGS,
      T + DAY_MS,
    );
    expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window' });
    expect(await markInterrupted(db, T + DAY_MS, 120_000)).toBe(1);
    expect((await db.get('outreach', v1Entry(0).id))?.status).toBe('unknown');
    db.close();
  });
});
