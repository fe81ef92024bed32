import { z } from 'zod';
import { PageCensusSchema } from './page-census';
import { PAGE_REPORT_FORMAT, PAGE_REPORT_VERSION, type SkeletonElement } from './page-report';

/** Deepest element a report may hold: deeper than any page Facebook draws, and the check stays bounded. */
const MAX_DEPTH = 200;

const element = (depth: number): z.ZodType<SkeletonElement> =>
  z.strictObject({
    tag: z.string().regex(/^[a-z][\w-]*$/),
    attrs: z.record(z.string(), z.string()).optional(),
    children: z
      .array(z.union([z.string(), depth < MAX_DEPTH ? z.lazy(() => element(depth + 1)) : z.never()]))
      .optional(),
  });

/** A page report as the content script hands it over (see page-report.ts), checked like any page data. */
export const PageReportSchema = z.strictObject({
  format: z.literal(PAGE_REPORT_FORMAT),
  version: z.literal(PAGE_REPORT_VERSION),
  header: z.strictObject({
    extensionVersion: z.string(),
    browser: z.string(),
    uiLanguage: z.string(),
    url: z.string(),
    takenAt: z.string(),
    census: PageCensusSchema,
  }),
  comments: element(0).nullable(),
  chat: element(0).nullable(),
});
