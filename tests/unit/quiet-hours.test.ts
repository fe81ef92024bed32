import { describe, expect, test } from 'vitest';
import { quietHoursEnd } from '../../src/background/policy/quiet-hours';

const ROME = 'Europe/Rome';

describe('quiet hours', () => {
  test('late in the evening they last until 9:00 the next morning, local time', () => {
    // 22:30 in Rome on 25 Nov 2026 (UTC+1) → 09:00 on 26 Nov in Rome = 08:00 UTC.
    expect(quietHoursEnd(Date.UTC(2026, 10, 25, 21, 30), 21, 9, ROME)).toBe(Date.UTC(2026, 10, 26, 8, 0));
  });

  test('early in the morning they last until 9:00 the same day', () => {
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 7, 59), 21, 9, ROME)).toBe(Date.UTC(2026, 10, 26, 8, 0));
  });

  test('they end exactly at 9:00 and start exactly at 21:00', () => {
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 8, 0), 21, 9, ROME)).toBeNull();
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 19, 59), 21, 9, ROME)).toBeNull();
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 20, 0), 21, 9, ROME)).toBe(Date.UTC(2026, 10, 27, 8, 0));
  });

  test('the night the clocks go forward they still end at 9:00 on the wall clock', () => {
    // Rome moves from UTC+1 to UTC+2 at 02:00 on 29 Mar 2026: 09:00 that morning is 07:00 UTC.
    expect(quietHoursEnd(Date.UTC(2026, 2, 28, 22, 0), 21, 9, ROME)).toBe(Date.UTC(2026, 2, 29, 7, 0));
  });

  test('the night the clocks go back they still end at 9:00 on the wall clock', () => {
    // Rome moves from UTC+2 to UTC+1 at 03:00 on 25 Oct 2026: 09:00 that morning is 08:00 UTC.
    expect(quietHoursEnd(Date.UTC(2026, 9, 24, 20, 0), 21, 9, ROME)).toBe(Date.UTC(2026, 9, 25, 8, 0));
  });

  test('a window inside one day works too, and equal hours mean none', () => {
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 13, 30), 13, 15, 'UTC')).toBe(Date.UTC(2026, 10, 26, 15, 0));
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 15, 0), 13, 15, 'UTC')).toBeNull();
    expect(quietHoursEnd(Date.UTC(2026, 10, 26, 23, 0), 9, 9, 'UTC')).toBeNull();
  });
});
