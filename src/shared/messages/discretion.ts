import { z } from 'zod';
import { DiscretionReportSchema } from '../discretion';
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

export const DISCRETION_MESSAGES = [discretionReport] as const;
