import { MAX_ANSWERED_KEPT, type PrivateReplySeen } from '../../shared/outreach';

/** Private replies seen under a fan's comments, each comment once (the first sighting stands), the newest kept. */
export function withReplies(
  kept: readonly PrivateReplySeen[] = [],
  seen: readonly PrivateReplySeen[],
): PrivateReplySeen[] {
  const fresh = seen.filter((reply) => !kept.some((known) => known.commentId === reply.commentId));
  return [...kept, ...fresh].sort((a, b) => b.at - a.at).slice(0, MAX_ANSWERED_KEPT);
}
