import { z } from 'zod';
import { SURFACES, type Surface } from './surface';
import { commentFields, CommentContextSchema, type CommentContext } from './comment-context';
import type { FanStatus } from './fan-status';
import { FAILED_SIGNALS, MAX_MESSAGE_LENGTH, MAX_STATUS_BATCH } from './limits';
import {
  CategorySchema,
  ComposerOutcomeSchema,
  DeliveryOutcomeSchema,
  OutreachEntrySchema,
  MAX_FAN_NOTES,
  MAX_OVERRIDE_REASON,
  MIN_OVERRIDE_REASON,
  type Category,
  type OutreachEntry,
  type Verdict,
} from './outreach';
import { PolicySettingsSchema, type PolicySettings } from './policy-settings';
import { CustomPlaceholdersSchema, type CustomPlaceholders } from './placeholders';
import type { ConnectedPage, GraphError, GraphPause } from './graph';
import { TemplateSchema, type Template } from './templates';
import { ImportModeSchema, MAX_IMPORTED_TEMPLATES, type TemplatesExport } from './export-document';
import { BACKUP_PART_CHARS } from './backup-parts';
import { TeamMemberNameSchema, type TeamView } from './team';

/**
 * The message protocol between the extension's parts: one discriminated union per direction, parsed
 * by the background before anything else happens. These schemas are the only source of the types.
 */

// Extension CSPs forbid eval: without this, zod probes `new Function` and every extension page
// reports a securitypolicyviolation on its first parse.
z.config({ jitless: true });

const commentId = commentFields.commentId;
const entryId = z.uuid();
const fanKeyPart = z.string().min(1).max(2000);
/** Shortest and longest Page access token accepted: Facebook's are some 200 characters. */
const MIN_GRAPH_TOKEN = 20;
const MAX_GRAPH_TOKEN = 1000;
/** Most log entries one request returns: enough to fill the log quickly, small enough to pass fast. */
export const MAX_LOG_PAGE = 5000;
/** More parts than any backup the log's size limit allows has (about 60 MB at 8 Mi characters each). */
const MAX_BACKUP_PARTS = 100;
const backupPart = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_BACKUP_PARTS - 1);
/** Most admins one team set-up invites; a Page has a handful, an agency's a few dozen. */
const MAX_TEAM_MEMBERS = 50;
const teamText = z.string().trim().min(1).max(200);

/** Sent by the content script on facebook.com: untrusted, and never allowed to send anything itself. */
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('target/select'),
    comment: CommentContextSchema,
    /** Where the admin chose the compose view to open (see surface.ts). */
    surface: z.enum(SURFACES).optional(),
  }),
  z.strictObject({
    type: z.literal('page/health'),
    failedSignal: z.enum(FAILED_SIGNALS).nullable(),
  }),
  z.strictObject({
    type: z.literal('fans/status'),
    fans: z
      .array(
        z.strictObject({
          pageId: commentFields.pageId,
          fanId: commentFields.authorId,
        }),
      )
      .min(1)
      .max(MAX_STATUS_BATCH),
  }),
  /** How a message this tab put in Facebook's message box ended; only that tab may say so. */
  z.strictObject({
    type: z.literal('composer/outcome'),
    entryId,
    outcome: ComposerOutcomeSchema,
    /** What Facebook's box really sent, when the admin edited the text there. */
    sentText: z.string().min(1).max(MAX_MESSAGE_LENGTH).optional(),
  }),
]);

/** Sent by the extension's own pages (popup, options, log). */
export const PopupToBackgroundSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('popup/open') }),
  z.strictObject({ type: z.literal('popup/refine') }),
  /** On a team's Page: syncs its team now, so the templates and the sync state shown are fresh. */
  z.strictObject({ type: z.literal('popup/sync') }),
  z.strictObject({
    type: z.literal('outreach/reserve'),
    commentId,
    category: CategorySchema,
    templateId: z.string().min(1).max(200),
    text: z.string().trim().min(1).max(2000),
    /** Send despite a soft rule; the reason is kept with the entry. */
    override: z
      .strictObject({ reason: z.string().trim().min(MIN_OVERRIDE_REASON).max(MAX_OVERRIDE_REASON) })
      .optional(),
  }),
  /** Puts a reserved entry's text into Facebook's own message box, in the tab its comment is in. */
  z.strictObject({ type: z.literal('outreach/deliver'), entryId }),
  /** The clipboard delivery's outcome, when Facebook's message box could not take the text. */
  z.strictObject({ type: z.literal('outreach/confirm'), entryId, outcome: DeliveryOutcomeSchema }),
  /** Marks the picked comment's author "do not contact", or lifts it. */
  z.strictObject({ type: z.literal('fan/do-not-contact'), commentId, doNotContact: z.boolean() }),
  /** Saves the admins' notes about the picked comment's author. */
  z.strictObject({ type: z.literal('fan/notes'), commentId, notes: z.string().trim().max(MAX_FAN_NOTES) }),
  /** Erases the picked comment's author, leaving count-only tombstones so the limits still hold. */
  z.strictObject({ type: z.literal('fan/forget'), commentId }),
  /** The same from the log, for a fan picked there by Page and id. */
  z.strictObject({ type: z.literal('log/forget-fan'), pageId: fanKeyPart, fanId: fanKeyPart }),
  /** The newest entries first, a page at a time; `before` continues after the previous page. */
  z.strictObject({
    type: z.literal('log/list'),
    before: z.strictObject({ createdAt: z.number().int().nonnegative(), id: entryId }).optional(),
    limit: z.number().int().min(1).max(MAX_LOG_PAGE).optional(),
  }),
  /** One entry as it is now (null when it is gone), for a page patching the row a change named. */
  z.strictObject({ type: z.literal('log/get'), id: entryId }),
  z.strictObject({ type: z.literal('log/delete'), id: entryId }),
  /** Undo of a delete: the entry exactly as the delete returned it. */
  z.strictObject({ type: z.literal('log/restore'), entry: OutreachEntrySchema }),
  z.strictObject({ type: z.literal('templates/list') }),
  /** Creates a template (its position is chosen by the background) or updates one. */
  z.strictObject({ type: z.literal('templates/save'), template: TemplateSchema }),
  z.strictObject({ type: z.literal('templates/delete'), id: TemplateSchema.shape.id }),
  z.strictObject({
    type: z.literal('templates/reorder'),
    ids: z.array(TemplateSchema.shape.id).max(MAX_IMPORTED_TEMPLATES),
  }),
  z.strictObject({ type: z.literal('templates/export') }),
  /** The file is checked by the background against TemplatesExportSchema, naming what is wrong. */
  z.strictObject({ type: z.literal('templates/import'), document: z.unknown(), mode: ImportModeSchema }),
  /**
   * One part of the backup's text (see backup-parts.ts); every part of one backup is asked for with the
   * same `exportedAt`, and the reply's digest of the whole text tells whether the parts fit together.
   */
  z.strictObject({
    type: z.literal('backup/export'),
    part: backupPart,
    exportedAt: z.number().int().nonnegative(),
  }),
  /** One part of a backup file's text, kept by the background until `backup/restore` names its upload. */
  z.strictObject({
    type: z.literal('backup/upload'),
    uploadId: z.uuid(),
    part: backupPart,
    text: z.string().max(BACKUP_PART_CHARS),
  }),
  /**
   * Restores the file uploaded in `parts` parts: joined, parsed and checked by the background against
   * BackupSchema, naming what is wrong.
   */
  z.strictObject({
    type: z.literal('backup/restore'),
    uploadId: z.uuid(),
    parts: z.number().int().min(1).max(MAX_BACKUP_PARTS),
    mode: ImportModeSchema,
  }),
  /** Where "Send message" opens the compose view. */
  z.strictObject({ type: z.literal('surface/get') }),
  z.strictObject({ type: z.literal('surface/set'), surface: z.enum(SURFACES) }),
  z.strictObject({ type: z.literal('placeholders/get') }),
  z.strictObject({ type: z.literal('placeholders/set'), placeholders: CustomPlaceholdersSchema }),
  /** The Page connected to the Graph API, if any (never its token). */
  z.strictObject({ type: z.literal('graph/status') }),
  /** Checks a Page access token with Facebook and keeps it, for this session or (remember) for good. */
  z.strictObject({
    type: z.literal('graph/connect'),
    token: z
      .string()
      .trim()
      .min(MIN_GRAPH_TOKEN)
      .max(MAX_GRAPH_TOKEN)
      .regex(/^[\w.|-]+$/),
    remember: z.boolean(),
  }),
  z.strictObject({ type: z.literal('graph/disconnect') }),
  /** The teams this browser has joined (never their credentials) and the Pages it could make one for. */
  z.strictObject({ type: z.literal('team/status') }),
  /**
   * Sets up a Page's team on a CouchDB server with one of its server admins, whose password is used for
   * the set-up only; this browser joins as `owner`, and the other admins get invites.
   */
  z.strictObject({
    type: z.literal('team/create'),
    server: z.string().max(2000),
    adminName: teamText,
    adminPassword: z.string().min(1).max(1000),
    pageId: teamText,
    pageName: z.string().trim().max(200),
    owner: TeamMemberNameSchema,
    members: z.array(TeamMemberNameSchema).max(MAX_TEAM_MEMBERS),
    remember: z.boolean(),
  }),
  z.strictObject({ type: z.literal('team/join'), invite: z.string().max(10_000), remember: z.boolean() }),
  z.strictObject({ type: z.literal('team/leave'), pageId: teamText }),
  /**
   * The team's settings (its admins only): refuse sends the server cannot check, and optionally this
   * browser's limits for every admin.
   */
  z.strictObject({
    type: z.literal('team/settings'),
    pageId: teamText,
    strict: z.boolean(),
    useTheseLimits: z.boolean(),
  }),
  /** "Sync now": tells every joined team what waited in this browser. */
  z.strictObject({ type: z.literal('team/sync') }),
  /** Asks the server again whether it still accepts this admin (after a refusal it did not confirm). */
  z.strictObject({ type: z.literal('team/check'), pageId: teamText }),
  z.strictObject({ type: z.literal('settings/get') }),
  z.strictObject({ type: z.literal('settings/set'), settings: PolicySettingsSchema }),
]);

/**
 * Sent by the extension (its background, or its pages) to a facebook.com tab's content script. The
 * page cannot send these, so the content script trusts them; its answer is parsed like any message
 * that comes from a page.
 */
export const ExtensionToContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('composer/fill'), entryId, commentId, text: z.string().min(1) }),
  /** What Page Outreach sees of the comments in view; `outline` draws (or clears) their outlines. */
  z.strictObject({ type: z.literal('page/census'), outline: z.boolean() }),
  /** A page report of the comments in view and an open chat tab, sanitized (see page-report.ts). */
  z.strictObject({ type: z.literal('page/report') }),
]);

/** Why Facebook's own message box could not take the text; the clipboard takes over. */
export const COMPOSER_FAILURES = [
  /** The comment's tab is gone, or it is not the tab the comment was picked in any more. */
  'no-tab',
  /** The comment is no longer on the page. */
  'no-comment',
  /** Facebook shows no "Message" control beside the comment. */
  'no-control',
  /** The control did not open a message box in time. */
  'no-composer',
  /** The box already holds a draft, which is the admin's and is never overwritten. */
  'composer-busy',
  /** The box did not take the text as given. */
  'not-accepted',
] as const;
export type ComposerFailure = (typeof COMPOSER_FAILURES)[number];

export const ComposerFillReplySchema = z.discriminatedUnion('prepared', [
  z.strictObject({ prepared: z.literal(true) }),
  z.strictObject({ prepared: z.literal(false), reason: z.enum(COMPOSER_FAILURES) }),
]);
export type ComposerFillReply = z.infer<typeof ComposerFillReplySchema>;

/** How `outreach/deliver` went: through Facebook's message box in the tab, or the Graph API. */
export type DeliveryReply =
  | ({ via: 'box' } & ComposerFillReply)
  | {
      via: 'api';
      status: 'sent' | 'failed' | 'unknown';
      error?: GraphError;
      /** When Facebook asked the Page to slow down: when the Graph API is used again. */
      retryAt?: number;
    };

export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;
export type ExtensionToContent = z.infer<typeof ExtensionToContentSchema>;
export type PopupToBackground = z.infer<typeof PopupToBackgroundSchema>;
export type ToBackground = ContentToBackground | PopupToBackground;

export interface PendingTarget {
  comment: CommentContext;
  tabId: number;
  selectedAt: number;
}

/** A joined team as the popup shows it: who this admin is there, whether still in, how its sync stands. */
export type PopupTeam = Pick<TeamView, 'user' | 'removed' | 'lastSyncedAt' | 'pending'>;

/** What each request answers with when it succeeds. */
export interface ReplyData {
  'target/select': { popupOpened: boolean };
  /** Only the fans with something to show; any other fan asked about has no history. */
  'fans/status': { statuses: FanStatus[] };
  'page/health': Record<string, never>;
  'composer/outcome': Record<string, never>;
  'popup/open': {
    target: PendingTarget | null;
    templates: Template[];
    /** The policy's verdict for each category of message to the target now, shown before sending. */
    verdicts: Record<Category, Verdict> | null;
    /** Pre-ban warnings the target fan already got within the strike window. */
    strikes: number;
    /** The target fan is marked "do not contact". */
    doNotContact: boolean;
    /** When Facebook last said the target fan cannot receive the Page's messages, if it did. */
    unavailableAt: number | null;
    /** When the target fan last got each category of message (within the longest rule window). */
    lastContacts: Partial<Record<Category, number>>;
    /** The admins' notes about the target fan. */
    notes: string;
    /** The Page's own placeholders and their values, for filling templates. */
    placeholders: CustomPlaceholders;
    /** Set when the facebook.com tab in view shows comments the content script could not recognize. */
    recognitionFailed: boolean;
    /** How Send delivers to this target: the Graph API for a connected Page, else Facebook's box. */
    deliveryVia: 'api' | 'box';
    /** While Facebook's page-wide answer (rate limit, block) rests the Graph API for the target's Page. */
    graphPause: GraphPause | null;
    /** The verdicts rest on this browser's log alone so far: 'popup/refine' adds the Graph API's reads. */
    refining: boolean;
    /** The target's Page has a team this browser joined: who this admin is there, and how it stands. */
    team: PopupTeam | null;
  };
  /** The target's verdicts again, with what the Graph API says of the Page's conversation with the fan. */
  'popup/refine': {
    checked: {
      commentId: string;
      verdicts: Record<Category, Verdict>;
      strikes: number;
      doNotContact: boolean;
      lastContacts: Partial<Record<Category, number>>;
      unavailableAt: number | null;
    } | null;
  };
  /** `commentId`: the target the sync was for, as in 'popup/refine'. */
  'popup/sync': { commentId: string | null; templates: Template[]; team: PopupTeam | null };
  /** `teamChecked`: on a Page with a team, whether its server took part (false: decided offline). */
  'outreach/reserve': { verdict: Verdict; entry: OutreachEntry | null; teamChecked?: boolean };
  'outreach/deliver': DeliveryReply;
  'outreach/confirm': { entry: OutreachEntry };
  'fan/do-not-contact': { verdicts: Record<Category, Verdict>; doNotContact: boolean };
  'fan/notes': { notes: string };
  'fan/forget': { tombstones: number };
  'log/forget-fan': { tombstones: number };
  'log/list': { entries: OutreachEntry[] };
  'log/get': { entry: OutreachEntry | null };
  'log/delete': { entry: OutreachEntry };
  'log/restore': Record<string, never>;
  'templates/list': { templates: Template[] };
  'templates/save': { template: Template };
  'templates/delete': Record<string, never>;
  'templates/reorder': { templates: Template[] };
  'templates/export': { document: TemplatesExport };
  'templates/import': { templates: number; settings: boolean };
  'backup/export': { text: string; part: number; parts: number; digest: string };
  'backup/upload': Record<string, never>;
  'backup/restore': { entries: number };
  'surface/get': { surface: Surface };
  'surface/set': { surface: Surface };
  'placeholders/get': { placeholders: CustomPlaceholders };
  'placeholders/set': { placeholders: CustomPlaceholders };
  'graph/status': { page: ConnectedPage | null };
  'graph/connect': { page: ConnectedPage };
  'graph/disconnect': Record<string, never>;
  'team/status': { teams: TeamView[]; pages: Array<{ pageId: string; pageName: string }> };
  'team/create': { team: TeamView; invites: Array<{ user: string; invite: string }> };
  'team/join': { team: TeamView };
  'team/leave': Record<string, never>;
  'team/sync': { teams: TeamView[] };
  'team/check': { teams: TeamView[] };
  'team/settings': { teams: TeamView[] };
  'settings/get': { settings: PolicySettings; defaults: PolicySettings; browserTimeZone: string };
  'settings/set': { settings: PolicySettings };
}

export interface ErrorReply {
  ok: false;
  error: {
    code: 'invalid-request' | 'forbidden' | 'not-found' | 'storage' | 'unavailable' | 'internal';
    message: string;
  };
}

export type Reply<K extends ToBackground['type']> = { ok: true; data: ReplyData[K] } | ErrorReply;
