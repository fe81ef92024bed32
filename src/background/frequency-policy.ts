import type { OutreachEntry, Verdict } from '../shared/outreach';
import { DAY_MS } from '../shared/time';

export interface PolicySettings {
  /** Days a fan must wait between two messages from the same Page. */
  fanWindowDays: number;
}

export const DEFAULT_POLICY_SETTINGS: PolicySettings = { fanWindowDays: 7 };

export interface OutreachRequest {
  pageId: string;
  fanId: string;
  commentId: string;
}

type PastContact = Pick<OutreachEntry, 'pageId' | 'fanId' | 'commentId' | 'createdAt' | 'status'>;

/** A failed delivery never reached the fan, so it neither holds the comment nor counts for the fan. */
function counts(entry: PastContact): boolean {
  return entry.status !== 'failed';
}

/**
 * The whole policy as a pure function: given the request, the relevant history, the settings and the
 * current time, may this message go out? Rules are checked from hardest to softest.
 *
 * The fan window is half-open: a fan messaged at T is refused until T + window and allowed from then.
 * A contact stamped in the future (the clock moved backwards) is treated as inside the window.
 */
export function evaluate(
  request: OutreachRequest,
  history: readonly PastContact[],
  settings: PolicySettings,
  now: number,
): Verdict {
  const live = history.filter(counts);

  const sameComment = live.find((entry) => entry.commentId === request.commentId);
  if (sameComment) {
    return { allowed: false, rule: 'one-per-comment', lastContactAt: sameComment.createdAt };
  }

  const windowMs = settings.fanWindowDays * DAY_MS;
  const latestForFan = live
    .filter((entry) => entry.pageId === request.pageId && entry.fanId === request.fanId)
    .reduce<PastContact | undefined>(
      (latest, entry) => (!latest || entry.createdAt > latest.createdAt ? entry : latest),
      undefined,
    );
  if (latestForFan && now < latestForFan.createdAt + windowMs) {
    return {
      allowed: false,
      rule: 'fan-window',
      lastContactAt: latestForFan.createdAt,
      eligibleAt: latestForFan.createdAt + windowMs,
    };
  }

  return { allowed: true };
}
