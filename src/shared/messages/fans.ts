import { z } from 'zod';
import { commentFields } from '../comment-context';
import { CATEGORIES, MAX_FAN_NOTES, VerdictSchema } from '../outreach';
import { defineMessage } from './define';

const commentId = commentFields.commentId;
const fanKeyPart = z.string().min(1).max(2000);
const tombstones = z.strictObject({ tombstones: z.number().int().nonnegative() });

/** Marks the picked comment's author "do not contact", or lifts it. */
export const fanDoNotContact = defineMessage(
  'fan/do-not-contact',
  { commentId, doNotContact: z.boolean() },
  z.strictObject({
    verdicts: z.strictObject(
      Object.fromEntries(CATEGORIES.map((category) => [category, VerdictSchema])) as Record<
        (typeof CATEGORIES)[number],
        typeof VerdictSchema
      >,
    ),
    doNotContact: z.boolean(),
  }),
);

/** Saves the admins' notes about the picked comment's author. */
export const fanNotes = defineMessage(
  'fan/notes',
  { commentId, notes: z.string().trim().max(MAX_FAN_NOTES) },
  z.strictObject({ notes: z.string() }),
);

/** Erases the picked comment's author, leaving count-only tombstones so the limits still hold. */
export const fanForget = defineMessage('fan/forget', { commentId }, tombstones);

/** The same from the log, for a fan picked there by Page and id. */
export const logForgetFan = defineMessage(
  'log/forget-fan',
  { pageId: fanKeyPart, fanId: fanKeyPart },
  tombstones,
);

export const FAN_MESSAGES = [fanDoNotContact, fanNotes, fanForget, logForgetFan] as const;
