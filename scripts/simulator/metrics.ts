import { HARD_RULES, type Category } from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';
import type { ReplayResult, Sent } from './replay';

const WEEK_MS = 7 * DAY_MS;
const MONTH_MS = 30 * DAY_MS;
/** Bands of messages per fan, as the report shows them. */
export const PER_FAN_BANDS = ['1', '2', '3', '4–5', '6–10', '11+'] as const;

export interface Metrics {
  mode: ReplayResult['mode'];
  messages: number;
  fansMessaged: number;
  perFan: Record<(typeof PER_FAN_BANDS)[number], number>;
  /** Most messages other than customer care one fan got in any 7 and any 30 days. */
  maxPerFan7Days: number;
  maxPerFan30Days: number;
  /** Fans who got more than the limits allow (1 in 7 days, `monthlyMax` in 30; customer care aside). */
  fansOverLimits: number;
  /** Team mode: fans over the limits none of whose contacts over them is marked in the log. */
  fansOverLimitsUnmarked: number | null;
  refusalsByRule: Record<string, number>;
  /** Customer-care messages that could not go out for a reason other than Facebook's own rules. */
  careBlocked: number;
  careOverrides: number;
  platformRefused: number;
  promoShare: number;
  fansWarned: number;
  /** Fans who got a second pre-ban warning within 90 days: the ladder's "ban" step. */
  fansOnSecondStrike: number;
  messagesAfterStop: number;
  /** Team mode: contacts decided offline and found over the team's limits once told. */
  overTeamLimit: number;
  /** Messages sent on each day of the run, customer care apart. */
  perDay: Array<{ care: number; other: number }>;
  decisionsPerSecond: number;
}

function band(count: number): (typeof PER_FAN_BANDS)[number] {
  if (count <= 3) return String(count) as '1' | '2' | '3';
  if (count <= 5) return '4–5';
  return count <= 10 ? '6–10' : '11+';
}

/** The most of `times` (sorted) inside any window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

function byFan(sent: readonly Sent[], keep: (message: Sent) => boolean = () => true): Map<number, number[]> {
  const times = new Map<number, number[]>();
  for (const message of sent.filter(keep))
    times.set(message.fan, [...(times.get(message.fan) ?? []), message.at]);
  for (const list of times.values()) list.sort((a, b) => a - b);
  return times;
}

export function measure(
  result: ReplayResult,
  monthlyMax: number,
  { start, days }: { start: number; days: number },
): Metrics {
  const all = byFan(result.sent);
  const initiative = byFan(result.sent, (message) => message.category !== 'care');
  const warnings = byFan(result.sent, (message) => message.category === 'warning');
  const perFan = Object.fromEntries(PER_FAN_BANDS.map((name) => [name, 0])) as Metrics['perFan'];
  for (const times of all.values()) perFan[band(times.length)] += 1;
  let max7 = 0;
  let max30 = 0;
  let over = 0;
  const marked = new Set(result.fansMarkedOverLimit);
  let unmarked = 0;
  for (const [fan, times] of initiative) {
    const week = maxInWindow(times, WEEK_MS);
    const month = maxInWindow(times, MONTH_MS);
    max7 = Math.max(max7, week);
    max30 = Math.max(max30, month);
    if (week > 1 || month > monthlyMax) {
      over += 1;
      if (!marked.has(fan)) unmarked += 1;
    }
  }
  const refusalsByRule: Record<string, number> = {};
  for (const refusal of result.refused)
    refusalsByRule[refusal.rule] = (refusalsByRule[refusal.rule] ?? 0) + 1;
  const count = (category: Category) => result.sent.filter((message) => message.category === category).length;
  const seconds = result.elapsedMs / 1000;
  const perDay = Array.from({ length: days }, () => ({ care: 0, other: 0 }));
  for (const message of result.sent) {
    const day = perDay[Math.floor((message.at - start) / DAY_MS)];
    if (day) day[message.category === 'care' ? 'care' : 'other'] += 1;
  }
  return {
    mode: result.mode,
    messages: result.sent.length,
    fansMessaged: all.size,
    perFan,
    maxPerFan7Days: max7,
    maxPerFan30Days: max30,
    fansOverLimits: over,
    fansOverLimitsUnmarked: result.mode === 'server' ? unmarked : null,
    refusalsByRule,
    careBlocked: result.refused.filter(
      (refusal) => refusal.category === 'care' && !HARD_RULES.includes(refusal.rule),
    ).length,
    careOverrides: result.sent.filter((message) => message.override).length,
    platformRefused: result.platformRefused.length,
    promoShare: result.sent.length === 0 ? 0 : count('promo') / result.sent.length,
    fansWarned: warnings.size,
    fansOnSecondStrike: [...warnings.values()].filter((times) => maxInWindow(times, 90 * DAY_MS) >= 2).length,
    messagesAfterStop: result.afterStop,
    overTeamLimit: result.overTeamLimit,
    perDay,
    decisionsPerSecond: seconds > 0 ? Math.round(result.decisions / seconds) : 0,
  };
}
