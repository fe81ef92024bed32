import { DEFAULT_TEMPLATES, type Template } from '../../shared/templates';
// The defaults as v5 shipped them (no `position` yet), frozen: today's defaults may change shape.
import V5_DEFAULT_TEMPLATES from './migrations/v5-default-templates.json';
import { FAN_SALT_KEY } from './keys';

const FAN_SALT_BYTES = 32;

/**
 * Schema migrations, one per version, run in order inside the single version-change transaction so an
 * upgrade either completes or leaves the previous version untouched. Never edit a released step: add one.
 * They work on the raw IndexedDB objects, because today's schema type does not describe old versions.
 */
export const MIGRATIONS: ReadonlyArray<(db: IDBDatabase, tx: IDBTransaction) => void> = [
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
