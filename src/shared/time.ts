export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** What a clock in a time zone shows at an instant, each part as written, two digits but the year. */
export type ClockFace = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/**
 * One formatter per zone: building one costs far more than using it, and a CSV of 10,000 rows or the
 * policy weighing every promo asks for thousands. Derived, not state: losing it loses nothing.
 */
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** The instant `at` as a clock in `timeZone` shows it. */
export function clockFace(at: number, timeZone: string): ClockFace {
  const parts = clockIn(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((found) => found.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}
