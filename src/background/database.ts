import { openDB, unwrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { FanRecord, OutreachEntry } from '../shared/outreach';
import type { PolicySettings } from '../shared/policy-settings';
import type { CustomPlaceholders } from '../shared/placeholders';
import { DEFAULT_TEMPLATES, type Template } from '../shared/templates';
// The defaults as v5 shipped them (no `position` yet), frozen: today's defaults may change shape.
import V5_DEFAULT_TEMPLATES from './migrations/v5-default-templates.json';
import type { FanDocument } from './team/fan-document';
import { storageFailure, storageMissing, upgradeBlocked } from './storage-errors';

export const DATABASE_NAME = 'page-outreach';

export interface OutreachSchema extends DBSchema {
  outreach: {
    key: string;
    value: OutreachEntry;
    indexes: {
      byPageFanTime: [string, string, number];
      byPageTime: [string, number];
      byComment: string;
      byCommentSlot: string;
      byCreatedAt: number;
      byStatus: string;
      byTeam: string;
    };
  };
  fans: {
    key: [string, string];
    value: FanRecord;
  };
  /** One record per kind of setting: the policy's numbers under 'policy', custom placeholders under 'placeholders'. */
  settings: {
    key: string;
    value: PolicySettings | CustomPlaceholders;
  };
  templates: {
    key: string;
    value: Template;
  };
  /** Values the extension itself keeps, such as the salt of forgotten fans' ids. */
  meta: {
    key: string;
    value: string;
  };
  /** The team's per-fan documents as last pulled, by Page and fan key: what offline decisions see. */
  teamFans: {
    key: [string, string];
    value: MirroredFanDocument;
  };
  /** Parts of a backup file on its way in, until it is restored (see backup-uploads.ts). */
  uploads: {
    key: [string, number];
    value: UploadPart;
    indexes: { byStoredAt: number };
  };
}

export interface MirroredFanDocument extends FanDocument {
  pageId: string;
  fanKey: string;
}

export interface UploadPart {
  uploadId: string;
  part: number;
  text: string;
  storedAt: number;
}

/**
 * Key in `meta` of a Graph API connection the admin chose to remember (JSON, token included). It is
 * kept here rather than in `storage.local`, which content scripts can read, and no export includes it.
 */
export const GRAPH_CONNECTION_KEY = 'graphConnection';
/** Key in `meta` of the teams the admin asked this browser to remember (JSON, credentials included). */
export const TEAM_MEMBERSHIPS_KEY = 'teamMemberships';
/** Key in `meta` of the random salt that forgotten fans' ids are hashed with. */
export const FAN_SALT_KEY = 'fanSalt';
const FAN_SALT_BYTES = 32;

export type OutreachDatabase = IDBPDatabase<OutreachSchema>;

/**
 * Schema migrations, one per version, run in order inside the single version-change transaction so an
 * upgrade either completes or leaves the previous version untouched. Never edit a released step: add one.
 * They work on the raw IndexedDB objects, because today's schema type does not describe old versions.
 */
const MIGRATIONS: ReadonlyArray<(db: IDBDatabase, tx: IDBTransaction) => void> = [
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
  // v5: history reads bounded in time (per fan, per Page) so their cost follows the policy's windows,
  // not the log's size; editable templates, starting from the defaults; the salt for forgotten fans.
  (db, tx) => {
    const outreach = tx.objectStore('outreach');
    outreach.deleteIndex('byPageFan');
    outreach.createIndex('byPageFanTime', ['pageId', 'fanId', 'createdAt']);
    outreach.createIndex('byPageTime', ['pageId', 'createdAt']);
    const templates = db.createObjectStore('templates', { keyPath: 'id' });
    for (const template of V5_DEFAULT_TEMPLATES) templates.add(template);
    const salt = crypto.getRandomValues(new Uint8Array(FAN_SALT_BYTES));
    db.createObjectStore('meta').add(btoa(String.fromCharCode(...salt)), FAN_SALT_KEY);
  },
  // v6: templates can be reordered: each gets a position, the defaults in their shipped order.
  (_db, tx) => {
    const shipped = new Map(DEFAULT_TEMPLATES.map((template) => [template.id, template.position]));
    let next = DEFAULT_TEMPLATES.length;
    tx.objectStore('templates').openCursor().onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const template = cursor.value as Omit<Template, 'position'> & { position?: number };
      if (template.position === undefined) {
        cursor.update({ ...template, position: shipped.get(template.id) ?? next++ });
      }
      cursor.continue();
    };
  },
  // v7: a backup file arrives in parts (one message could not hold it), kept here until restored.
  (db) => {
    const uploads = db.createObjectStore('uploads', { keyPath: ['uploadId', 'part'] });
    uploads.createIndex('byStoredAt', 'storedAt');
  },
  // v8: team mode: find this browser's entries the team server has still to be told of.
  (_db, tx) => {
    tx.objectStore('outreach').createIndex('byTeam', 'team');
  },
  // v9: team mode: a copy of the team's per-fan documents, so a send decided offline sees them.
  (db) => {
    db.createObjectStore('teamFans', { keyPath: ['pageId', 'fanKey'] });
  },
];

export const DATABASE_VERSION = MIGRATIONS.length;

/**
 * Opens the database at the current version, upgrading it if needed. Refuses with a clear error, rather
 * than waiting forever, when IndexedDB is missing or an old connection holds up the upgrade.
 * `onLost` is called when the connection closes by itself: a newer version wants it gone, or the
 * browser closed it.
 */
export async function openDatabase(onLost: () => void = () => undefined): Promise<OutreachDatabase> {
  if (typeof indexedDB === 'undefined') throw storageMissing();
  let rejectBlocked: (error: Error) => void = () => undefined;
  const blocked = new Promise<never>((_resolve, reject) => (rejectBlocked = reject));
  const opening = openDB<OutreachSchema>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(unwrap(db), unwrap(tx));
    },
    // An open connection must never hold up a newer version's upgrade: let it go.
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
      onLost();
    },
    blocked() {
      rejectBlocked(upgradeBlocked());
    },
    terminated: onLost,
  });
  // If the upgrade goes through after all, the connection it opens must not be left open.
  blocked.catch(
    () =>
      void opening.then(
        (db) => db.close(),
        () => undefined,
      ),
  );
  return Promise.race([opening, blocked]);
}

/**
 * The worker's connection, per IndexedDB factory. A cache, not state: everything lives in the
 * database, and a worker that dies simply opens it again. Opening costs grow with the database
 * (measured: +1.5 ms per request at 100,000 entries), so requests share one connection.
 */
const connections = new WeakMap<IDBFactory, Promise<OutreachDatabase>>();

function connection(): Promise<OutreachDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(storageMissing());
  const factory = indexedDB;
  let opened = connections.get(factory);
  if (!opened) {
    const opening = openDatabase(() => forget());
    const forget = () => {
      if (connections.get(factory) === opening) connections.delete(factory);
    };
    // A failed open is not cached: the next request tries again.
    opening.catch(forget);
    connections.set(factory, opening);
    opened = opening;
  }
  return opened;
}

/**
 * Runs one piece of work on the database. Storage failures (quota, IndexedDB unavailable, blocked
 * upgrade) become clear refusals.
 */
export async function withDatabase<T>(work: (db: OutreachDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(await connection());
  } catch (error) {
    throw storageFailure(error) ?? error;
  }
}
