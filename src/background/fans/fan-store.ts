import {
  COMMENT_REPLY_WINDOW_DAYS,
  MAX_CORRECTIONS_KEPT,
  type FanRecord,
  type TriageCorrection,
} from '../../shared/outreach';
import { DAY_MS } from '../../shared/time';
import type { OutreachDatabase } from '../storage/schema';
import { updateStanding, type FanIdentity } from './fan-standing';
import { withReplies } from './private-replies';

/** Marks a fan "do not contact" (or lifts it); the policy reads it in the same transaction as the log. */
export function setDoNotContact(db: OutreachDatabase, fan: FanIdentity, doNotContact: boolean, now: number) {
  return updateStanding(db, fan, now, (record) => ({ ...record, doNotContact, updatedAt: now }));
}

/** Saves the admins' notes about a fan (empty text removes them); the fan's standing is unchanged. */
export function setFanNotes(db: OutreachDatabase, fan: FanIdentity, notes: string, now: number) {
  return updateStanding(db, fan, now, ({ notes: _previous, ...record }) =>
    notes ? { ...record, notes, notesAt: now } : { ...record, notesAt: now },
  );
}

/** Remembers that Facebook said the fan cannot receive the Page's messages, so the popup says so. */
export function markUnavailable(db: OutreachDatabase, fan: FanIdentity, now: number) {
  return updateStanding(db, fan, now, (record) => ({ ...record, unavailableAt: now }));
}

/**
 * Remembers that Facebook notes the Page "responded privately" under the fan's comment, so the reply
 * counts as a contact on their other comments too. It was sent at the latest now, or on the last day
 * Facebook allows one to a comment written `commentPostedAt`, if that came first.
 */
export function rememberPrivateReply(
  db: OutreachDatabase,
  fan: FanIdentity,
  comment: { commentId: string; commentPostedAt?: number },
  now: number,
) {
  const latest = (comment.commentPostedAt ?? Infinity) + COMMENT_REPLY_WINDOW_DAYS * DAY_MS;
  const seen = { commentId: comment.commentId, at: Math.min(now, latest) };
  return updateStanding(db, fan, now, (record) => ({
    ...record,
    answered: withReplies(record.answered, [seen]),
  }));
}

/** The admins' notes about a fan, or '' when there are none. */
export async function fanNotes(
  db: OutreachDatabase,
  fan: Pick<FanRecord, 'pageId' | 'fanId'>,
): Promise<string> {
  return (await db.get('fans', [fan.pageId, fan.fanId]))?.notes ?? '';
}

/** Keeps the admin's correction of the triage on one of the fan's comments (a newer one replaces it). */
export function correctTriage(
  db: OutreachDatabase,
  fan: FanIdentity,
  correction: Omit<TriageCorrection, 'at'>,
  now: number,
) {
  return updateStanding(db, fan, now, (record) => ({
    ...record,
    corrections: [
      ...(record.corrections ?? []).filter((kept) => kept.commentId !== correction.commentId),
      { ...correction, at: now },
    ].slice(-MAX_CORRECTIONS_KEPT),
  }));
}
