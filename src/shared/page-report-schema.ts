import { z } from 'zod';
import { PageCensusSchema } from './page-census';
import type { PageSnapshot, SkeletonElement } from './page-report';

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

/** What the content script hands over for a report, checked like any page data. */
export const PageSnapshotSchema: z.ZodType<PageSnapshot> = z.strictObject({
  url: z.string(),
  census: PageCensusSchema,
  comments: element(0).nullable(),
  chat: element(0).nullable(),
});
