import { DEFAULT_TEMPLATES, type Template } from '../../shared/templates';
// The defaults as v5 shipped them (no `position` yet), frozen: today's defaults may change shape.
import V5_DEFAULT_TEMPLATES from './migrations/v5-default-templates.json';
import type { OutreachEntry } from '../../shared/outreach';
import type { OutboxItem } from './schema';
import type { SightingRecord } from '../../shared/sightings';
import { chunksOf } from '../discretion/sighting-chunks';

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
    // The key as v5 named it (KEYS.fanSalt today).
    db.createObjectStore('meta').add(btoa(String.fromCharCode(...salt)), 'fanSalt');
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
  // v10: team mode: one outbox of what waits to be told, one record per item, in place of a JSON list
  // per kind in `meta` (a mark saved while a sync rewrote its list was lost) and of the log's flags.
  (db, tx) => {
    const outbox = db.createObjectStore('teamOutbox', { keyPath: ['pageId', 'kind', 'subject'] });
    const meta = tx.objectStore('meta');
    meta.openCursor().onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      for (const item of outboxItemsOf(String(cursor.key), cursor.value as string)) outbox.put(item);
      if (LEGACY_LISTS.some((prefix) => String(cursor.key).startsWith(prefix))) cursor.delete();
      cursor.continue();
    };
    tx.objectStore('outreach').index('byTeam').openCursor('pending').onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const { pageId, id, status, updatedAt } = cursor.value as OutreachEntry;
      outbox.put({ pageId, kind: 'contact', subject: id, version: `${status}@${updatedAt}`, at: updatedAt });
      cursor.continue();
    };
  },
  // v11: team mode: "do not contact" is a set of marks and lifts that name them, in place of one mark
  // the latest clock decided; a kept copy's mark becomes one mark, and a kept lift none.
  (_db, tx) => {
    tx.objectStore('teamFans').openCursor().onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const { dnc, ...kept } = cursor.value as { dnc?: { on?: unknown; by?: unknown; at?: unknown } | null };
      const marked = dnc?.on === true && typeof dnc.by === 'string';
      const marks = marked ? [{ id: `v10:${String(dnc.by)}`, by: dnc.by, at: Number(dnc.at) || 0 }] : [];
      cursor.update({ ...kept, marks, lifts: [] });
      cursor.continue();
    };
  },
  // v12: templates are shared per Page. A template a team's server holds (by the list of those this
  // browser last agreed on with each team) is marked as that team's; one two teams shared becomes one
  // copy per team. Every other template is the admin's own, which no team sees.
  (_db, tx) => {
    const templates = tx.objectStore('templates');
    const lists = IDBKeyRange.bound(TEAM_TEMPLATES_PREFIX, `${TEAM_TEMPLATES_PREFIX}\uffff`);
    tx.objectStore('meta').openCursor(lists).onsuccess = (event) => {
      const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
      if (!cursor) return;
      const pageId = String(cursor.key).slice(TEAM_TEMPLATES_PREFIX.length);
      for (const id of sharedTemplateIds(cursor.value)) {
        templates.get(id).onsuccess = (got) => {
          const template = (got.target as IDBRequest<Template | undefined>).result;
          if (!template) return;
          const team = { pageId, id };
          templates.put(
            template.team ? { ...template, id: crypto.randomUUID(), team } : { ...template, team },
          );
        };
      }
      cursor.continue();
    };
  },
  // v13: fan comments seen, for "did they come back?": by Page and time, by fan, and by time alone.
  (db) => {
    const sightings = db.createObjectStore('sightings', { keyPath: ['pageId', 'commentKey'] });
    sightings.createIndex('byPageTime', ['pageId', 'at']);
    sightings.createIndex('byPageFan', ['pageId', 'fanKey']);
    sightings.createIndex('byAt', 'at');
  },
  // v14: sightings in chunks, a post's comments seen together in one record, since storing is paid per
  // record (see sighting-chunks.ts): each comment once, all Pages together, however many links reach it.
  // It writes chunks as today's chunksOf makes them: a change to their shape must add a step.
  (db, tx) => {
    const chunks = db.createObjectStore('sightingChunks', { keyPath: ['pageId', 'postKey', 'seq'] });
    chunks.createIndex('byComment', 'commentKeys', { multiEntry: true, unique: true });
    chunks.createIndex('byPageUntil', ['pageId', 'until']);
    chunks.createIndex('byFrom', 'from');
    tx.objectStore('sightings').getAll().onsuccess = (event) => {
      for (const chunk of chunksOf((event.target as IDBRequest<SightingRecord[]>).result)) chunks.add(chunk);
      db.deleteObjectStore('sightings');
    };
  },
];

/** Where v11 kept, per Page, the templates it last agreed on with that Page's team (KEYS.teamTemplates). */
const TEAM_TEMPLATES_PREFIX = 'teamTemplates:';

/** The template ids of one such list (JSON of [id, {rev, signature}] pairs); none if unreadable. */
function sharedTemplateIds(value: unknown): string[] {
  try {
    const list = JSON.parse(String(value)) as unknown;
    return Array.isArray(list)
      ? list.flatMap((pair) => (Array.isArray(pair) && typeof pair[0] === 'string' ? [pair[0]] : []))
      : [];
  } catch {
    return [];
  }
}

/** The `meta` lists v9 kept of what waited for a team, by key prefix (the Page's id follows). */
const LEGACY_LISTS = ['teamMarks:', 'teamNotes:', 'teamForgets:'] as const;

/** A v9 list's items as outbox records; anything unreadable is dropped, as v9 would have. */
function outboxItemsOf(key: string, value: string): OutboxItem[] {
  const prefix = LEGACY_LISTS.find((known) => key.startsWith(known));
  if (!prefix) return [];
  const pageId = key.slice(prefix.length);
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const version = 'v9';
  return list.flatMap((raw): OutboxItem[] => {
    const item = raw as Record<string, unknown>;
    if (prefix === 'teamMarks:' && typeof item.fanId === 'string' && typeof item.on === 'boolean')
      return [{ pageId, kind: 'mark', subject: item.fanId, on: item.on, at: Number(item.at) || 0, version }];
    if (prefix === 'teamNotes:' && typeof item.fanId === 'string' && typeof item.text === 'string')
      return [
        {
          pageId,
          kind: 'note',
          subject: item.fanId,
          fanName: String(item.fanName ?? ''),
          text: item.text,
          at: Number(item.at) || 0,
          version,
        },
      ];
    if (prefix === 'teamForgets:' && typeof item.fanKey === 'string' && Array.isArray(item.entryIds))
      return [
        {
          pageId,
          kind: 'forget',
          subject: item.fanKey,
          entryIds: item.entryIds.filter((id): id is string => typeof id === 'string'),
          at: 0,
          version,
        },
      ];
    return [];
  });
}

export const DATABASE_VERSION = MIGRATIONS.length;
