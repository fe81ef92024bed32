import { z } from 'zod';
import { commentFields } from '../comment-context';
import { CORRECTION_LABELS } from '../outreach';
import { MAX_LABEL, MAX_LISTED_COMMENTS } from '../limits';
import { COMMENT_EXCERPT_LENGTH } from '../placeholders';
import { MAX_REASON_WORDS, TRIAGE_CUES, TRIAGE_KINDS } from '../triage';
import { defineMessage } from './define';

const tabId = z.number().int().nonnegative();

/** What the triage suggests a comment needs, and why (see shared/triage.ts). */
export const TriageSuggestionSchema = z.strictObject({
  kind: z.enum(TRIAGE_KINDS),
  reason: z.strictObject({
    cue: z.enum(TRIAGE_CUES),
    words: z.array(z.string().max(MAX_LABEL)).max(MAX_REASON_WORDS),
  }),
});

/** One comment of the side panel's queue: who wrote what, its kind and why. */
export const QueueEntrySchema = z.strictObject({
  commentId: commentFields.commentId,
  authorName: z.string().max(MAX_LABEL),
  excerpt: z.string().max(COMMENT_EXCERPT_LENGTH),
  ...TriageSuggestionSchema.shape,
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

/**
 * The fan comments the tab shows that need an answer, in the order to work through them: questions
 * and complaints first, then abuse, then praise, each in page order. Comments already answered
 * (this browser's log, the team's, or "responded privately" on the page) are left out.
 */
export const queueList = defineMessage(
  'queue/list',
  { tabId },
  z.strictObject({ entries: z.array(QueueEntrySchema).max(MAX_LISTED_COMMENTS) }),
);

/** Picks a queue's comment in its tab: scrolled into view there, and the compose view's target. */
export const queuePick = defineMessage(
  'queue/pick',
  { tabId, commentId: commentFields.commentId },
  z.strictObject({ picked: z.boolean() }),
);

/** The admin's word on the picked comment ("not a complaint: a question"): learned for its Page. */
export const triageCorrect = defineMessage(
  'triage/correct',
  { commentId: commentFields.commentId, label: z.enum(CORRECTION_LABELS) },
  z.strictObject({ triage: TriageSuggestionSchema.nullable() }),
);

/** What the triage may learn from (see triage-learning.ts). */
const TriageLearningSchema = z.strictObject({
  resetAt: z.number().int().nonnegative(),
  learnFromTeam: z.boolean(),
});

export const triageLearning = defineMessage('triage/learning', {}, TriageLearningSchema);

/** Lets the triage learn from teammates' sends too (which the log holds already), or not. */
export const triageLearnFromTeam = defineMessage(
  'triage/learn-from-team',
  { learnFromTeam: z.boolean() },
  TriageLearningSchema,
);

/** Forgets what the triage learned, on every Page: corrections deleted, sends before now unlearned. */
export const triageReset = defineMessage('triage/reset', {}, TriageLearningSchema);

export const TRIAGE_MESSAGES = [
  queueList,
  queuePick,
  triageCorrect,
  triageLearning,
  triageLearnFromTeam,
  triageReset,
] as const;
