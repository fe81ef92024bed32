import { z } from 'zod';
import { DiscretionReportSchema, GraphReadingViewSchema } from '../discretion';
import { GRAPH_ERRORS } from '../graph';
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

/**
 * One step of reading the Page's comments through the Graph API (the unfinished one, else a new one): the
 * view asks again while the reading is unfinished and Facebook did not stop it.
 */
export const discretionReadGraph = defineMessage(
  'discretion/read-graph',
  { pageId: label },
  z.strictObject({
    reading: GraphReadingViewSchema,
    stopped: z.enum([...GRAPH_ERRORS, 'unreachable']).nullable(),
  }),
);

export const DISCRETION_MESSAGES = [discretionReport, composeFatigue, discretionReadGraph] as const;
