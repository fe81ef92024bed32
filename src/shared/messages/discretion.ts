import { z } from 'zod';
import { DiscretionReportSchema } from '../discretion';
import { MAX_MESSAGE_LENGTH } from '../limits';
import { defineMessage } from './define';

const label = z.string().min(1).max(300);

/**
 * The Discretion view: the Pages in the log, and the figures of one (the one asked for, else the picked
 * comment's, else the first); null when the log names no Page yet.
 */
export const discretionReport = defineMessage(
  'discretion/report',
  { pageId: label.optional() },
  z.strictObject({
    pages: z.array(z.strictObject({ pageId: label, pageName: z.string().max(300) })).max(1000),
    report: DiscretionReportSchema.nullable(),
  }),
);

/** How many fans of the picked comment's Page got exactly this final text in the last 7 and 30 days. */
export const composeFatigue = defineMessage(
  'compose/fatigue',
  { text: z.string().max(MAX_MESSAGE_LENGTH) },
  z.strictObject({
    sent: z.array(
      z.strictObject({ days: z.number().int().positive(), fans: z.number().int().nonnegative() }),
    ),
  }),
);

export const DISCRETION_MESSAGES = [discretionReport, composeFatigue] as const;
