import { z } from 'zod';
import { FAILED_SIGNALS } from './limits';

const count = z.number().int().nonnegative();

/**
 * What Page Outreach sees of the comments in view on a facebook.com page (see census.ts): counted by
 * the content script, checked here like anything that comes from a page.
 */
export const PageCensusSchema = z.strictObject({
  /** `role="article"` elements shown (posts among them), hidden copies aside. */
  articles: count,
  /** …holding a link of a comment's shape (`comment_id`). */
  permalinks: count,
  /** …whose permalink sits in Facebook's action row (Like, Reply). */
  actionRows: count,
  /** …with a readable author. */
  authors: count,
  /** …recognized as a fan's comment. */
  recognized: count,
  /** …with Facebook's own "Message" control in their row. */
  messageControls: count,
  /** …showing our "Send message" action. */
  actions: count,
  /** Facebook's chat tabs open on the page. */
  messageBoxes: count,
  /** When no comment shows an action: the signal that fails. */
  failedSignal: z.enum(FAILED_SIGNALS).nullable(),
});
export type PageCensus = z.infer<typeof PageCensusSchema>;

/** What "What it sees" is told: the census, and the host it was taken on (www. or web.facebook.com). */
export const PageLookSchema = PageCensusSchema.extend({ host: z.string().max(253) });
export type PageLook = z.infer<typeof PageLookSchema>;
