import type { z } from 'zod';
import {
  TEMPLATES_EXPORT_FORMAT,
  TEMPLATES_EXPORT_VERSION,
  TemplatesExportSchema,
  type ImportMode,
  type TemplatesExport,
} from '../../shared/export-document';
import type { OutreachDatabase } from '../storage/schema';
import { RequestError } from '../request';
import {
  loadCustomPlaceholders,
  loadSavedSettings,
  PLACEHOLDERS_KEY,
  POLICY_KEY,
} from '../settings/settings-store';
import { listTemplates } from '../compose/template-store';
import { refuseOtherKind } from './file-kind';

/** Offending paths an import error lists, at most: enough to fix a file, short enough to read. */
const MAX_REPORTED_PATHS = 8;

export async function exportTemplatesAndSettings(
  db: OutreachDatabase,
  now: number,
): Promise<TemplatesExport> {
  const [templates, settings, placeholders] = await Promise.all([
    listTemplates(db),
    loadSavedSettings(db),
    loadCustomPlaceholders(db),
  ]);
  return {
    format: TEMPLATES_EXPORT_FORMAT,
    version: TEMPLATES_EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    templates,
    settings,
    placeholders,
  };
}

export function offendingPaths(error: z.ZodError): string {
  const paths = [...new Set(error.issues.map((issue) => issue.path.join('.') || '(file)'))];
  const listed = paths.slice(0, MAX_REPORTED_PATHS).join(', ');
  return paths.length > MAX_REPORTED_PATHS ? `${listed}, …` : listed;
}

/**
 * Imports a templates-and-settings file all or nothing: it is validated whole first, then written in
 * one transaction. Merging adds new templates after the existing ones and updates those with the same
 * id in place; replacing also removes the templates the file does not have.
 */
export async function importTemplatesAndSettings(
  db: OutreachDatabase,
  document: unknown,
  mode: ImportMode,
): Promise<{ templates: number; settings: boolean }> {
  refuseOtherKind(document, TEMPLATES_EXPORT_FORMAT);
  const parsed = TemplatesExportSchema.safeParse(document);
  if (!parsed.success)
    throw new RequestError('invalid-request', 'errorImportInvalid', [offendingPaths(parsed.error)]);
  const { templates, settings, placeholders } = parsed.data;
  const tx = db.transaction(['templates', 'settings'], 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('templates');
  const existing = mode === 'replace' ? [] : await store.getAll();
  if (mode === 'replace') await store.clear();
  const kept = new Map(existing.map((template) => [template.id, template.position]));
  let next = Math.max(-1, ...existing.map((template) => template.position)) + 1;
  const ordered = [...templates].sort((a, b) => a.position - b.position);
  await Promise.all([
    ...ordered.map((template, index) =>
      store.put({ ...template, position: mode === 'replace' ? index : (kept.get(template.id) ?? next++) }),
    ),
    ...(settings ? [tx.objectStore('settings').put(settings, POLICY_KEY)] : []),
    ...(placeholders ? [tx.objectStore('settings').put(placeholders, PLACEHOLDERS_KEY)] : []),
  ]);
  await tx.done;
  return { templates: templates.length, settings: settings !== undefined };
}
