import type { IDBPObjectStore, StoreNames } from 'idb';
import type { z } from 'zod';
import { t } from '../../shared/i18n';
import { MAX_TEMPLATE_TITLE, TemplateSchema, type Template } from '../../shared/templates';
import { MAX_IMPORTED_TEMPLATES } from '../../shared/export-document';
import { withDatabase } from '../storage/database';
import { type OutreachSchema } from '../storage/schema';
import { listTemplates } from '../compose/template-store';
import { couchPath, couchRequest } from './couch-http';
import { TEAM_SCHEMA } from './design-document';
import type { Membership } from './membership';
import { interpret } from './answers';
import { teamKeys } from './local-state';
import { readMetaIn, readStored, writeMetaIn } from '../storage/stored';

/**
 * One template shared by a team (`template:<id>`): what an admin edits, less its place in their own
 * list, which stays theirs. `by` is who wrote this revision.
 */
export interface TemplateDocument extends Omit<Template, 'id' | 'position' | 'team'> {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: 'template';
  schema: number;
  templateId: string;
  by: string;
}

/** The server's revision of each shared template this browser last agreed with, and what it said. */
type Synced = Map<string, { rev: string; signature: string }>;

const TEMPLATE_PREFIX = 'template:';
const templateDocId = (id: string) => `${TEMPLATE_PREFIX}${id}`;

/** What a template says: two templates with the same signature are the same to a teammate. */
const signature = ({ category, language, title, body }: Omit<Template, 'id' | 'position' | 'team'>) =>
  JSON.stringify([category, language, title, body]);

const readSynced = (stored: Array<[string, { rev: string; signature: string }]> | null): Synced =>
  new Map(stored ?? []);

export const isTemplateChange = (id: string) => id.startsWith(TEMPLATE_PREFIX);

/** The templates this browser shares with the team of `pageId`, by their id on the team's server. */
const sharedWith = (templates: readonly Template[], pageId: string) =>
  new Map(
    templates.flatMap((template) =>
      template.team?.pageId === pageId ? [[template.team.id, template] as const] : [],
    ),
  );

/**
 * Tells the team the templates this browser shares with it (and only those: a template is shared per
 * Page) that it changed, created or deleted since it last agreed with the server, each over the
 * revision it last saw. A refused write means a teammate changed that template first: the next pull
 * brings their version and keeps this one as a copy. False when the server did not answer.
 */
export async function tellTemplates(membership: Membership): Promise<boolean> {
  const { templates, synced } = await withDatabase(async (db) => ({
    templates: sharedWith(await listTemplates(db), membership.pageId),
    synced: readSynced(await readStored(teamKeys.templates, membership.pageId)),
  }));
  const changed = [...templates].filter(
    ([id, template]) => synced.get(id)?.signature !== signature(template),
  );
  const deleted = [...synced].filter(([id]) => !templates.has(id));
  const docs = [
    ...changed.map(([id, template]) =>
      templateDocumentOf(id, template, membership.user, synced.get(id)?.rev),
    ),
    ...deleted.map(([id, { rev }]) => ({ _id: templateDocId(id), _rev: rev, _deleted: true })),
  ];
  if (docs.length === 0) return true;
  const answer = await interpret(
    membership,
    await couchRequest<Array<{ id: string; rev?: string; error?: string }>>(
      membership,
      'POST',
      couchPath(membership.database, '_bulk_docs'),
      { docs },
    ),
  );
  if (answer.kind !== 'ok') return false;
  const taken = new Map(
    answer.value.flatMap((result) => (result.rev && !result.error ? [[result.id, result.rev]] : [])),
  );
  await withDatabase(async (db) => {
    const tx = db.transaction('meta', 'readwrite');
    const now = readSynced(await readMetaIn(tx.store, teamKeys.templates, membership.pageId));
    for (const [id, template] of changed) {
      const rev = taken.get(templateDocId(id));
      if (rev) now.set(id, { rev, signature: signature(template) });
    }
    for (const [id] of deleted) if (taken.has(templateDocId(id))) now.delete(id);
    await writeMetaIn(tx.store, teamKeys.templates, [...now], membership.pageId);
    await tx.done;
  });
  return true;
}

function templateDocumentOf(
  id: string,
  template: Template,
  by: string,
  rev: string | undefined,
): TemplateDocument {
  const { id: _local, position: _position, team: _team, ...shared } = template;
  return {
    ...shared,
    _id: templateDocId(id),
    ...(rev ? { _rev: rev } : {}),
    type: 'template',
    schema: TEAM_SCHEMA,
    templateId: id,
    by,
  };
}

const SharedTemplateSchema = TemplateSchema.omit({ id: true, position: true, team: true });
type SharedTemplate = z.infer<typeof SharedTemplateSchema>;

/** A teammate's template, or null when the document is not one (checked like any input). */
function templateOfDocument(id: string, doc: unknown): SharedTemplate | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const { category, language, title, body, templateId } = doc as Record<string, unknown>;
  if (templateId !== id) return null;
  const parsed = SharedTemplateSchema.safeParse({ category, language, title, body });
  return parsed.success ? parsed.data : null;
}

type Store<Name extends 'templates' | 'meta'> = IDBPObjectStore<
  OutreachSchema,
  ArrayLike<StoreNames<OutreachSchema>>,
  Name,
  'readwrite'
>;

/**
 * Takes the team's versions of templates from a batch of its changes feed, inside the batch's
 * transaction. The server's version wins; an edit made here that it would overwrite is kept as a
 * copy, so no admin's words are lost to a concurrent edit.
 */
export async function mirrorTemplates(
  { templates, meta }: { templates: Store<'templates'>; meta: Store<'meta'> },
  pageId: string,
  changes: ReadonlyArray<{ id: string; rev: string; deleted: boolean; doc: unknown }>,
): Promise<string[]> {
  const refused: string[] = [];
  if (changes.length === 0) return refused;
  const synced = readSynced(await readMetaIn(meta, teamKeys.templates, pageId));
  const held = await templates.getAll();
  // Only this team's templates are ever touched: this browser's own, and other teams', never.
  const shared = sharedWith(held, pageId);
  let count = held.length;
  let next = Math.max(-1, ...held.map((template) => template.position)) + 1;
  for (const { id: docId, rev, deleted, doc } of changes) {
    const id = docId.slice(TEMPLATE_PREFIX.length);
    // This browser's own write, coming back.
    if (synced.get(id)?.rev === rev) continue;
    const server = deleted ? null : templateOfDocument(id, doc);
    if (!deleted && !server) {
      refused.push(docId);
      continue;
    }
    const local = shared.get(id);
    // No more templates than a backup keeps: a teammate's flood would make every backup unrestorable.
    if (server && !local && count >= MAX_IMPORTED_TEMPLATES) {
      refused.push(docId);
      continue;
    }
    if (server && !local) count += 1;
    const editedHere = local && signature(local) !== synced.get(id)?.signature;
    if (local && editedHere && (!server || signature(server) !== signature(local))) {
      await templates.put(keptCopy(local, next++));
      count += 1;
    }
    if (server) {
      const kept = { id: local?.id ?? crypto.randomUUID(), position: local?.position ?? next++ };
      const mirrored: Template = { ...server, ...kept, team: { pageId, id } };
      await templates.put(mirrored);
      shared.set(id, mirrored);
      synced.set(id, { rev, signature: signature(server) });
    } else {
      if (local) await templates.delete(local.id);
      shared.delete(id);
      synced.delete(id);
    }
  }
  await writeMetaIn(meta, teamKeys.templates, [...synced], pageId);
  return refused;
}

/**
 * This browser's version of a template a teammate changed first, under a new id and a marked title:
 * the admin's own, shared with no team until they share it again.
 */
function keptCopy(template: Template, position: number): Template {
  const suffixLength = t('templateKeptCopy', ['']).length;
  const title = template.title.slice(0, MAX_TEMPLATE_TITLE - suffixLength);
  const { team: _team, ...own } = template;
  return { ...own, id: crypto.randomUUID(), title: t('templateKeptCopy', [title]), position };
}
