import { z } from 'zod';
import { CustomPlaceholdersSchema } from './placeholders';
import { PolicySettingsSchema } from './policy-settings';
import { TemplateSchema } from './templates';

export const TEMPLATES_EXPORT_FORMAT = 'page-outreach/templates-and-settings';
export const TEMPLATES_EXPORT_VERSION = 1;
/** Most templates one file may hold: far more than any Page uses, few enough to check at once. */
export const MAX_IMPORTED_TEMPLATES = 500;

/** A file of templates and policy settings, as exported and as accepted on import. */
export const TemplatesExportSchema = z.strictObject({
  format: z.literal(TEMPLATES_EXPORT_FORMAT),
  version: z.literal(TEMPLATES_EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  templates: z
    .array(TemplateSchema)
    .max(MAX_IMPORTED_TEMPLATES)
    .refine((templates) => new Set(templates.map((template) => template.id)).size === templates.length, {
      message: 'template ids must be unique',
    }),
  settings: PolicySettingsSchema.optional(),
  placeholders: CustomPlaceholdersSchema.optional(),
});
export type TemplatesExport = z.infer<typeof TemplatesExportSchema>;

/** Merge adds and updates; replace also removes the templates the file does not have. */
export const ImportModeSchema = z.enum(['merge', 'replace']);
export type ImportMode = z.infer<typeof ImportModeSchema>;
