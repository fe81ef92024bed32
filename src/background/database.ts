import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { FanRecord, OutreachEntry } from '../shared/outreach';
import type { PolicySettings } from '../shared/policy-settings';

export const DATABASE_NAME = 'page-outreach';

export interface OutreachSchema extends DBSchema {
  outreach: {
    key: string;
    value: OutreachEntry;
    indexes: {
      byPageFan: [string, string];
      byComment: string;
      byCommentSlot: string;
      byCreatedAt: number;
      byStatus: string;
    };
  };
  fans: {
    key: [string, string];
    value: FanRecord;
  };
  settings: {
    key: string;
    value: PolicySettings;
  };
}

export type OutreachDatabase = IDBPDatabase<OutreachSchema>;
type UpgradeTransaction = IDBPTransaction<OutreachSchema, StoreNames<OutreachSchema>[], 'versionchange'>;

/**
 * Schema migrations, one per version, run in order inside the single version-change transaction so an
 * upgrade either completes or leaves the previous version untouched. Never edit a released step: add one.
 */
const MIGRATIONS: ReadonlyArray<(db: OutreachDatabase, tx: UpgradeTransaction) => void> = [
  // v1: the outreach log, indexed for the policy's per-fan and per-comment lookups and the log view.
  (db) => {
    const outreach = db.createObjectStore('outreach', { keyPath: 'id' });
    outreach.createIndex('byPageFan', ['pageId', 'fanId']);
    outreach.createIndex('byComment', 'commentId');
    outreach.createIndex('byCommentSlot', 'commentSlot', { unique: true });
    outreach.createIndex('byCreatedAt', 'createdAt');
  },
  // v2: find interrupted deliveries (still `reserved`) without reading the whole log.
  (_db, tx) => {
    tx.objectStore('outreach').createIndex('byStatus', 'status');
  },
  // v3: what the Page knows about each fan (do not contact), keyed like the log's per-fan index.
  (db) => {
    db.createObjectStore('fans', { keyPath: ['pageId', 'fanId'] });
  },
  // v4: the admin's policy settings, one record per kind of setting.
  (db) => {
    db.createObjectStore('settings');
  },
];

export const DATABASE_VERSION = MIGRATIONS.length;

export function openDatabase(): Promise<OutreachDatabase> {
  return openDB<OutreachSchema>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(db, tx);
    },
    // An open connection must never hold up a newer version's upgrade: let it go.
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

/** Opens the database for one piece of work and closes it after: the worker keeps no connection. */
export async function withDatabase<T>(work: (db: OutreachDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
