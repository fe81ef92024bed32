import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_POLICY_SETTINGS,
  evaluate,
  type OutreachRequest,
} from '../../src/background/frequency-policy';
import type { EntryStatus } from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const WEEK = 7 * DAY_MS;
const settings = DEFAULT_POLICY_SETTINGS;

function request(overrides: Partial<OutreachRequest> = {}): OutreachRequest {
  return { pageId: 'acmecoffee', fanId: 'giulia.rossi.77', commentId: '456', ...overrides };
}

function contact(createdAt: number, overrides: Partial<OutreachRequest> & { status?: EntryStatus } = {}) {
  return { ...request(overrides), createdAt, status: overrides.status ?? 'copied' };
}

describe('frequency policy', () => {
  test('allows the first message to a fan', () => {
    expect(evaluate(request(), [], settings, T)).toEqual({ allowed: true });
  });

  test('refuses a second message for the same comment, even weeks later', () => {
    const verdict = evaluate(request(), [contact(T)], settings, T + 10 * WEEK);
    expect(verdict).toEqual({ allowed: false, rule: 'one-per-comment', lastContactAt: T });
  });

  test('refuses a fan messaged 1 ms less than 7 days ago, naming when they become eligible', () => {
    const verdict = evaluate(request({ commentId: '459' }), [contact(T)], settings, T + WEEK - 1);
    expect(verdict).toEqual({ allowed: false, rule: 'fan-window', lastContactAt: T, eligibleAt: T + WEEK });
  });

  test('allows a fan messaged exactly 7 days ago', () => {
    expect(evaluate(request({ commentId: '459' }), [contact(T)], settings, T + WEEK)).toEqual({
      allowed: true,
    });
  });

  test('measures the window from the fan’s latest contact', () => {
    const history = [contact(T, { commentId: '1' }), contact(T + 3 * DAY_MS, { commentId: '2' })];
    const verdict = evaluate(request({ commentId: '3' }), history, settings, T + WEEK);
    expect(verdict).toMatchObject({ allowed: false, eligibleAt: T + 3 * DAY_MS + WEEK });
  });

  test('refuses when the clock moved backwards past the last contact', () => {
    const verdict = evaluate(request({ commentId: '459' }), [contact(T)], settings, T - DAY_MS);
    expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window' });
  });

  test('an entry whose outcome is unknown still counts', () => {
    const verdict = evaluate(
      request({ commentId: '459' }),
      [contact(T, { status: 'reserved' })],
      settings,
      T + 1,
    );
    expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window' });
  });

  test('a failed delivery counts neither for the comment nor for the fan', () => {
    expect(evaluate(request(), [contact(T, { status: 'failed' })], settings, T + 1)).toEqual({
      allowed: true,
    });
  });

  test('contacts with other fans or on other Pages do not count', () => {
    const history = [
      contact(T, { fanId: 'marco', commentId: '1' }),
      contact(T, { pageId: 'otherpage', commentId: '2' }),
    ];
    expect(evaluate(request(), history, settings, T + 1)).toEqual({ allowed: true });
  });

  test('the window length follows the settings', () => {
    const verdict = evaluate(request({ commentId: '9' }), [contact(T)], { fanWindowDays: 1 }, T + DAY_MS);
    expect(verdict).toEqual({ allowed: true });
  });

  test('agrees with a simple model over random request sequences', () => {
    const step = fc.record({
      fan: fc.constantFrom('a', 'b', 'c'),
      comment: fc.integer({ min: 1, max: 12 }).map(String),
      advance: fc.integer({ min: -DAY_MS, max: 4 * DAY_MS }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const history: ReturnType<typeof contact>[] = [];
        // The model: a comment is answered at most once; a fan's last message blocks them for a week,
        // and a last message "in the future" (clock moved back) blocks too.
        const answered = new Set<string>();
        const lastByFan = new Map<string, number>();
        let now = T;
        for (const { fan, comment, advance } of steps) {
          now += advance;
          const last = lastByFan.get(fan);
          const expected = !answered.has(comment) && (last === undefined || now >= last + WEEK);
          const verdict = evaluate(request({ fanId: fan, commentId: comment }), history, settings, now);
          expect(verdict.allowed).toBe(expected);
          if (verdict.allowed) {
            history.push(contact(now, { fanId: fan, commentId: comment }));
            answered.add(comment);
            lastByFan.set(fan, Math.max(now, last ?? -Infinity));
          }
        }
      }),
    );
  });
});
