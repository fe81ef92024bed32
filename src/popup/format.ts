import { COMMENT_REPLY_WINDOW_DAYS, type Verdict } from '../shared/outreach';
import { t, tCount, uiLanguage } from '../shared/i18n';
import { formatAgo, formatDateTime, formatDay } from '../shared/format';
import { COMPOSER_FAILURE_LABELS, GRAPH_ERROR_LABELS } from '../shared/labels';
import type { DeliveryResult } from './delivery/delivery';
import type { CommentContext } from '../shared/comment-context';

export function formatTime(time: number, withSeconds = false): string {
  const seconds = withSeconds ? ({ second: '2-digit' } as const) : {};
  return new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit', ...seconds }).format(
    time,
  );
}

/** What the popup says of a send once it is over, or of why it could not be. */
export type Outcome = {
  kind: 'error' | 'refused' | 'prepared' | 'sent' | 'copied' | 'failed';
  text: string;
  /** Where to go next, when the message waits on the clipboard: the Page's inbox. */
  inbox?: string;
};

/**
 * The policy's verdict as one sentence naming the rule and, where it expires, the next possible day;
 * then, when another admin of the Page's team is behind it, who.
 */
export function describeVerdict(verdict: Verdict, fanName: string, now: number): string {
  if (verdict.allowed) return t('verdictAllowed', fanName);
  const rule = describeRule(verdict, fanName, now);
  if (verdict.seenOnFacebook) return `${rule} ${t('verdictSeenOnFacebook')}`;
  return verdict.lastContactBy === undefined
    ? rule
    : `${rule} ${t('verdictTeammate', verdict.lastContactBy)}`;
}

function describeRule(verdict: Extract<Verdict, { allowed: false }>, fanName: string, now: number): string {
  const ago = formatAgo(verdict.lastContactAt ?? now, now);
  const day = formatDay(verdict.eligibleAt ?? now);
  const limit = String(verdict.limit ?? 1);
  switch (verdict.rule) {
    case 'one-per-comment':
      // Known only from Facebook's note under the comment: the log holds no time for it.
      if (verdict.lastContactAt === undefined) return t('verdictAnsweredElsewhere');
      return t('verdictOnePerComment', [ago]);
    case 'comment-age':
      return t('verdictCommentAge', [ago, String(COMMENT_REPLY_WINDOW_DAYS)]);
    case 'fan-window':
      return t('verdictFanWindow', [fanName, ago, day]);
    case 'fan-monthly':
      return t('verdictFanMonthly', [fanName, limit, day]);
    case 'promo-window':
      return t('verdictPromoWindow', [fanName, ago, day]);
    case 'thanks-window':
      return t('verdictThanksWindow', [fanName, ago, day]);
    case 'warning-cooldown':
      return t('verdictWarningCooldown', [fanName, ago, day]);
    case 'care-daily':
      return t('verdictCareDaily', [fanName, limit, formatTime(verdict.eligibleAt ?? now)]);
    case 'quiet-hours':
      return t('verdictQuietHours', [formatTime(verdict.eligibleAt ?? now)]);
    case 'pace':
      return t('verdictPace', [formatTime(verdict.eligibleAt ?? now, true)]);
    case 'do-not-contact':
      return t('verdictDoNotContact', fanName);
    case 'page-daily':
      return t('verdictPageDaily', [limit, formatTime(verdict.eligibleAt ?? now)]);
    case 'post-daily':
      return tCount('verdictPostDaily', verdict.limit ?? 1, [limit, formatTime(verdict.eligibleAt ?? now)]);
    case 'team-unreachable':
      return t('verdictTeamUnreachable');
  }
}

/** The Page's inbox in Meta Business Suite, opened on the Page when its numeric id is known. */
const PAGE_INBOX = 'https://business.facebook.com/latest/inbox/all';
const NUMERIC_ID = /^\d+$/;

export function pageInboxUrl(pageId: string): string {
  return NUMERIC_ID.test(pageId) ? `${PAGE_INBOX}?asset_id=${pageId}` : PAGE_INBOX;
}

/** What the admin is told after a send: where the message is now, and what is left for them to do. */
export function describeDelivery(
  result: DeliveryResult,
  { authorName: fanName, pageId }: Pick<CommentContext, 'authorName' | 'pageId'>,
): Outcome {
  switch (result.status) {
    case 'prepared':
      return { kind: 'prepared', text: t('deliveredPrepared', fanName) };
    case 'copied':
      return {
        kind: 'copied',
        text: t('deliveredCopied', [fanName, t(COMPOSER_FAILURE_LABELS[result.fallback])]),
        inbox: pageInboxUrl(pageId),
      };
    case 'failed':
      return { kind: 'failed', text: t('deliveryFailed') };
    case 'api-sent':
      return {
        kind: 'sent',
        text: t(result.alreadyAnswered ? 'deliveredApiAlready' : 'deliveredApi', fanName),
      };
    case 'api-unknown':
      return { kind: 'failed', text: t('deliveryApiUnknown') };
    case 'api-failed':
      return {
        kind: 'failed',
        text:
          result.retryAt === undefined
            ? t('deliveryApiFailed', t(GRAPH_ERROR_LABELS[result.error]))
            : t('deliveryApiPaused', [t(GRAPH_ERROR_LABELS[result.error]), formatDateTime(result.retryAt)]),
      };
    case 'error':
      return { kind: 'error', text: result.message };
  }
}
