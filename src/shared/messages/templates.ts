import { z } from 'zod';
import { BACKUP_PART_CHARS } from '../backup-parts';
import { ImportModeSchema, MAX_IMPORTED_TEMPLATES, TemplatesExportSchema } from '../export-document';
import { TemplateSchema } from '../templates';
import { defineMessage, done } from './define';

/** More parts than any backup the log's size limit allows has (about 60 MB at 8 Mi characters each). */
const MAX_BACKUP_PARTS = 100;
const backupPart = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_BACKUP_PARTS - 1);
const templates = z.strictObject({ templates: z.array(TemplateSchema) });

export const templatesList = defineMessage('templates/list', {}, templates);

/** Creates a template (its position is chosen by the background) or updates one. */
export const templatesSave = defineMessage(
  'templates/save',
  { template: TemplateSchema },
  z.strictObject({ template: TemplateSchema }),
);

export const templatesDelete = defineMessage('templates/delete', { id: TemplateSchema.shape.id }, done);

export const templatesReorder = defineMessage(
  'templates/reorder',
  { ids: z.array(TemplateSchema.shape.id).max(MAX_IMPORTED_TEMPLATES) },
  templates,
);

export const templatesExport = defineMessage(
  'templates/export',
  {},
  z.strictObject({ document: TemplatesExportSchema }),
);

/** The file is checked by the background against TemplatesExportSchema, naming what is wrong. */
export const templatesImport = defineMessage(
  'templates/import',
  { document: z.unknown(), mode: ImportModeSchema },
  z.strictObject({ templates: z.number().int().nonnegative(), settings: z.boolean() }),
);

/**
 * One part of the backup's text (see backup-parts.ts); every part of one backup is asked for with the
 * same `exportedAt`, and the reply's digest of the whole text tells whether the parts fit together.
 */
export const backupExport = defineMessage(
  'backup/export',
  { part: backupPart, exportedAt: z.number().int().nonnegative() },
  z.strictObject({
    text: z.string(),
    part: z.number().int().nonnegative(),
    parts: z.number().int().positive(),
    digest: z.string(),
  }),
);

/** One part of a backup file's text, kept by the background until `backup/restore` names its upload. */
export const backupUpload = defineMessage(
  'backup/upload',
  { uploadId: z.uuid(), part: backupPart, text: z.string().max(BACKUP_PART_CHARS) },
  done,
);

/**
 * Restores the file uploaded in `parts` parts: joined, parsed and checked by the background against
 * BackupSchema, naming what is wrong.
 */
export const backupRestore = defineMessage(
  'backup/restore',
  { uploadId: z.uuid(), parts: z.number().int().min(1).max(MAX_BACKUP_PARTS), mode: ImportModeSchema },
  z.strictObject({ entries: z.number().int().nonnegative() }),
);

/** Files in and out: the templates and settings file, and whole backups. */
export const TEMPLATE_MESSAGES = [
  templatesList,
  templatesSave,
  templatesDelete,
  templatesReorder,
  templatesExport,
  templatesImport,
  backupExport,
  backupUpload,
  backupRestore,
] as const;
