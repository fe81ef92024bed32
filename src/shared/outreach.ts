import { z } from 'zod';
import { GRAPH_ERRORS } from './graph';

export const CATEGORIES = ['thanks', 'promo', 'warning', 'care'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/**
 * Life of one outreach entry: `reserved` is written atomically with the policy check, before delivery.
 * Delivery starts by claiming it (`sending`, atomically, so one entry is delivered once). Assisted
 * delivery then puts the text in Facebook's own message box (`prepared`) and watches for the admin to
 * press Facebook's Send (`sent`); the clipboard fallback ends at `copied`. `failed` ("not sent": the
 * box was closed, or Facebook refused) releases the reservation. An entry whose outcome nobody can tell
 * any more becomes `unknown`: it keeps counting against the limits and is never retried by itself,
 * though news arriving late still settles it.
 */
export const ENTRY_STATUSES = [
  'reserved',
  'sending',
  'prepared',
  'sent',
  'copied',
  'failed',
  'unknown',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Outcomes the popup reports for the clipboard delivery of a reserved entry. */
export const DeliveryOutcomeSchema = z.enum(['copied', 'failed']);
export type DeliveryOutcome = z.infer<typeof DeliveryOutcomeSchema>;

/** What the tab watching Facebook's message box can tell about a prepared entry. */
export const ComposerOutcomeSchema = z.enum(['sent', 'failed', 'unknown']);
export type ComposerOutcome = z.infer<typeof ComposerOutcomeSchema>;

/** Which statuses an entry may move to from each: anything else is stale news and is ignored. */
const SETTLES_FROM: Record<EntryStatus, readonly EntryStatus[]> = {
  reserved: [],
  sending: ['reserved'],
  prepared: ['sending'],
  sent: ['sending', 'prepared', 'unknown'],
  copied: ['sending', 'unknown'],
  failed: ['sending', 'prepared', 'unknown'],
  unknown: ['reserved', 'sending', 'prepared'],
};

export function canSettle(from: EntryStatus, to: EntryStatus): boolean {
  return SETTLES_FROM[to].includes(from);
}

/** Can an entry go from one status to the other in one settle or several (or stay)? */
export function settlesTo(from: EntryStatus, to: EntryStatus): boolean {
  return from === to || SETTLES_FROM[to].some((step) => step !== to && settlesTo(from, step));
}

export const POLICY_RULES = [
  'one-per-comment',
  'comment-age',
  'fan-window',
  'fan-monthly',
  'promo-window',
  'thanks-window',
  'warning-cooldown',
  'care-daily',
  'page-daily',
  'post-daily',
  'pace',
  'quiet-hours',
  'do-not-contact',
  /** Team mode, strict: the team server could not be asked, and the team refuses to guess. */
  'team-unreachable',
] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];

/** Longest text, name or id an entry holds; the message itself is capped by Facebook at 2,000. */
const MAX_ENTRY_FIELD = 2000;
const text = z.string().max(MAX_ENTRY_FIELD);
const time = z.number().int().nonnegative();

/** One outreach entry, as stored, restored from an undo and backed up. */
export const OutreachEntrySchema = z.strictObject({
  id: z.uuid(),
  pageId: text,
  pageName: text,
  fanId: text,
  fanName: text,
  fanUrl: text,
  commentId: text,
  postUrl: text,
  commentExcerpt: text,
  /** When the comment was written, as far as its timestamp told; absent when unknown. */
  commentPostedAt: time.optional(),
  category: CategorySchema,
  templateId: text,
  templateTitle: text,
  text,
  createdAt: time,
  updatedAt: time,
  status: z.enum(ENTRY_STATUSES),
  /** Set when the admin sent despite a soft rule, with the reason they typed. */
  override: z.strictObject({ rule: z.enum(POLICY_RULES), reason: text }).optional(),
  /** A tombstone of a forgotten fan: only Page, category, time and status are left. */
  forgotten: z.literal(true).optional(),
  /** A tombstone left at a teammate's request: who asked the team to forget the fan. */
  forgottenBy: z.string().max(200).optional(),
  /**
   * Present while the entry holds its comment's single private reply. A unique index on it is the
   * second guard (after the policy) against two messages for one comment; failed entries drop it.
   */
  commentSlot: text.optional(),
  /**
   * What Facebook's message box sent, when the admin edited the text there before pressing Send
   * (plain, within Facebook's cap); `text` stays what was confirmed in the popup.
   */
  sentText: text.optional(),
  /** Facebook's id of the message, when the Graph API sent it. */
  messageId: text.optional(),
  /**
   * Why the Graph API did not send it, as Facebook answered; on a sent entry, `already-answered`: the
   * comment held a private reply already, so nothing new went out but the comment counts as answered.
   */
  deliveryError: z.enum(GRAPH_ERRORS).optional(),
  /**
   * On a Page whose team this browser has joined: whether the team server holds this contact as it
   * is now (`confirmed`), or is still to be told (`pending`: offline, or settled since).
   */
  team: z.enum(['pending', 'confirmed']).optional(),
  /** Made while the team server could not be asked, and over the team's limits once it could. */
  overTeamLimit: z.literal(true).optional(),
  /**
   * Made by another admin of the Page's team (their user name on the team server): this browser keeps
   * a copy from the team's shared log, which its limits count and only its author changes.
   */
  author: text.optional(),
});
export type OutreachEntry = z.infer<typeof OutreachEntrySchema>;

/** Rules no one can override: Facebook's own, and a fan marked "do not contact". */
export const HARD_RULES: readonly PolicyRule[] = [
  'one-per-comment',
  'comment-age',
  'do-not-contact',
  'team-unreachable',
];

/** May an admin send despite this verdict, giving a reason? Only when a soft rule refuses. */
export function isOverridable(verdict: Verdict | null): boolean {
  return verdict !== null && !verdict.allowed && !HARD_RULES.includes(verdict.rule);
}

/** Facebook's Private Replies rule: a comment can be answered privately only this long after it. */
export const COMMENT_REPLY_WINDOW_DAYS = 7;

/** What the Page knows about a fan beyond the log. */
export interface FanRecord {
  pageId: string;
  fanId: string;
  name: string;
  /** The fan's Facebook profile, as last seen on a comment. */
  profileUrl?: string;
  /** The fan gets nothing but customer care (they asked to be left alone, or a ban is near). */
  doNotContact: boolean;
  /** When the fan's standing (do not contact) last changed. */
  updatedAt: number;
  /** The admins' own notes about the fan (shared with the Page's team, when it has one). */
  notes?: string;
  /** When the notes last changed: a teammate's later note replaces them. */
  notesAt?: number;
  /** When Facebook last said this person cannot receive the Page's messages (Graph error 551). */
  unavailableAt?: number;
  /** The fan's comments under which Facebook noted the Page "responded privately" (newest kept). */
  answered?: PrivateReplySeen[];
  /**
   * The admin's corrections of the triage on this fan's comments (newest kept): this browser's only,
   * never told to a team, gone when the fan is forgotten.
   */
  corrections?: TriageCorrection[];
}

/** The triage's kinds, and "none": what a correction may say a comment is. */
export const CORRECTION_LABELS = ['question', 'complaint', 'praise', 'abusive', 'none'] as const;
export type CorrectionLabel = (typeof CORRECTION_LABELS)[number];

/** An admin's word on what a comment is ("not a complaint: a question"), learned by the triage. */
export interface TriageCorrection {
  commentId: string;
  /** The comment's words, cut as an excerpt is. */
  text: string;
  label: CorrectionLabel;
  at: number;
}

/** Corrections kept per fan: the newest. */
export const MAX_CORRECTIONS_KEPT = 20;

/**
 * A private reply Facebook notes under a comment, seen when the admin picked it: sent by someone on
 * the Page's team, from wherever, at the latest at `at` (when first seen, or the last day Facebook
 * allows a private reply to the comment, if that came first).
 */
export interface PrivateReplySeen {
  commentId: string;
  at: number;
}

/** Private replies seen under a fan's comments that are kept: more than any rule counts. */
export const MAX_ANSWERED_KEPT = 20;

/**
 * Most entries the log keeps, whatever the retention: the oldest beyond it go, as past retention. A
 * backup holds at most this many, so every export is a file import accepts (a year of a Page at the
 * default daily cap is 18,250 entries).
 */
export const MAX_LOG_ENTRIES = 100_000;

/** Longest note about a fan. */
export const MAX_FAN_NOTES = 2000;

/** The longest fan name kept (in a backup, a team's note). */
export const MAX_FAN_NAME = 2000;

/** Shortest reason accepted for overriding a soft rule: a word, not a keystroke. */
export const MIN_OVERRIDE_REASON = 3;
export const MAX_OVERRIDE_REASON = 500;

export const VerdictSchema = z.discriminatedUnion('allowed', [
  z.strictObject({ allowed: z.literal(true) }),
  z.strictObject({
    allowed: z.literal(false),
    rule: z.enum(POLICY_RULES),
    /** When the contact (or, for "do not contact", the marking) behind the rule was made, if any. */
    lastContactAt: time.optional(),
    /** Who on the Page's team made it, when another admin did (team mode). */
    lastContactBy: text.optional(),
    /**
     * The contact is a private reply Facebook noted under another of the fan's comments: someone on
     * the Page's team sent it, at the latest at `lastContactAt`.
     */
    seenOnFacebook: z.literal(true).optional(),
    /** When the fan can be messaged again; absent for rules that never expire. */
    eligibleAt: time.optional(),
    /** For caps of more than one message: how many the rule allows in its window. */
    limit: z.number().int().positive().optional(),
  }),
]);
export type Verdict = z.infer<typeof VerdictSchema>;
