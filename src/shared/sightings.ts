import { z } from 'zod';
import { commentFields } from './comment-context';
import { MAX_POST_KEY } from './post-key';
import { MAX_SIGHTING_BATCH } from './limits';

/** Sightings one browser keeps at most, all Pages together; the oldest go first (about 20 MB). */
export const MAX_SIGHTINGS = 100_000;

/** A salted hash (base64url, 128 bits): who or which comment, without saying it. */
const SaltedKeySchema = z.string().regex(/^[\w-]{22}$/, 'must be a salted key');

/** Where a sighting came from: a page the admin opened in this browser, or the Graph API. */
export const SIGHTING_SOURCES = ['page', 'graph'] as const;
export type SightingSource = (typeof SIGHTING_SOURCES)[number];
/** Where its time came from: Facebook's own timestamp, or the moment it was first seen. */
export const SIGHTING_TIMES = ['facebook', 'seen'] as const;

/**
 * One fan comment seen on a Page, as the background keeps it: the fan and the comment under salted
 * keys, with no name and no text; the post; when it was written.
 */
export const SightingRecordSchema = z.strictObject({
  pageId: commentFields.pageId,
  fanKey: SaltedKeySchema,
  commentKey: SaltedKeySchema,
  postKey: z.string().min(1).max(MAX_POST_KEY),
  at: z.number().int().nonnegative(),
  timeFrom: z.enum(SIGHTING_TIMES),
  source: z.enum(SIGHTING_SOURCES),
});
export type SightingRecord = z.infer<typeof SightingRecordSchema>;

/**
 * The fan comments of one post the content script recognized, as it tells the background: read off
 * the page. The post's address and its Page come once, not once per comment: checking an address is
 * the dearest part of checking a message.
 */
export const PostSightingsSchema = z.strictObject({
  pageId: commentFields.pageId,
  postUrl: commentFields.postUrl,
  comments: z
    .array(
      z.strictObject({
        fanId: commentFields.authorId,
        commentId: commentFields.commentId,
        ageMs: commentFields.ageMs,
      }),
    )
    .min(1)
    .max(MAX_SIGHTING_BATCH),
});
export type PostSightings = z.infer<typeof PostSightingsSchema>;

/** One fan comment as the content script reads it, before it is told grouped by post. */
export type SightingReport = Omit<PostSightings, 'comments'> & PostSightings['comments'][number];
