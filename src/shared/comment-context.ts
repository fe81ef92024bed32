import { z } from 'zod';
import { isFacebookDesktopUrl } from './facebook-hosts';
import { MAX_COMMENT_AGE_MS, MAX_COMMENT_TEXT, MAX_LABEL } from './limits';

const facebookUrl = z
  .string()
  .max(2000)
  .refine(isFacebookDesktopUrl, { message: 'must be a URL of Facebook’s desktop site' });

const label = z.string().trim().min(1).max(MAX_LABEL);
const NUMERIC = /^\d{1,40}$/;
const numericId = z.string().regex(NUMERIC, 'must be a numeric Facebook id');

/** The fields of a comment context, each validated on its own. */
const CommentFieldsSchema = z.strictObject({
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
  /** Facebook notes under it that the Page answered it privately (whoever did, from wherever). */
  answeredPrivately: z.literal(true).optional(),
});

/**
 * What the content script reads off one fan comment; everything in it comes from the untrusted page.
 * Its ids must agree with each other: a Graph id naming another comment would send the message to
 * that comment's author, and a comment cannot be its own parent.
 */
export const CommentContextSchema = CommentFieldsSchema.refine(
  ({ graphCommentId, commentId }) =>
    graphCommentId === undefined || !NUMERIC.test(commentId) || graphCommentId.endsWith(`_${commentId}`),
  { message: 'the Graph API id must name this comment', path: ['graphCommentId'] },
).refine(({ parentCommentId, commentId }) => parentCommentId !== commentId, {
  message: 'a comment cannot be its own parent',
  path: ['parentCommentId'],
});

/** Single fields, for messages that name a comment or a fan without the whole context. */
export const commentFields = CommentFieldsSchema.shape;

export type CommentContext = z.infer<typeof CommentContextSchema>;
