import type { Category } from '../../shared/outreach';
import { excerpt } from '../../shared/placeholders';
import { withDatabase } from '../storage/database';
import { requestFor, pickedTarget } from '../compose/picked-target';
import { getTemplate } from '../compose/template-store';
import { loadConnection } from '../graph/graph-connection';
import { outsideContacts } from '../graph/outside-contacts';
import { announceEntryChange } from '../outreach/change-feed';
import { reserveOutreach } from '../outreach/reserve';
import { loadPolicySettings } from '../settings/settings-store';
import { RequestError } from '../request';
import type { TeamPort } from '../team-port';

export interface ReserveAsk {
  commentId: string;
  category: Category;
  templateId: string;
  text: string;
  override?: { reason: string } | undefined;
}

/**
 * Reserves the message the admin is about to send to the picked comment's author: checked and
 * recorded in one transaction here, or through the team's gate on a team's Page. Nothing is sent yet.
 */
export async function reservePicked(
  { commentId, category, templateId, text, override }: ReserveAsk,
  team: TeamPort,
  now: number,
) {
  const target = await pickedTarget(commentId);
  const { comment } = target;
  const { commentPostedAt } = requestFor(target);
  const outside = await outsideContacts(target, await loadConnection(), now);
  const { template, settings } = await withDatabase(async (db) => ({
    template: await getTemplate(db, templateId),
    // Read before the check-and-record transaction opens: nothing but IndexedDB requests inside it.
    settings: await loadPolicySettings(db),
  }));
  if (template?.category !== category) throw new RequestError('not-found', 'errorTemplateGone');
  const draft = {
    pageId: comment.pageId,
    pageName: comment.pageName,
    fanId: comment.authorId,
    fanName: comment.authorName,
    fanUrl: comment.authorUrl,
    commentId: comment.commentId,
    postUrl: comment.postUrl,
    commentExcerpt: excerpt(comment.text),
    ...(commentPostedAt !== undefined ? { commentPostedAt } : {}),
    category,
    templateId,
    templateTitle: template.title,
    text,
  };
  const options = {
    overrideReason: override?.reason,
    outsideContacts: outside,
    answeredElsewhere: comment.answeredPrivately === true,
  };
  const reserved =
    (await team.reserve(draft, settings, now, options)) ??
    (await withDatabase((db) => reserveOutreach(db, draft, settings, now, options)));
  if (reserved.entry) await announceEntryChange(reserved.entry, now);
  return reserved;
}
