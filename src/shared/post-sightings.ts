// Types only: the schemas' module would bring zod into the content script, which uses this.
import type { PostSightings, SightingReport } from './sightings';

/**
 * Reports grouped by Page and post where they follow each other: a batch is nearly always one
 * thread's, told in the order its comments were seen.
 */
export function byPostOf(reports: readonly SightingReport[]): PostSightings[] {
  const posts: PostSightings[] = [];
  for (const { pageId, postUrl, ...comment } of reports) {
    const last = posts.at(-1);
    if (last?.postUrl === postUrl && last.pageId === pageId) last.comments.push(comment);
    else posts.push({ pageId, postUrl, comments: [comment] });
  }
  return posts;
}
