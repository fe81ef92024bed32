import { clockFace } from '../../shared/time';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
}

/** The date and hour an instant shows on a clock in `timeZone`. */
function wallClock(time: number, timeZone: string): WallClock & { minute: number; second: number } {
  const face = clockFace(time, timeZone);
  return {
    year: Number(face.year),
    month: Number(face.month),
    day: Number(face.day),
    hour: Number(face.hour),
    minute: Number(face.minute),
    second: Number(face.second),
  };
}

/** How far `timeZone`'s clock is ahead of UTC at an instant. */
function offsetAt(time: number, timeZone: string): number {
  const wall = wallClock(time, timeZone);
  const seconds = Math.floor(time / 1000) * 1000;
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - seconds;
}

/** The instant a clock in `timeZone` shows the given date at the start of the given hour. */
function instantOf(wall: WallClock, timeZone: string): number {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour);
  // Twice, because the offset to use is the one in force at the answer, which can differ across DST.
  const first = asIfUtc - offsetAt(asIfUtc, timeZone);
  return asIfUtc - offsetAt(first, timeZone);
}

/**
 * When the quiet hours that `now` falls in end, or null outside them. Hours are whole local hours in
 * `timeZone`; a window may span midnight (21 → 9); equal hours mean no quiet hours at all.
 */
export function quietHoursEnd(now: number, start: number, end: number, timeZone: string): number | null {
  if (start === end) return null;
  const wall = wallClock(now, timeZone);
  const quiet = start < end ? wall.hour >= start && wall.hour < end : wall.hour >= start || wall.hour < end;
  if (!quiet) return null;
  // The end falls today when it is still ahead on the clock, otherwise on the next calendar day (counted
  // on the calendar, not as 24 hours: the night the clocks change is 23 or 25 hours long).
  const endDay = new Date(Date.UTC(wall.year, wall.month - 1, wall.hour < end ? wall.day : wall.day + 1));
  const day = { year: endDay.getUTCFullYear(), month: endDay.getUTCMonth() + 1, day: endDay.getUTCDate() };
  return instantOf({ ...day, hour: end }, timeZone);
}
