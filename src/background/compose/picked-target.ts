import type { PendingTarget } from '../../shared/messages';
import type { OutreachRequest } from '../policy/frequency-policy';
import { postKeyField } from '../../shared/post-key';
import type { OutreachDatabase } from '../storage/schema';
import { checkOutreach } from '../outreach/history';
import type { TeamFanView } from '../team-port';
import { loadPolicySettings } from '../settings/settings-store';
import { RequestError } from '../request';
import { loadPendingTarget } from './pending-target';

/**
 * The target a popup request is about, which must still be the one the admin picked: a popup left
 * open while another comment was picked must not act on the old one.
 */
export async function pickedTarget(commentId: string): Promise<PendingTarget> {
  const target = await loadPendingTarget();
  if (target?.comment.commentId !== commentId) throw new RequestError('not-found', 'errorTargetGone');
  return target;
}

/** Who the picked comment's author is, as the fans store keeps them. */
export function fanProfile({ comment }: PendingTarget) {
  return {
    pageId: comment.pageId,
    fanId: comment.authorId,
    name: comment.authorName,
    profileUrl: comment.authorUrl,
  };
}

/** The policy's view of a picked comment; its age counts from when it was read off the page. */
export function requestFor({ comment, selectedAt }: PendingTarget): Omit<OutreachRequest, 'category'> {
  return {
    pageId: comment.pageId,
    fanId: comment.authorId,
    commentId: comment.commentId,
    ...postKeyField(comment.postUrl),
    ...(comment.ageMs !== undefined ? { commentPostedAt: selectedAt - comment.ageMs } : {}),
    ...(comment.answeredPrivately ? { answeredElsewhere: true } : {}),
  };
}

/**
 * The policy's verdicts for the picked comment, counting the Page's messages to the fan from elsewhere
 * and, on a team's Page, what the team holds of the fan under the team's limits.
 */
export async function checkTarget(
  db: OutreachDatabase,
  target: PendingTarget,
  outside: number[],
  now: number,
  teamView: TeamFanView | null = null,
) {
  const request = { ...requestFor(target), outsideContacts: outside };
  const settings = teamView?.settings ?? (await loadPolicySettings(db));
  return checkOutreach(db, request, settings, now, teamView?.team);
}
