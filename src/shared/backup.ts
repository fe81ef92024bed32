import { z } from 'zod';
import { MAX_IMPORTED_TEMPLATES } from './export-document';
import {
  CORRECTION_LABELS,
  MAX_ANSWERED_KEPT,
  MAX_CORRECTIONS_KEPT,
  MAX_FAN_NAME,
  MAX_FAN_NOTES,
  MAX_LOG_ENTRIES,
  OutreachEntrySchema,
} from './outreach';
import { PageLanguagesSchema } from './page-language';
import { COMMENT_EXCERPT_LENGTH, CustomPlaceholdersSchema } from './placeholders';
import { PolicySettingsSchema } from './policy-settings';
import { MAX_SIGHTINGS, SightingRecordSchema } from './sightings';
import { TemplateSchema } from './templates';

export const BACKUP_FORMAT = 'page-outreach/backup';
export const BACKUP_VERSION = 1;
const MAX_BACKUP_FANS = 100_000;

const FanRecordSchema = z.strictObject({
  pageId: z.string().max(2000),
  fanId: z.string().max(2000),
  name: z.string().max(MAX_FAN_NAME),
  profileUrl: z.string().max(2000).optional(),
  doNotContact: z.boolean(),
  updatedAt: z.number().int().nonnegative(),
  notes: z.string().max(MAX_FAN_NOTES).optional(),
  notesAt: z.number().int().nonnegative().optional(),
  unavailableAt: z.number().int().nonnegative().optional(),
  answered: z
    .array(z.strictObject({ commentId: z.string().max(2000), at: z.number().int().nonnegative() }))
    .max(MAX_ANSWERED_KEPT)
    .optional(),
  corrections: z
    .array(
      z.strictObject({
        commentId: z.string().max(2000),
        text: z.string().max(COMMENT_EXCERPT_LENGTH),
        label: z.enum(CORRECTION_LABELS),
        at: z.number().int().nonnegative(),
      }),
    )
    .max(MAX_CORRECTIONS_KEPT)
    .optional(),
});

/** Everything the extension stores, as one file: restoring it into a new browser loses nothing. */
export const BackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** The database version that wrote it; a newer one than this build knows is refused. */
  schemaVersion: z.number().int().positive(),
  exportedAt: z.iso.datetime(),
  outreach: z.array(OutreachEntrySchema).max(MAX_LOG_ENTRIES),
  fans: z.array(FanRecordSchema).max(MAX_BACKUP_FANS),
  templates: z.array(TemplateSchema).max(MAX_IMPORTED_TEMPLATES),
  settings: PolicySettingsSchema,
  placeholders: CustomPlaceholdersSchema,
  /** The language chosen for each Page's messages (absent from backups older than the choice). */
  pageLanguages: PageLanguagesSchema.optional(),
  /** Fans' comments seen, under salted keys (absent from backups older than "did they come back?"). */
  sightings: z.array(SightingRecordSchema).max(MAX_SIGHTINGS).optional(),
  /** The salt forgotten fans' aliases were made with, so their limits still hold after a restore. */
  fanSalt: z.string().min(1).max(200),
  /** What the comment triage may learn from (absent from backups older than the triage, and never set). */
  triageLearning: z
    .strictObject({ resetAt: z.number().int().nonnegative(), learnFromTeam: z.boolean() })
    .optional(),
});
export type Backup = z.infer<typeof BackupSchema>;
