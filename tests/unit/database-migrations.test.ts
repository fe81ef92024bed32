import { openDB, unwrap } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { HEAVY_TEST_TIMEOUT_MS } from './heavy-test';
import { DATABASE_NAME, openDatabase } from '../../src/background/storage/database';
import { DATABASE_VERSION } from '../../src/background/storage/migrations';
import { KEYS } from '../../src/background/storage/keys';
import { DEFAULT_TEMPLATES } from '../../src/shared/templates';
import V5_DEFAULT_TEMPLATES from '../../src/background/storage/migrations/v5-default-templates.json';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { markInterrupted } from '../../src/background/outreach/retention';
import { reserveOutreach } from '../../src/background/outreach/reserve';
import type { OutreachEntry } from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';
import { freshIndexedDB } from './indexeddb';
import { sightingsOf } from '../../src/background/discretion/sighting-chunks';
import { loadSightings } from '../../src/background/discretion/sighting-store';
import type { SightingRecord } from '../../src/shared/sightings';

const FAN_SALT_KEY = KEYS.fanSalt.key();
const OLD_SIGHTINGS = 3_000;
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

/** A fan comment seen, as version 13 kept it: one record each, on three Pages' posts. */
function v13Sighting(index: number): SightingRecord {
  return {
    pageId: `page-${index % 3}`,
    fanKey: `fan${String(index % 700).padStart(19, '0')}`,
    commentKey: `c${String(index).padStart(21, '0')}`,
    postKey: `/page/posts/${index % 7}`,
    at: T - index * 60_000,
    timeFrom: index % 5 === 0 ? 'seen' : 'facebook',
    source: index % 11 === 0 ? 'graph' : 'page',
  };
}

/** Each released version's schema step, written out here independently of today's code. */
const HISTORICAL_STEPS: ReadonlyArray<(db: IDBDatabase, tx: IDBTransaction) => void> = [
  (db) => {
    const outreach = db.createObjectStore('outreach', { keyPath: 'id' });
    outreach.createIndex('byPageFan', ['pageId', 'fanId']);
    outreach.createIndex('byComment', 'commentId');
    outreach.createIndex('byCommentSlot', 'commentSlot', { unique: true });
    outreach.createIndex('byCreatedAt', 'createdAt');
  },
  (_db, tx) => {
    tx.objectStore('outreach').createIndex('byStatus', 'status');
  },
  (db) => {
    db.createObjectStore('fans', { keyPath: ['pageId', 'fanId'] });
  },
  (db) => {
    db.createObjectStore('settings');
  },
  (db, tx) => {
    const outreach = tx.objectStore('outreach');
    outreach.deleteIndex('byPageFan');
    outreach.createIndex('byPageFanTime', ['pageId', 'fanId', 'createdAt']);
    outreach.createIndex('byPageTime', ['pageId', 'createdAt']);
    // Version 5's templates had no position; an admin's own template among them.
    const templates = db.createObjectStore('templates', { keyPath: 'id' });
    for (const template of [...V5_DEFAULT_TEMPLATES, OWN_TEMPLATE]) templates.add(template);
    db.createObjectStore('meta').add('c2FsdA==', FAN_SALT_KEY);
  },
  (_db, tx) => {
    const templates = tx.objectStore('templates');
    const shipped = V5_DEFAULT_TEMPLATES.map((template) => template.id);
    templates.getAll().onsuccess = (event) => {
      for (const template of (event.target as IDBRequest<Array<{ id: string }>>).result) {
        const position = shipped.indexOf(template.id);
        templates.put({ ...template, position: position === -1 ? shipped.length : position });
      }
    };
  },
  (db) => {
    db.createObjectStore('uploads', { keyPath: ['uploadId', 'part'] }).createIndex('byStoredAt', 'storedAt');
  },
  (_db, tx) => {
    tx.objectStore('outreach').createIndex('byTeam', 'team');
  },
  (db) => {
    db.createObjectStore('teamFans', { keyPath: ['pageId', 'fanKey'] });
  },
  (db) => {
    db.createObjectStore('teamOutbox', { keyPath: ['pageId', 'kind', 'subject'] });
  },
  // Versions 11 and 12 changed data only.
  () => undefined,
  () => undefined,
  (db) => {
    const sightings = db.createObjectStore('sightings', { keyPath: ['pageId', 'commentKey'] });
    sightings.createIndex('byPageTime', ['pageId', 'at']);
    sightings.createIndex('byPageFan', ['pageId', 'fanKey']);
    sightings.createIndex('byAt', 'at');
  },
];

const OWN_TEMPLATE = {
  id: 'own-1',
  category: 'care',
  language: 'it',
  title: 'Ordine',
  body: 'Ciao {first_name}',
} as const;
const DO_NOT_CONTACT = { pageId: 'page-1', fanId: 'fan-7', name: 'Fan 7', doNotContact: true, updatedAt: T };
const SAVED_SETTINGS = { ...DEFAULT_POLICY_SETTINGS, fanWindowDays: 10, timeZone: 'Europe/Rome' };

/**
 * Writes a database exactly as `version` of the extension left it, with the log's entries and, from
 * the versions that had them, a fan marked "do not contact" and saved settings.
 */
async function createVersion(version: number, entries: OutreachEntry[]): Promise<void> {
  const db = await openDB(DATABASE_NAME, version, {
    upgrade(raw, oldVersion, _newVersion, tx) {
      for (const step of HISTORICAL_STEPS.slice(oldVersion, version)) step(unwrap(raw), unwrap(tx));
    },
  });
  const stores = [...db.objectStoreNames];
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all(entries.map((entry) => tx.objectStore('outreach').add(entry)));
  if (stores.includes('fans')) await tx.objectStore('fans').add(DO_NOT_CONTACT);
  if (stores.includes('settings')) await tx.objectStore('settings').add(SAVED_SETTINGS, 'policy');
  await tx.done;
  db.close();
}

const createVersion1 = (entries: OutreachEntry[]) => createVersion(1, entries);

beforeEach(freshIndexedDB);

describe('schema migrations', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])(
    `version %i with ${OLD_ENTRIES.toLocaleString('en')} entries upgrades to the current version with everything intact`,
    async (version) => {
      const entries = Array.from({ length: OLD_ENTRIES }, (_, index) => v1Entry(index));
      await createVersion(version, entries);

      const db = await openDatabase();
      expect(db.version).toBe(DATABASE_VERSION);
      const stored = await db.getAll('outreach');
      expect(new Map(stored.map((entry) => [entry.id, entry]))).toEqual(
        new Map(entries.map((entry) => [entry.id, entry])),
      );
      // Every index answers for old data: interrupted deliveries, one fan's history, one Page's day.
      expect(await db.countFromIndex('outreach', 'byStatus', 'reserved')).toBe(OLD_ENTRIES / 10);
      const fanRange = IDBKeyRange.bound(['page-1', 'fan-1', -Infinity], ['page-1', 'fan-1', Infinity]);
      expect(await db.countFromIndex('outreach', 'byPageFanTime', fanRange)).toBe(
        entries.filter((entry) => entry.pageId === 'page-1' && entry.fanId === 'fan-1').length,
      );
      const dayRange = IDBKeyRange.bound(['page-0', T - DAY_MS], ['page-0', Infinity], true);
      expect(await db.countFromIndex('outreach', 'byPageTime', dayRange)).toBe(
        entries.filter((entry) => entry.pageId === 'page-0' && entry.createdAt > T - DAY_MS).length,
      );
      expect(await db.getAll('fans')).toEqual(version >= 3 ? [DO_NOT_CONTACT] : []);
      expect(await db.get('settings', 'policy')).toEqual(version >= 4 ? SAVED_SETTINGS : undefined);
      // Version 5 started the editable templates from the defaults and salted forgotten fans' ids;
      // version 6 gave every template a position, the defaults in their shipped order.
      const templates = await db.getAll('templates');
      expect(templates.filter((template) => template.id.startsWith('default-'))).toEqual(
        [...DEFAULT_TEMPLATES].sort((a, b) => a.id.localeCompare(b.id)),
      );
      if (version >= 5) {
        expect(templates.find((template) => template.id === OWN_TEMPLATE.id)).toEqual({
          ...OWN_TEMPLATE,
          position: DEFAULT_TEMPLATES.length,
        });
      }
      expect(await db.get('meta', FAN_SALT_KEY)).toMatch(/^[A-Za-z0-9+/]+=*$/);
      // Version 7 added the (empty) staging store for backups arriving in parts; version 8 the index of
      // entries the team server is still to be told of, where no old entry belongs.
      expect(await db.count('uploads')).toBe(0);
      expect(await db.countFromIndex('outreach', 'byTeam', 'pending')).toBe(0);
      // Version 9 added the (empty) copy of a team's per-fan documents.
      expect(await db.count('teamFans')).toBe(0);
      // Version 10's outbox holds nothing an old log had not promised a team.
      expect(await db.count('teamOutbox')).toBe(0);
      // Version 13 added the (empty) store of fans' comments seen; version 14 keeps them in chunks.
      expect(await db.count('sightingChunks')).toBe(0);
      expect([...db.transaction('sightingChunks').store.indexNames].sort()).toEqual([
        'byComment',
        'byFrom',
        'byPageUntil',
      ]);
      expect([...db.objectStoreNames]).not.toContain('sightings');
      db.close();
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  test('the comments seen that version 13 kept one per record are all there in chunks, each comment once', async () => {
    await createVersion(13, []);
    const old = await openDB(DATABASE_NAME, 13);
    const sightings = Array.from({ length: OLD_SIGHTINGS }, (_, index) => v13Sighting(index));
    const tx = old.transaction('sightings', 'readwrite');
    await Promise.all(sightings.map((sighting) => tx.store.add(sighting)));
    await tx.done;
    old.close();

    const db = await openDatabase();
    const chunks = await db.getAll('sightingChunks');
    const kept = chunks.flatMap(sightingsOf);
    const byComment = (a: { commentKey: string }, b: { commentKey: string }) =>
      a.commentKey.localeCompare(b.commentKey);
    expect(kept.sort(byComment)).toEqual(sightings.sort(byComment));
    // Fewer records than comments: a post's comments share them, CHUNK_SIZE at most.
    expect(chunks.length).toBeLessThan(OLD_SIGHTINGS / 10);
    expect(await db.countFromIndex('sightingChunks', 'byComment')).toBe(OLD_SIGHTINGS);
    expect(await loadSightings(db, 'page-1', T - DAY_MS)).toEqual(
      sightings
        .filter((sighting) => sighting.pageId === 'page-1' && sighting.at >= T - DAY_MS)
        .sort((a, b) => a.at - b.at),
    );
    db.close();
  });

  test('what waited for a team in version 9 (marks, notes, forgets in meta; pending contacts) moves into the one outbox', async () => {
    const pending = { ...v1Entry(1), pageId: 'page-1', team: 'pending' as const };
    await createVersion(9, [v1Entry(0), pending]);
    const old = await openDB(DATABASE_NAME, 9);
    const lists = {
      'teamMarks:page-1': [{ fanId: 'fan-3', on: true, at: T }],
      'teamNotes:page-1': [{ fanId: 'fan-4', fanName: 'Fan 4', text: 'Loyal since 2019', at: T }],
      'teamForgets:page-1': [{ fanKey: 'k5', entryIds: ['e5'] }],
      'teamNotes:page-2': 'not a list',
    };
    for (const [key, list] of Object.entries(lists)) await old.put('meta', JSON.stringify(list), key);
    await old.put('meta', '42', 'teamSeq:page-1');
    old.close();

    const db = await openDatabase();
    expect(await db.getAll('teamOutbox')).toEqual([
      {
        pageId: 'page-1',
        kind: 'contact',
        subject: pending.id,
        version: `copied@${pending.updatedAt}`,
        at: pending.updatedAt,
      },
      { pageId: 'page-1', kind: 'forget', subject: 'k5', entryIds: ['e5'], at: 0, version: 'v9' },
      { pageId: 'page-1', kind: 'mark', subject: 'fan-3', on: true, at: T, version: 'v9' },
      {
        pageId: 'page-1',
        kind: 'note',
        subject: 'fan-4',
        fanName: 'Fan 4',
        text: 'Loyal since 2019',
        at: T,
        version: 'v9',
      },
    ]);
    const keys = await db.getAllKeys('meta');
    expect(keys.filter((key) => /^team(Marks|Notes|Forgets):/.test(key))).toEqual([]);
    expect(await db.get('meta', 'teamSeq:page-1')).toBe('42');
    db.close();
  });

  test('a fan’s team document kept by version 10 keeps its “do not contact” mark as one mark, and a lift as none', async () => {
    await createVersion(10, []);
    const old = await openDB(DATABASE_NAME, 10);
    const contact = { c: 'e1', comment: '101', cat: 'thanks', at: T, by: 'Bea', st: 'sent' };
    await old.put('teamFans', {
      pageId: 'page-1',
      fanKey: 'k1',
      recent: [contact],
      dnc: { on: true, by: 'Bea', at: T },
    });
    await old.put('teamFans', {
      pageId: 'page-1',
      fanKey: 'k2',
      recent: [],
      dnc: { on: false, by: 'Ann', at: T },
    });
    await old.put('teamFans', { pageId: 'page-1', fanKey: 'k3', recent: [], dnc: null });
    old.close();

    const db = await openDatabase();
    expect(await db.getAll('teamFans')).toEqual([
      {
        pageId: 'page-1',
        fanKey: 'k1',
        recent: [contact],
        marks: [{ id: 'v10:Bea', by: 'Bea', at: T }],
        lifts: [],
      },
      { pageId: 'page-1', fanKey: 'k2', recent: [], marks: [], lifts: [] },
      { pageId: 'page-1', fanKey: 'k3', recent: [], marks: [], lifts: [] },
    ]);
    db.close();
  });

  test('templates teams shared in version 11 become those teams’, one per team; the rest stay the admin’s own', async () => {
    await createVersion(11, []);
    const old = await openDB(DATABASE_NAME, 11);
    const synced = (ids: string[]) => JSON.stringify(ids.map((id) => [id, { rev: '1-a', signature: 'x' }]));
    await old.put('meta', synced(['default-thanks-1-en', 'giveaway']), 'teamTemplates:acme');
    await old.put('meta', synced(['giveaway']), 'teamTemplates:other');
    await old.put('templates', { ...OWN_TEMPLATE, id: 'giveaway', position: 20 });
    old.close();

    const db = await openDatabase();
    const templates = await db.getAll('templates');
    expect(templates.find((template) => template.id === 'default-thanks-1-en')?.team).toEqual({
      pageId: 'acme',
      id: 'default-thanks-1-en',
    });
    const giveaways = templates.filter(
      (template) => template.title === OWN_TEMPLATE.title && template.position === 20,
    );
    expect(
      giveaways.map((template) => template.team).sort((a, b) => a!.pageId.localeCompare(b!.pageId)),
    ).toEqual([
      { pageId: 'acme', id: 'giveaway' },
      { pageId: 'other', id: 'giveaway' },
    ]);
    expect(templates.find((template) => template.id === 'default-promo-1-en')?.team).toBeUndefined();
    db.close();
  });

  test('the v5 step seeds a frozen copy of the defaults in v5’s shape, not today’s defaults', () => {
    expect(V5_DEFAULT_TEMPLATES.every((template) => !('position' in template))).toBe(true);
    expect(V5_DEFAULT_TEMPLATES.map((template) => template.id)).toEqual(
      DEFAULT_TEMPLATES.map((template) => template.id),
    );
  });

  test('after the upgrade the old log keeps enforcing the limits and old reservations are settled', async () => {
    await createVersion1([v1Entry(0), v1Entry(1)]);
    const db = await openDatabase();
    const { id, createdAt, updatedAt, status, commentSlot, ...draft } = v1Entry(1);
    const { verdict } = await reserveOutreach(
      db,
      { ...draft, commentId: '999999', category: 'warning' },
      DEFAULT_POLICY_SETTINGS,
      T + DAY_MS,
    );
    expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window' });
    expect(await markInterrupted(db, T + DAY_MS, { reservedMs: 120_000, preparedMs: 120_000 })).toBe(1);
    expect((await db.get('outreach', v1Entry(0).id))?.status).toBe('unknown');
    db.close();
  });
});
