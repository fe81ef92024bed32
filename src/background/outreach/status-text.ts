import type { FanStatus } from '../../shared/messages';
import { formatAgo, formatDay } from '../../shared/format';
import { t, tCount } from '../../shared/i18n';

const SEPARATOR = ' · ';

/**
 * "do not contact · messaged 3d ago · limit reached until 2 Dec · 1 warning", or nothing for a fan the
 * Page never contacted nor marked: written here, in the UI language, for the status beside a comment.
 */
export function describeFanStatus(status: Omit<FanStatus, 'text'>, now: number): string {
  const parts: string[] = [];
  if (status.doNotContact) parts.push(t('fanDoNotContact'));
  if (status.lastContactAt !== null)
    parts.push(t('fanMessagedAgo', formatAgo(status.lastContactAt, now, 'narrow')));
  if (status.blockedUntil !== null) parts.push(t('fanLimitUntil', formatDay(status.blockedUntil)));
  if (status.warnings > 0) parts.push(tCount('fanWarnings', status.warnings));
  return parts.join(SEPARATOR);
}
