import { z } from 'zod';
import { CommentContextSchema, commentFields } from '../comment-context';
import { LanguageTagSchema } from '../page-language';
import { MAX_LISTED_COMMENTS } from '../limits';
import { entryId } from './content';

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

/** The next fan comment on the page, or null when there is none below; the page's language with it. */
export const NextCommentReplySchema = z.strictObject({
  comment: CommentContextSchema.nullable(),
  facebookLanguage: LanguageTagSchema.optional(),
});
export type NextCommentReply = z.infer<typeof NextCommentReplySchema>;

/** Every fan comment the page shows, in page order, read whole; the page's language with them. */
export const CommentsListReplySchema = z.strictObject({
  comments: z.array(CommentContextSchema).max(MAX_LISTED_COMMENTS),
  facebookLanguage: LanguageTagSchema.optional(),
});
export type CommentsListReply = z.infer<typeof CommentsListReplySchema>;

/**
 * Sent by the extension (its background, or its pages) to a facebook.com tab's content script. The
 * page cannot send these, so the content script trusts them; its answer is parsed like any message
 * that comes from a page.
 */
export const ExtensionToContentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('composer/fill'),
    entryId,
    commentId: commentFields.commentId,
    text: z.string().min(1),
  }),
  /** What Page Outreach sees of the comments in view; `outline` draws (or clears) their outlines. */
  z.strictObject({ type: z.literal('page/census'), outline: z.boolean() }),
  /** A page report of the comments in view and an open chat tab, sanitized (see page-report.ts). */
  z.strictObject({ type: z.literal('page/report') }),
  /** The fan comment after this one on the page, for the compose view's "Next comment". */
  z.strictObject({ type: z.literal('comments/next'), after: commentFields.commentId }),
  /** This fan comment, picked from the side panel's queue. */
  z.strictObject({ type: z.literal('comments/pick'), commentId: commentFields.commentId }),
  /** Every fan comment the page shows, for the side panel's queue. */
  z.strictObject({ type: z.literal('comments/list') }),
]);
export type ExtensionToContent = z.infer<typeof ExtensionToContentSchema>;
