import { z } from 'zod';
import { MAX_COMMENT_AGE_MS, MAX_COMMENT_TEXT, MAX_LABEL } from './limits';

const FACEBOOK_ORIGIN = 'https://www.facebook.com';

const facebookUrl = z
  .string()
  .max(2000)
  .refine((value) => URL.canParse(value) && new URL(value).origin === FACEBOOK_ORIGIN, {
    message: 'must be a https://www.facebook.com URL',
  });

const label = z.string().trim().min(1).max(MAX_LABEL);
const numericId = z.string().regex(/^\d{1,40}$/, 'must be a numeric Facebook id');

/** What the content script reads off one fan comment; everything in it comes from the untrusted page. */
export const CommentContextSchema = z.strictObject({
  commentId: numericId,
  parentCommentId: numericId.optional(),
  /** The comment's Graph API id, `<post>_<comment>`, where the page names the post by number. */
  graphCommentId: z
    .string()
    .regex(/^\d{1,40}_\d{1,40}$/, 'must be a Graph API comment id')
    .optional(),
  postUrl: facebookUrl,
  pageId: label,
  pageName: label,
  authorId: label,
  authorName: label,
  authorUrl: facebookUrl,
  text: z.string().max(MAX_COMMENT_TEXT),
  timestamp: z.string().max(MAX_LABEL).optional(),
  /** How old the comment was at least when read, from its timestamp; absent when that is unknown. */
  ageMs: z.number().int().nonnegative().max(MAX_COMMENT_AGE_MS).optional(),
});

export type CommentContext = z.infer<typeof CommentContextSchema>;
