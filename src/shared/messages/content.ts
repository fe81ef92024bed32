import { z } from 'zod';
import { LanguageTagSchema } from '../page-language';
import { CommentContextSchema, commentFields } from '../comment-context';
import {
  FAILED_SIGNALS,
  MAX_COMMENT_TEXT,
  MAX_LABEL,
  MAX_MESSAGE_LENGTH,
  MAX_SIGHTING_BATCH,
  MAX_STATUS_BATCH,
} from '../limits';
import { TRIAGE_KINDS } from '../triage';
import { ComposerOutcomeSchema } from '../outreach';
import { PostSightingsSchema } from '../sightings';
import { SURFACES } from '../surface';
import { defineMessage, done } from './define';

export const entryId = z.uuid();
const time = z.number().int().nonnegative();

/** What the content script shows beside a fan's action: the fan's standing with this Page. */
export const FanStatusSchema = z.strictObject({
  /**
   * The standing in words, in the UI language ("messaged 3d ago · 1 warning"): written by the
   * background, so that the page's script never loads the message bundle nor formats dates for it.
   */
  text: z.string().max(MAX_LABEL),
  pageId: z.string(),
  fanId: z.string(),
  /** When the Page last messaged the fan, if ever. */
  lastContactAt: time.nullable(),
  /** Until when the per-fan limit refuses another message, if it does now. */
  blockedUntil: time.nullable(),
  /** Pre-ban warnings ("strikes") the fan was sent within the strike window (90 days by default). */
  warnings: z.number().int().nonnegative(),
  /** Marked "do not contact": nothing but customer care. */
  doNotContact: z.boolean(),
});
export type FanStatus = z.infer<typeof FanStatusSchema>;

/** The admin clicked "Send message" beside a comment: it becomes the compose view's target. */
export const targetSelect = defineMessage(
  'target/select',
  {
    comment: CommentContextSchema,
    /** Where the admin chose the compose view to open (see surface.ts). */
    surface: z.enum(SURFACES).optional(),
    /** The language facebook.com is shown in on that page (`<html lang>`), a guess at the Page's. */
    facebookLanguage: LanguageTagSchema.optional(),
  },
  z.strictObject({ popupOpened: z.boolean() }),
);

/** Which signal failed when comments in view got no action (null: all is well). */
export const pageHealth = defineMessage(
  'page/health',
  { failedSignal: z.enum(FAILED_SIGNALS).nullable() },
  done,
);

/** A comment's triage, as its action shows it: the kind, and its name in the UI language. */
export const CommentKindSchema = z.strictObject({
  commentId: commentFields.commentId,
  kind: z.enum(TRIAGE_KINDS),
  label: z.string().max(MAX_LABEL),
});
export type CommentKind = z.infer<typeof CommentKindSchema>;

/**
 * What to show beside a batch of comments near the viewport: the standing of their fans (only the
 * fans with something to show are answered) and the triage of their words (only the comments with a
 * kind are answered). The words are read by the background and kept nowhere.
 */
export const commentsLook = defineMessage(
  'comments/look',
  {
    fans: z
      .array(z.strictObject({ pageId: commentFields.pageId, fanId: commentFields.authorId }))
      .max(MAX_STATUS_BATCH),
    comments: z
      .array(
        z.strictObject({
          pageId: commentFields.pageId,
          commentId: commentFields.commentId,
          text: z.string().max(MAX_COMMENT_TEXT),
        }),
      )
      .max(MAX_STATUS_BATCH),
  },
  z.strictObject({ statuses: z.array(FanStatusSchema), kinds: z.array(CommentKindSchema) }),
);

/** How a message this tab put in Facebook's message box ended; only that tab may say so. */
export const composerOutcome = defineMessage(
  'composer/outcome',
  {
    entryId,
    outcome: ComposerOutcomeSchema,
    /** What Facebook's box really sent, when the admin edited the text there. */
    sentText: z.string().min(1).max(MAX_MESSAGE_LENGTH).optional(),
  },
  done,
);

/** Fan comments recognized on the page, for "did they come back?": kept without names or words. */
export const sightingsRecord = defineMessage(
  'sightings/record',
  {
    posts: z
      .array(PostSightingsSchema)
      .min(1)
      .max(MAX_SIGHTING_BATCH)
      .refine(
        (posts) => posts.reduce((sum, { comments }) => sum + comments.length, 0) <= MAX_SIGHTING_BATCH,
        {
          message: `must hold at most ${MAX_SIGHTING_BATCH} comments`,
        },
      ),
  },
  done,
);

/** What the content script's actions say, asked once as it starts (see loadActionLabels). */
export const contentLabels = defineMessage(
  'content/labels',
  {},
  z.strictObject({ visible: z.string(), accessible: z.string(), orphaned: z.string() }),
);

/** Sent by the content script on facebook.com: untrusted, and never allowed to send anything itself. */
export const CONTENT_MESSAGES = [
  targetSelect,
  pageHealth,
  commentsLook,
  composerOutcome,
  sightingsRecord,
  contentLabels,
] as const;
