import { CATEGORIES, type Category } from '../../shared/outreach';
import type { PolicySettings } from '../../shared/policy-settings';
import { DAY_MS } from '../../shared/time';
import type { Sighting } from './sightings';
import { weekOf, weekStart } from './weeks';

/**
 * The early warning: a Page messaging more of its commenters while fewer of them come back, week after
 * week. Pure: sightings and messages in, a weekly series and a verdict out.
 *
 * Each week counts the private messages sent, the distinct commenters seen, and the returning ones (seen
 * on two or more days of it). Single weeks are noisy (a post goes viral, fewer posts are opened), so the
 * rule reads blocks of BLOCK_WEEKS weeks, each against the block before it, and shares rather than
 * counts (returning commenters per commenter): it fires when, for WARNING_WEEKS weeks in a row, the last
 * block's messages per commenter rose by MIN_RISE or more and its returning share fell by MIN_FALL or
 * more. On the simulator's fan model (scripts/simulator/fan-model.ts) it fires in 17 of 20 runs of a
 * Page pushing promos with no limits, and in none of 20 of the same Page under the default limits.
 */

/** Weeks summed into each block the rule compares. */
export const BLOCK_WEEKS = 4;
/** Weeks in a row the blocks must go the wrong way before the warning fires. */
export const WARNING_WEEKS = 3;
/** Smallest rise of messages per commenter, and fall of the returning share, that count (relative). */
const MIN_RISE = 0.1;
const MIN_FALL = 0.05;

export interface WeekCounts {
  /** When the week (Monday, UTC) begins. */
  start: number;
  messages: number;
  byCategory: Record<Category, number>;
  commenters: number;
  /** Commenters seen on two or more days of the week. */
  returning: number;
}

/** A message as the series counts it. */
export interface SeriesMessage {
  category: Category;
  at: number;
}

/** The last `weeks` complete weeks before `now`, oldest first. */
export function weeklySeries(
  sightings: readonly Pick<Sighting, 'fanKey' | 'at'>[],
  messages: readonly SeriesMessage[],
  now: number,
  weeks: number,
): WeekCounts[] {
  const last = weekOf(now) - 1;
  const first = last - weeks + 1;
  const series = Array.from({ length: weeks }, (_, index) => ({
    start: weekStart(first + index),
    messages: 0,
    byCategory: Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<Category, number>,
    days: new Map<string, Set<number>>(),
  }));
  const weekAt = (at: number) => series[weekOf(at) - first];
  for (const { fanKey, at } of sightings) {
    const week = weekAt(at);
    if (!week) continue;
    const days = week.days.get(fanKey) ?? new Set<number>();
    days.add(Math.floor(at / DAY_MS));
    week.days.set(fanKey, days);
  }
  for (const { category, at } of messages) {
    const week = weekAt(at);
    if (!week) continue;
    week.messages += 1;
    week.byCategory[category] += 1;
  }
  return series.map(({ days, ...counts }) => ({
    ...counts,
    commenters: days.size,
    returning: [...days.values()].filter((seen) => seen.size >= 2).length,
  }));
}

/** A setting whose tightening holds back a kind of message. */
type Limit = keyof Pick<
  PolicySettings,
  'promoWindowDays' | 'thanksWindowDays' | 'careDailyMax' | 'fanWindowDays'
>;
const LIMIT_OF: Record<Category, Limit> = {
  promo: 'promoWindowDays',
  thanks: 'thanksWindowDays',
  warning: 'fanWindowDays',
  care: 'careDailyMax',
};

export interface EarlyWarning {
  /** Weeks in a row the blocks went the wrong way. */
  weeks: number;
  /** The kinds of message whose numbers grew from the block before the last to the last, most first. */
  categories: Category[];
  /** The settings that hold those kinds back, plus the Page's daily cap. */
  limits: Array<Limit | 'pageDailyMax'>;
}

/** The block of BLOCK_WEEKS weeks ending with week `end` (an index into the series). */
function block(series: readonly WeekCounts[], end: number) {
  const span = series.slice(end - BLOCK_WEEKS + 1, end + 1);
  const sum = (of: (week: WeekCounts) => number) => span.reduce((total, week) => total + of(week), 0);
  const commenters = Math.max(
    1,
    sum((week) => week.commenters),
  );
  return {
    perCommenter: sum((week) => week.messages) / commenters,
    returningShare: sum((week) => week.returning) / commenters,
    byCategory: Object.fromEntries(
      CATEGORIES.map((category) => [category, sum((week) => week.byCategory[category])]),
    ) as Record<Category, number>,
  };
}

/**
 * The warning, or null (see above). It names the kinds of message that grew from the block before the
 * last to the last, most growth first, and the limits that hold them.
 */
export function earlyWarning(series: readonly WeekCounts[]): EarlyWarning | null {
  let streak = 0;
  for (let end = series.length - 1; end - 2 * BLOCK_WEEKS + 1 >= 0; end -= 1) {
    const [before, after] = [block(series, end - BLOCK_WEEKS), block(series, end)];
    const rose = after.perCommenter > before.perCommenter * (1 + MIN_RISE);
    const fell = after.returningShare < before.returningShare * (1 - MIN_FALL);
    if (!(rose && fell)) break;
    streak += 1;
  }
  if (streak < WARNING_WEEKS) return null;
  const last = series.length - 1;
  const [before, after] = [block(series, last - BLOCK_WEEKS), block(series, last)];
  const growth = (category: Category) => after.byCategory[category] - before.byCategory[category];
  const categories = CATEGORIES.filter((category) => growth(category) > 0).sort(
    (a, b) => growth(b) - growth(a),
  );
  return {
    weeks: streak,
    categories,
    limits: [...categories.map((category) => LIMIT_OF[category]), 'pageDailyMax'],
  };
}
