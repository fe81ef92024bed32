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
 * on two or more days of it). Single weeks are noisy (a post goes viral, a holiday empties the page), so
 * the warning reads sums over the last ROLLING_WEEKS weeks: it fires when, for WARNING_WEEKS weeks in a
 * row, that rolling count of messages per commenter rose while its returning commenters fell.
 */

/** Weeks summed for each point the warning reads. */
export const ROLLING_WEEKS = 4;
/** Weeks in a row of "more messages per commenter, fewer returning" before the warning fires. */
export const WARNING_WEEKS = 3;

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
  'promoWindowDays' | 'thanksWindowDays' | 'warningCooldownDays' | 'careDailyMax' | 'fanWindowDays'
>;
const LIMIT_OF: Record<Category, Limit> = {
  promo: 'promoWindowDays',
  thanks: 'thanksWindowDays',
  warning: 'fanWindowDays',
  care: 'careDailyMax',
};

export interface EarlyWarning {
  /** Weeks in a row the rolling figures went the wrong way. */
  weeks: number;
  /** The kinds of message whose numbers grew over those weeks, most growth first. */
  categories: Category[];
  /** The settings that hold those kinds back, plus the Page's daily cap. */
  limits: Array<Limit | 'pageDailyMax'>;
}

/** Rolling sums over ROLLING_WEEKS weeks, one per week from the ROLLING_WEEKS-th on. */
function rolling(series: readonly WeekCounts[]) {
  return series.slice(ROLLING_WEEKS - 1).map((_, index) => {
    const span = series.slice(index, index + ROLLING_WEEKS);
    const sum = (of: (week: WeekCounts) => number) => span.reduce((total, week) => total + of(week), 0);
    return {
      perCommenter:
        sum((week) => week.messages) /
        Math.max(
          1,
          sum((week) => week.commenters),
        ),
      returning: sum((week) => week.returning),
      byCategory: Object.fromEntries(
        CATEGORIES.map((category) => [category, sum((week) => week.byCategory[category])]),
      ) as Record<Category, number>,
    };
  });
}

/**
 * The warning, or null: fires when, for the last WARNING_WEEKS weeks or more in a row, the rolling
 * messages per commenter rose and the rolling returning commenters fell. It names the kinds of message
 * that grew over the streak and the limits that hold them.
 */
export function earlyWarning(series: readonly WeekCounts[]): EarlyWarning | null {
  const points = rolling(series);
  let streak = 0;
  for (let index = points.length - 1; index > 0; index -= 1) {
    const [before, after] = [points[index - 1]!, points[index]!];
    if (!(after.perCommenter > before.perCommenter && after.returning < before.returning)) break;
    streak += 1;
  }
  if (streak < WARNING_WEEKS) return null;
  const [start, end] = [points[points.length - 1 - streak]!, points[points.length - 1]!];
  const categories = CATEGORIES.filter(
    (category) => end.byCategory[category] > start.byCategory[category],
  ).sort((a, b) => end.byCategory[b] - start.byCategory[b] - (end.byCategory[a] - start.byCategory[a]));
  return {
    weeks: streak,
    categories,
    limits: [...categories.map((category) => LIMIT_OF[category]), 'pageDailyMax'],
  };
}
