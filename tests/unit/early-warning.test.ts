import { describe, expect, test } from 'vitest';
import {
  earlyWarning,
  ROLLING_WEEKS,
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

describe('the early warning', () => {
  test('fires after three weeks in a row of more promos per commenter and fewer returning, naming promos', () => {
    const series = [
      ...Array.from({ length: ROLLING_WEEKS }, steady),
      week(15, 5, 100, 35),
      week(25, 5, 100, 30),
      week(35, 5, 100, 25),
    ];
    expect(earlyWarning(series)).toEqual({
      weeks: 3,
      categories: ['promo'],
      limits: ['promoWindowDays', 'pageDailyMax'],
    });
  });

  test('stays quiet after only two such weeks', () => {
    const series = [
      ...Array.from({ length: ROLLING_WEEKS }, steady),
      week(15, 5, 100, 35),
      week(25, 5, 100, 30),
    ];
    expect(earlyWarning(series)).toBeNull();
  });

  test('stays quiet when more messages go out but the returning commenters hold', () => {
    const series = [
      ...Array.from({ length: ROLLING_WEEKS }, steady),
      week(15, 5, 100, 40),
      week(25, 5, 100, 41),
      week(35, 5, 100, 42),
    ];
    expect(earlyWarning(series)).toBeNull();
  });

  test('stays quiet when fewer come back but messages per commenter do not rise', () => {
    const series = [
      ...Array.from({ length: ROLLING_WEEKS }, steady),
      week(5, 5, 100, 35),
      week(5, 5, 100, 30),
      week(5, 5, 100, 25),
    ];
    expect(earlyWarning(series)).toBeNull();
  });

  test('reads rolling sums, so one noisy week does not break a trend nor make one', () => {
    // A viral week (many commenters) in the middle of a steady run: no warning.
    const viral = [...Array.from({ length: ROLLING_WEEKS }, steady), week(5, 5, 400, 60), steady(), steady()];
    expect(earlyWarning(viral)).toBeNull();
  });

  test('names every kind that grew, most growth first, with the limits that hold each', () => {
    const series = [
      ...Array.from({ length: ROLLING_WEEKS }, steady),
      week(8, 10, 100, 35),
      week(11, 15, 100, 30),
      week(14, 20, 100, 25),
    ];
    expect(earlyWarning(series)).toMatchObject({
      categories: ['thanks', 'promo'],
      limits: ['thanksWindowDays', 'promoWindowDays', 'pageDailyMax'],
    });
  });
});
