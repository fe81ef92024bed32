import { describe, expect, test } from 'vitest';
import {
  earlyWarning,
  BLOCK_WEEKS,
  weeklySeries,
  type WeekCounts,
} from '../../src/background/discretion/early-warning';
import type { Category } from '../../src/shared/outreach';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';

/** Monday 2 November 2026, midnight UTC. */
const MONDAY = Date.UTC(2026, 10, 2);

/** A hand-made week: `promo` promos and `thanks` thank-yous, `commenters` commenters of whom `returning` came back. */
function week(promo: number, thanks: number, commenters: number, returning: number): WeekCounts {
  const byCategory: Record<Category, number> = { thanks, promo, warning: 0, care: 0 };
  return { start: 0, messages: promo + thanks, byCategory, commenters, returning };
}

const steady = () => week(5, 5, 100, 40);

describe('the weekly series', () => {
  test('counts messages by kind, distinct commenters, and those seen on two or more days of a week', () => {
    const sightings = [
      { fanKey: 'ann', at: MONDAY + HOUR_MS },
      { fanKey: 'ann', at: MONDAY + 2 * HOUR_MS }, // the same day: not yet returning
      { fanKey: 'bob', at: MONDAY + HOUR_MS },
      { fanKey: 'bob', at: MONDAY + 3 * DAY_MS }, // another day: returning
      { fanKey: 'cat', at: MONDAY + 8 * DAY_MS }, // the next week
    ];
    const messages = [
      { category: 'promo' as const, at: MONDAY + DAY_MS },
      { category: 'thanks' as const, at: MONDAY + 9 * DAY_MS },
    ];
    const series = weeklySeries(sightings, messages, MONDAY + 14 * DAY_MS, 2);
    expect(series).toEqual([
      {
        start: MONDAY,
        messages: 1,
        byCategory: { thanks: 0, promo: 1, warning: 0, care: 0 },
        commenters: 2,
        returning: 1,
      },
      {
        start: MONDAY + 7 * DAY_MS,
        messages: 1,
        byCategory: { thanks: 1, promo: 0, warning: 0, care: 0 },
        commenters: 1,
        returning: 0,
      },
    ]);
  });

  test('holds complete weeks only: the week under way is left out', () => {
    const series = weeklySeries([{ fanKey: 'ann', at: MONDAY + 15 * DAY_MS }], [], MONDAY + 16 * DAY_MS, 2);
    expect(series.map(({ start, commenters }) => [start, commenters])).toEqual([
      [MONDAY, 0],
      [MONDAY + 7 * DAY_MS, 0],
    ]);
  });
});

/** Twelve weeks: steady ones, then `changed` ones (the last weeks of the series). */
const weeks = (...changed: WeekCounts[]) => [
  ...Array.from({ length: 12 - changed.length }, steady),
  ...changed,
];

describe('the early warning', () => {
  test('fires when, week after week, promos per commenter rise and fewer commenters come back, naming promos', () => {
    const series = weeks(
      week(10, 5, 100, 35),
      week(15, 5, 100, 32),
      week(20, 5, 100, 30),
      week(25, 5, 100, 28),
      week(30, 5, 100, 26),
      week(35, 5, 100, 24),
      week(40, 5, 100, 22),
    );
    expect(earlyWarning(series)).toEqual({
      weeks: 5,
      categories: ['promo'],
      limits: ['promoWindowDays', 'pageDailyMax'],
    });
  });

  test('stays quiet after only two such weeks', () => {
    expect(earlyWarning(weeks(week(20, 5, 100, 30), week(30, 5, 100, 25)))).toBeNull();
  });

  test('stays quiet when more messages go out but as many commenters come back', () => {
    const series = weeks(...[10, 15, 20, 25, 30].map((promos) => week(promos, 5, 100, 40)));
    expect(earlyWarning(series)).toBeNull();
  });

  test('stays quiet when fewer come back but messages per commenter do not rise', () => {
    const series = weeks(...[35, 32, 30, 28, 26].map((returning) => week(5, 5, 100, returning)));
    expect(earlyWarning(series)).toBeNull();
  });

  test('stays quiet on small drifts: a rise under 10 % and a fall under 5 %', () => {
    const series = weeks(...[39, 39, 39, 39, 39].map((returning) => week(5, 5.5, 100, returning)));
    expect(earlyWarning(series)).toBeNull();
  });

  test(`reads blocks of ${BLOCK_WEEKS} weeks as shares, so a viral week neither breaks a trend nor makes one`, () => {
    expect(earlyWarning(weeks(week(5, 5, 400, 60), steady(), steady()))).toBeNull();
  });

  test('names every kind that grew, most growth first, with the limits that hold each', () => {
    const series = weeks(
      ...[1, 2, 3, 4, 5, 6, 7].map((step) => week(5 + step, 5 + 2 * step, 100, 40 - 2 * step)),
    );
    expect(earlyWarning(series)).toMatchObject({
      categories: ['thanks', 'promo'],
      limits: ['thanksWindowDays', 'promoWindowDays', 'pageDailyMax'],
    });
  });
});
