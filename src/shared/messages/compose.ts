import { z } from 'zod';
import { CommentContextSchema, commentFields } from '../comment-context';
import {
  CategorySchema,
  CATEGORIES,
  DeliveryOutcomeSchema,
  MAX_OVERRIDE_REASON,
  MIN_OVERRIDE_REASON,
  OutreachEntrySchema,
  VerdictSchema,
} from '../outreach';
import { CustomPlaceholdersSchema } from '../placeholders';
import { TeamViewSchema } from '../team';
import { LanguageTagSchema } from '../page-language';
import { TEMPLATE_LANGUAGES, TemplateSchema } from '../templates';
import { entryId } from './content';
import { defineMessage } from './define';
import { GraphErrorSchema, GraphPauseSchema } from './graph';
import { TriageSuggestionSchema } from './triage';
import { COMPOSER_FAILURES } from './to-content';

const commentId = commentFields.commentId;
const time = z.number().int().nonnegative();
const byCategory = <T extends z.ZodType>(value: T) =>
  z.strictObject(
    Object.fromEntries(CATEGORIES.map((category) => [category, value])) as Record<
      (typeof CATEGORIES)[number],
      T
    >,
  );

/** The comment the admin picked, in the tab it was picked in, and when. */
export const PendingTargetSchema = z.strictObject({
  comment: CommentContextSchema,
  tabId: z.number().int(),
  selectedAt: time,
  /** The language facebook.com was shown in there (see 'target/select'). */
  facebookLanguage: LanguageTagSchema.optional(),
});
export type PendingTarget = z.infer<typeof PendingTargetSchema>;

/** A joined team as the popup shows it: who this admin is there, whether still in, how its sync stands. */
export const PopupTeamSchema = TeamViewSchema.pick({
  user: true,
  removed: true,
  lastSyncedAt: true,
  pending: true,
});
export type PopupTeam = z.infer<typeof PopupTeamSchema>;

/** The policy's verdicts for the picked comment, and what they rest on. */
const CheckedSchema = z.strictObject({
  /** The policy's verdict for each category of message to the target now, shown before sending. */
  verdicts: byCategory(VerdictSchema),
  /** Pre-ban warnings the target fan already got within the strike window. */
  strikes: z.number().int().nonnegative(),
  /** The target fan is marked "do not contact". */
  doNotContact: z.boolean(),
  /** When the target fan last got each category of message (within the longest rule window). */
  lastContacts: z.partialRecord(CategorySchema, time),
  /** When Facebook last said the target fan cannot receive the Page's messages, if it did. */
  unavailableAt: time.nullable(),
  /**
   * On a team's Page: another admin lifted this admin's "do not contact" mark, and the team holds no
   * other (who, when). This browser's mark still holds until the admin lifts it here too.
   */
  markLiftedBy: z.strictObject({ by: z.string().max(200), at: time }).nullable(),
  /** Private replies under the comment's post in the last 24 hours, and the cap; null: post unknown. */
  postReplies: z
    .strictObject({ count: z.number().int().nonnegative(), max: z.number().int().positive() })
    .nullable(),
});

const PopupOpenSchema = z.strictObject({
  ...CheckedSchema.shape,
  /** The triage's suggestion for the target's comment, if it has one: the category to open on. */
  triage: TriageSuggestionSchema.nullable(),
  target: PendingTargetSchema.nullable(),
  /** The templates the target's Page may use, in every language, in list order. */
  templates: z.array(TemplateSchema),
  /** The language of the target Page's messages: its templates are offered, others found by search. */
  pageLanguage: z.enum(TEMPLATE_LANGUAGES),
  verdicts: CheckedSchema.shape.verdicts.nullable(),
  /** The admins' notes about the target fan. */
  notes: z.string(),
  /** The Page's own placeholders and their values, for filling templates. */
  placeholders: CustomPlaceholdersSchema,
  /** Set when the facebook.com tab in view shows comments the content script could not recognize. */
  recognitionFailed: z.boolean(),
  /** How Send delivers to this target: the Graph API for a connected Page, else Facebook's box. */
  deliveryVia: z.enum(['api', 'box']),
  /** While Facebook's page-wide answer (rate limit, block) rests the Graph API for the target's Page. */
  graphPause: GraphPauseSchema.nullable(),
  /** The verdicts rest on this browser's log alone so far: 'popup/refine' adds the Graph API's reads. */
  refining: z.boolean(),
  /** The target's Page has a team this browser joined: who this admin is there, and how it stands. */
  team: PopupTeamSchema.nullable(),
});

/** How `outreach/deliver` went: through Facebook's message box in the tab, or the Graph API. */
export const DeliveryReplySchema = z.union([
  z.strictObject({ via: z.literal('box'), prepared: z.literal(true) }),
  z.strictObject({ via: z.literal('box'), prepared: z.literal(false), reason: z.enum(COMPOSER_FAILURES) }),
  z.strictObject({
    via: z.literal('api'),
    status: z.enum(['sent', 'failed', 'unknown']),
    error: GraphErrorSchema.optional(),
    /** When Facebook asked the Page to slow down: when the Graph API is used again. */
    retryAt: time.optional(),
  }),
]);
export type DeliveryReply = z.infer<typeof DeliveryReplySchema>;

/** Everything the compose view shows at once, from this browser alone. */
export const popupOpen = defineMessage('popup/open', {}, PopupOpenSchema);

/**
 * Picks the fan comment after the target on its page, as the compose view's "Next comment" does;
 * `picked` is false when there is none below (or the page is gone).
 */
export const targetNext = defineMessage('target/next', {}, z.strictObject({ picked: z.boolean() }));

/** The target's verdicts again, with what the Graph API says of the Page's conversation with the fan. */
export const popupRefine = defineMessage(
  'popup/refine',
  {},
  z.strictObject({ checked: z.strictObject({ commentId: z.string(), ...CheckedSchema.shape }).nullable() }),
);

/** On a team's Page: syncs its team now, so the templates and the sync state shown are fresh. */
export const popupSync = defineMessage(
  'popup/sync',
  {},
  /** `commentId`: the target the sync was for, as in 'popup/refine'. */
  z.strictObject({
    commentId: z.string().nullable(),
    templates: z.array(TemplateSchema),
    team: PopupTeamSchema.nullable(),
  }),
);

/** Checks and records a send to the picked comment's author; nothing is sent yet. */
export const outreachReserve = defineMessage(
  'outreach/reserve',
  {
    commentId,
    category: CategorySchema,
    templateId: z.string().min(1).max(200),
    text: z.string().trim().min(1).max(2000),
    /** Send despite a soft rule; the reason is kept with the entry. */
    override: z
      .strictObject({ reason: z.string().trim().min(MIN_OVERRIDE_REASON).max(MAX_OVERRIDE_REASON) })
      .optional(),
  },
  /** `teamChecked`: on a Page with a team, whether its server took part (false: decided offline). */
  z.strictObject({
    verdict: VerdictSchema,
    entry: OutreachEntrySchema.nullable(),
    teamChecked: z.boolean().optional(),
  }),
);

/** Puts a reserved entry's text into Facebook's own message box, in the tab its comment is in. */
export const outreachDeliver = defineMessage('outreach/deliver', { entryId }, DeliveryReplySchema);

/** The clipboard delivery's outcome, when Facebook's message box could not take the text. */
export const outreachConfirm = defineMessage(
  'outreach/confirm',
  { entryId, outcome: DeliveryOutcomeSchema },
  z.strictObject({ entry: OutreachEntrySchema }),
);

export const COMPOSE_MESSAGES = [
  popupOpen,
  targetNext,
  popupRefine,
  popupSync,
  outreachReserve,
  outreachDeliver,
  outreachConfirm,
] as const;
