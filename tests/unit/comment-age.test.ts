import { describe, expect, test } from 'vitest';
import { commentAgeMs } from '../../src/content/comment-age';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/shared/time';

const WEEK_MS = 7 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;

describe('the age of a comment, read from the timestamp Facebook shows beside it', () => {
  test.each([
    ['12m', 12 * MINUTE_MS],
    ['5h', 5 * HOUR_MS],
    ['2d', 2 * DAY_MS],
    ['1w', WEEK_MS],
    ['3y', 3 * YEAR_MS],
  ])('English "%s"', (label, expected) => {
    expect(commentAgeMs(label)).toBe(expected);
  });

  test.each([
    ['12 min', 12 * MINUTE_MS],
    ['2 g', 2 * DAY_MS],
    ['3 sett', 3 * WEEK_MS],
    ['1 a', YEAR_MS],
  ])('Italian "%s"', (label, expected) => {
    expect(commentAgeMs(label)).toBe(expected);
  });

  test.each([
    ['12 Min.', 12 * MINUTE_MS],
    ['5 Std.', 5 * HOUR_MS],
    ['2 T.', 2 * DAY_MS],
    ['2 W.', 2 * WEEK_MS],
    ['1 J.', YEAR_MS],
  ])('German "%s", where a capital J is a year', (label, expected) => {
    expect(commentAgeMs(label)).toBe(expected);
  });

  test.each([
    ['2 j', 2 * DAY_MS],
    ['1 sem', WEEK_MS],
    ['2 an', 2 * YEAR_MS],
  ])('French "%s", where a small j is a day', (label, expected) => {
    expect(commentAgeMs(label)).toBe(expected);
  });

  test.each([
    ['2 d', 2 * DAY_MS],
    ['4 sem', 4 * WEEK_MS],
  ])('Spanish and Portuguese "%s"', (label, expected) => {
    expect(commentAgeMs(label)).toBe(expected);
  });

  test.each([
    ['١٢ د', 12 * MINUTE_MS],
    ['٥ س', 5 * HOUR_MS],
    ['٢ ي', 2 * DAY_MS],
  ])('Arabic "%s", in Arabic-Indic digits', (label, expected) => {
    expect(commentAgeMs(label)).toBe(expected);
  });

  test.each(['Just now', 'Yesterday at 14:02', '2 fortnights', 'd', '', '12345 d'])(
    '"%s" is not a compact timestamp, so the age is unknown',
    (label) => {
      expect(commentAgeMs(label)).toBeNull();
    },
  );
});
