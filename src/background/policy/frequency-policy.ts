import {
  CATEGORIES,
  COMMENT_REPLY_WINDOW_DAYS,
  type Category,
  type FanRecord,
  type OutreachEntry,
  type PolicyRule,
  type Verdict,
} from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { quietHoursEnd } from './quiet-hours';
import { DAY_MS } from '../../shared/time';
import { postKeyOf } from '../../shared/post-key';

/** The window of the monthly cap. */
const MONTH_DAYS = 30;
/** A Page message the Graph API reports this close to one of this browser's sends is that send. */
export const SAME_SEND_MS = 10 * 60_000;

export interface OutreachRequest {
  pageId: string;
  fanId: string;
  commentId: string;
  /** When the comment was written, as far as its timestamp tells; absent when unknown. */
  commentPostedAt?: number;
  /**
   * When the Page messaged this fan outside this browser (another admin, Business Suite), as the
   * Graph API reports it. Their kind is unknown, so they count only for the per-fan caps that every
   * message but customer care shares.
   */
  outsideContacts?: readonly number[];
  /**
   * Facebook notes under the comment that the Page answered it privately: answered, whether or not
   * this browser's log knows of it.
   */
  answeredElsewhere?: boolean;
  /** The comment's post (postKeyOf its address), for the per-post cap; absent when unknown. */
  postKey?: string;
  category: Category;
}

/**
 * What the policy needs from the Page's record of the fan: the mark (`markedBy` names a teammate who
 * set it) and the private replies Facebook noted under their comments.
 */
export type FanStanding = Pick<FanRecord, 'doNotContact' | 'updatedAt' | 'answered'> & { markedBy?: string };

/**
 * A contact the policy counts; `author` names the teammate who made it, when another admin did; its
 * post's key is read from postUrl unless the caller gives it (the simulator).
 */
export type PastContact = Pick<
  OutreachEntry,
  'pageId' | 'fanId' | 'commentId' | 'category' | 'createdAt' | 'status'
> & { author?: string; postUrl?: string; postKey?: string };

/** A contact a cap counts; `seen` marks a private reply known only from Facebook's note. */
type Counted = Pick<PastContact, 'createdAt' | 'author'> & { seen?: true };

/** A rolling-window cap: at most `max` of `contacts` in any `windowMs`. */
interface Cap {
  rule: PolicyRule;
  contacts: readonly Counted[];
  max: number;
  windowMs: number;
}

/**
 * When a cap lets one more message through, or null if it does now. Windows are half-open: a contact at
 * T counts until T + window and no longer. A contact stamped in the future (the clock moved backwards)
 * counts as inside the window, so a clock change never frees a fan early.
 */
function capRefusal({ rule, contacts, max, windowMs }: Cap, now: number) {
  const inWindow = contacts
    .filter((contact) => contact.createdAt + windowMs > now)
    .sort((a, b) => b.createdAt - a.createdAt);
  if (inWindow.length < max) return null;
  // The fan is eligible again once the oldest of the newest `max` contacts leaves the window.
  const expiring = inWindow[max - 1]!;
  return {
    allowed: false as const,
    rule,
    lastContactAt: expiring.createdAt,
    ...(expiring.author !== undefined ? { lastContactBy: expiring.author } : {}),
    ...(expiring.seen ? { seenOnFacebook: true as const } : {}),
    eligibleAt: expiring.createdAt + windowMs,
    ...(max > 1 ? { limit: max } : {}),
  };
}

/** A failed delivery never reached the fan, so it neither holds the comment nor counts for the fan. */
export function counts(entry: Pick<PastContact, 'status'>): boolean {
  return entry.status !== 'failed';
}

/**
 * The whole policy as a pure function: given the request, the relevant history (the fan's contacts, the
 * comment's, and the Page's of the last 24 hours), the settings, the current time and what the Page
 * knows of the fan, may this message go out? The hard rules (one private message per comment; none to
 * a comment older than Facebook allows; nothing but customer care for a fan marked "do not contact")
 * come first;
 * of the soft rules that refuse, the verdict names the one that holds the fan back longest, so its
 * date is the day every rule allows the message again.
 */
export function evaluate(
  request: OutreachRequest,
  history: readonly PastContact[],
  settings: PolicySettings,
  now: number,
  standing: FanStanding | null = null,
): Verdict {
  const live = history.filter(counts);

  const sameComment = live.find((entry) => entry.commentId === request.commentId);
  if (sameComment) {
    const by = sameComment.author !== undefined ? { lastContactBy: sameComment.author } : {};
    return { allowed: false, rule: 'one-per-comment', lastContactAt: sameComment.createdAt, ...by };
  }
  const answered = standing?.answered ?? [];
  if (request.answeredElsewhere || answered.some((reply) => reply.commentId === request.commentId)) {
    return { allowed: false, rule: 'one-per-comment' };
  }
  if (
    request.commentPostedAt !== undefined &&
    now - request.commentPostedAt >= COMMENT_REPLY_WINDOW_DAYS * DAY_MS
  ) {
    return { allowed: false, rule: 'comment-age', lastContactAt: request.commentPostedAt };
  }
  if (standing?.doNotContact && request.category !== 'care') {
    const by = standing.markedBy !== undefined ? { lastContactBy: standing.markedBy } : {};
    return { allowed: false, rule: 'do-not-contact', lastContactAt: standing.updatedAt, ...by };
  }

  const fan = live.filter((entry) => entry.pageId === request.pageId && entry.fanId === request.fanId);
  const ofCategory = (category: Category) => fan.filter((entry) => entry.category === category);
  const outside = (request.outsideContacts ?? []).filter(
    (time) => !fan.some((entry) => Math.abs(entry.createdAt - time) < SAME_SEND_MS),
  );
  // A private reply Facebook noted under another of the fan's comments, which no log here or on the
  // team holds, was sent by someone else on the Page's team: of unknown kind, like the Graph's.
  const repliesElsewhere = answered.filter(
    (reply) => !fan.some((entry) => entry.commentId === reply.commentId),
  );
  const nonCare = [
    ...fan.filter((entry) => entry.category !== 'care'),
    ...outside.map((createdAt) => ({ createdAt })),
    ...repliesElsewhere.map((reply) => ({ createdAt: reply.at, seen: true as const })),
  ];

  const caps: Cap[] =
    request.category === 'care'
      ? [{ rule: 'care-daily', contacts: ofCategory('care'), max: settings.careDailyMax, windowMs: DAY_MS }]
      : [
          { rule: 'fan-window', contacts: nonCare, max: 1, windowMs: settings.fanWindowDays * DAY_MS },
          {
            rule: 'fan-monthly',
            contacts: nonCare,
            max: settings.fanMonthlyMax,
            windowMs: MONTH_DAYS * DAY_MS,
          },
        ];
  if (request.category === 'promo') {
    caps.push({
      rule: 'promo-window',
      contacts: ofCategory('promo'),
      max: 1,
      windowMs: settings.promoWindowDays * DAY_MS,
    });
  }
  if (request.category === 'thanks') {
    caps.push({
      rule: 'thanks-window',
      contacts: ofCategory('thanks'),
      max: 1,
      windowMs: settings.thanksWindowDays * DAY_MS,
    });
  }
  if (request.category === 'promo' || request.category === 'thanks') {
    caps.push({
      rule: 'warning-cooldown',
      contacts: ofCategory('warning'),
      max: 1,
      windowMs: settings.warningCooldownDays * DAY_MS,
    });
  }

  // Facebook throttles rapid actions and bursts look automated: one send per admin (this browser's log,
  // any Page; not the team's other admins) per pace interval.
  if (settings.paceSeconds > 0) {
    const ours = live.filter((entry) => entry.author === undefined);
    caps.push({ rule: 'pace', contacts: ours, max: 1, windowMs: settings.paceSeconds * 1000 });
  }
  // Rolling 24 hours rather than a calendar day: no time zone to get wrong, no midnight rush. Customer
  // care counts toward the Page's day but is never held by it: the discretion simulator showed an
  // outage needing hundreds of answers in an afternoon, which the Page must be able to give.
  if (request.category !== 'care') {
    caps.push({
      rule: 'page-daily',
      // A teammate's contact dated after now comes from a clock ahead or a hostile teammate: it
      // never holds the whole Page.
      contacts: live.filter(
        (entry) => entry.pageId === request.pageId && (entry.author === undefined || entry.createdAt <= now),
      ),
      max: settings.pageDailyMax,
      windowMs: DAY_MS,
    });
  }

  // Every private reply leaves "<Page> responded privately" under its comment, for everyone to see: a
  // post full of them looks like a Page that messages everyone. Care counts but is never held.
  if (request.category !== 'care' && request.postKey !== undefined) {
    caps.push({
      rule: 'post-daily',
      contacts: onSamePost(live, request, now),
      max: settings.postDailyMax,
      windowMs: DAY_MS,
    });
  }

  const refusals: Array<Extract<Verdict, { allowed: false }> & { eligibleAt: number }> = caps
    .map((cap) => capRefusal(cap, now))
    .filter((refusal) => refusal !== null);
  const quietUntil = (time: number) =>
    request.category === 'promo'
      ? quietHoursEnd(time, settings.quietHoursStart, settings.quietHoursEnd, settings.timeZone ?? 'UTC')
      : null;
  const quietNow = quietUntil(now);
  if (quietNow !== null) refusals.push({ allowed: false, rule: 'quiet-hours', eligibleAt: quietNow });
  if (refusals.length === 0) return { allowed: true };
  const binding = refusals.reduce((held, refusal) => (refusal.eligibleAt > held.eligibleAt ? refusal : held));
  // A promo that becomes possible in the middle of quiet hours has to wait for their end.
  const quietThen = quietUntil(binding.eligibleAt);
  return quietThen === null ? binding : { ...binding, eligibleAt: quietThen };
}

/**
 * The contacts under the request's post, as the per-post cap counts them: a teammate's dated after now
 * (a clock ahead, or a hostile teammate) never holds the post. A tombstone keeps no post.
 */
function onSamePost(live: readonly PastContact[], request: Omit<OutreachRequest, 'category'>, now: number) {
  return live.filter(
    (entry) =>
      entry.pageId === request.pageId &&
      (entry.postKey ?? postKeyOf(entry.postUrl ?? '')) === request.postKey &&
      (entry.author === undefined || entry.createdAt <= now),
  );
}

/** Private replies under the request's post in the last 24 hours, against the cap; null: post unknown. */
export function postRepliesToday(
  request: Omit<OutreachRequest, 'category'>,
  history: readonly PastContact[],
  settings: PolicySettings,
  now: number,
): { count: number; max: number } | null {
  if (request.postKey === undefined) return null;
  const today = onSamePost(history.filter(counts), request, now).filter(
    (entry) => entry.createdAt > now - DAY_MS,
  );
  return { count: today.length, max: settings.postDailyMax };
}

/** The verdict for every category at once, from the same history. */
export function evaluateAll(
  request: Omit<OutreachRequest, 'category'>,
  history: readonly PastContact[],
  settings: PolicySettings,
  now: number,
  standing: FanStanding | null = null,
): Record<Category, Verdict> {
  const entries = CATEGORIES.map((category) => [
    category,
    evaluate({ ...request, category }, history, settings, now, standing),
  ]);
  return Object.fromEntries(entries) as Record<Category, Verdict>;
}

/**
 * How far back any rule looks with these settings: a contact older than this changes no verdict
 * except through its comment (one private message per comment), which is looked up by comment.
 */
export function historyWindowMs(settings: PolicySettings): number {
  const days = Math.max(
    settings.fanWindowDays,
    MONTH_DAYS,
    settings.promoWindowDays,
    settings.thanksWindowDays,
    settings.warningCooldownDays,
    settings.strikeWindowDays,
  );
  return days * DAY_MS;
}

/** The fan's strikes: pre-ban warnings that did not fail, within the strike window. */
export function countStrikes(history: readonly PastContact[], settings: PolicySettings, now: number): number {
  const since = now - settings.strikeWindowDays * DAY_MS;
  return history.filter((entry) => counts(entry) && entry.category === 'warning' && entry.createdAt > since)
    .length;
}
