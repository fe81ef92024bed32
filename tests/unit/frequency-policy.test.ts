import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  countStrikes,
  evaluate,
  historyWindowMs,
  type OutreachRequest,
  type PastContact,
} from '../../src/background/policy/frequency-policy';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../src/shared/policy-settings';
import { CATEGORIES, type Category } from '../../src/shared/outreach';
import { DAY_MS, HOUR_MS } from '../../src/shared/time';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const WEEK = 7 * DAY_MS;
/** The defaults without the pace between sends, which has tests of its own below. */
const settings = { ...DEFAULT_POLICY_SETTINGS, paceSeconds: 0 };

let nextComment = 1000;
const FACEBOOK = 'https://www.facebook.com';

function request(overrides: Partial<OutreachRequest> = {}): OutreachRequest {
  return {
    pageId: 'acmecoffee',
    fanId: 'giulia.rossi.77',
    commentId: '456',
    category: 'thanks',
    ...overrides,
  };
}

function contact(createdAt: number, overrides: Partial<PastContact> = {}): PastContact {
  return { ...request({ commentId: String(nextComment++) }), createdAt, status: 'copied', ...overrides };
}

describe('frequency policy: the hard rule', () => {
  test('allows the first message to a fan', () => {
    expect(evaluate(request(), [], settings, T)).toEqual({ allowed: true });
  });

  test('refuses a second message for the same comment, even months later and for customer care', () => {
    const verdict = evaluate(
      request({ category: 'care' }),
      [contact(T, { commentId: '456' })],
      settings,
      T + 100 * DAY_MS,
    );
    expect(verdict).toEqual({ allowed: false, rule: 'one-per-comment', lastContactAt: T });
  });

  test('refuses every kind of message to a comment Facebook notes was answered privately, with no log entry', () => {
    for (const category of CATEGORIES) {
      expect(evaluate(request({ category, answeredElsewhere: true }), [], settings, T)).toEqual({
        allowed: false,
        rule: 'one-per-comment',
      });
    }
  });

  test('counts a teammate’s contact for the fan, naming them, but not for this browser’s pace', () => {
    const paced = { ...settings, paceSeconds: 20 };
    const theirs = contact(T, { author: 'Bea' });
    expect(evaluate(request(), [theirs], paced, T + 1)).toMatchObject({
      rule: 'thanks-window',
      lastContactBy: 'Bea',
    });
    expect(evaluate(request({ category: 'care' }), [theirs], paced, T + 1)).toEqual({ allowed: true });
  });

  test('a failed delivery counts neither for the comment nor for the fan', () => {
    expect(
      evaluate(request(), [contact(T, { commentId: '456', status: 'failed' })], settings, T + 1),
    ).toEqual({
      allowed: true,
    });
  });
});

describe('frequency policy: comment age', () => {
  test('refuses every kind of message to a comment written 7 days ago, naming when', () => {
    for (const category of CATEGORIES) {
      expect(evaluate(request({ category, commentPostedAt: T - WEEK }), [], settings, T)).toEqual({
        allowed: false,
        rule: 'comment-age',
        lastContactAt: T - WEEK,
      });
    }
  });

  test('allows a comment written 1 ms less than 7 days ago', () => {
    expect(evaluate(request({ commentPostedAt: T - WEEK + 1 }), [], settings, T)).toEqual({ allowed: true });
  });

  test('a comment whose age is unknown is not held by the rule', () => {
    expect(evaluate(request(), [], settings, T + 100 * DAY_MS)).toEqual({ allowed: true });
  });
});

describe('frequency policy: do not contact', () => {
  const marked = { doNotContact: true, updatedAt: T - DAY_MS };

  test('a fan marked "do not contact" gets no thanks, promo or warning', () => {
    for (const category of ['thanks', 'promo', 'warning'] as const) {
      expect(evaluate(request({ category }), [], settings, T, marked)).toEqual({
        allowed: false,
        rule: 'do-not-contact',
        lastContactAt: T - DAY_MS,
      });
    }
  });

  test('a fan marked "do not contact" can still be answered by customer care', () => {
    expect(evaluate(request({ category: 'care' }), [], settings, T, marked)).toEqual({ allowed: true });
  });

  test('lifting the mark lifts the rule', () => {
    expect(evaluate(request(), [], settings, T, { ...marked, doNotContact: false })).toEqual({
      allowed: true,
    });
  });
});

describe('frequency policy: one message per fan per week', () => {
  test('refuses a fan messaged 1 ms less than 7 days ago, naming when they become eligible', () => {
    const verdict = evaluate(request({ category: 'warning' }), [contact(T)], settings, T + WEEK - 1);
    expect(verdict).toEqual({ allowed: false, rule: 'fan-window', lastContactAt: T, eligibleAt: T + WEEK });
  });

  test('allows a fan messaged exactly 7 days ago', () => {
    expect(evaluate(request({ category: 'warning' }), [contact(T)], settings, T + WEEK)).toEqual({
      allowed: true,
    });
  });

  test('refuses when the clock moved backwards past the last contact', () => {
    const verdict = evaluate(request({ category: 'warning' }), [contact(T)], settings, T - DAY_MS);
    expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window' });
  });

  test('an entry whose outcome is unknown still counts', () => {
    const verdict = evaluate(
      request({ category: 'warning' }),
      [contact(T, { status: 'reserved' })],
      settings,
      T + 1,
    );
    expect(verdict).toMatchObject({ allowed: false, rule: 'fan-window' });
  });

  test('contacts with other fans or on other Pages do not count', () => {
    const history = [contact(T, { fanId: 'marco' }), contact(T, { pageId: 'otherpage' })];
    expect(evaluate(request(), history, settings, T + 1)).toEqual({ allowed: true });
  });

  test('the window length follows the settings', () => {
    const daily = { ...settings, fanWindowDays: 1 };
    expect(evaluate(request({ category: 'warning' }), [contact(T)], daily, T + DAY_MS)).toEqual({
      allowed: true,
    });
  });
});

describe('frequency policy: messages the Page sent outside this browser', () => {
  test('one sent by another admin 2 days ago holds the weekly rule, naming when', () => {
    expect(evaluate(request({ outsideContacts: [T - 2 * DAY_MS] }), [], settings, T)).toEqual({
      allowed: false,
      rule: 'fan-window',
      lastContactAt: T - 2 * DAY_MS,
      eligibleAt: T + 5 * DAY_MS,
    });
  });

  test('their kind is unknown: they count for no category rule and not for customer care', () => {
    const outside = [T - 10 * DAY_MS, T - 20 * DAY_MS];
    expect(evaluate(request({ category: 'promo', outsideContacts: outside }), [], settings, T)).toEqual({
      allowed: true,
    });
    const daily = [T - 1000, T - 2000, T - 3000];
    expect(evaluate(request({ category: 'care', outsideContacts: daily }), [], settings, T)).toEqual({
      allowed: true,
    });
  });

  test('they add up with this browser’s own messages for the monthly cap', () => {
    const own = [contact(T - 25 * DAY_MS, { commentId: '1' }), contact(T - 15 * DAY_MS, { commentId: '2' })];
    expect(evaluate(request({ outsideContacts: [T - 8 * DAY_MS] }), own, settings, T)).toMatchObject({
      allowed: false,
      rule: 'fan-monthly',
    });
  });

  test('a teammate’s send, as the conversation shows it, is not counted twice', () => {
    const team = [
      contact(T - 25 * DAY_MS, { commentId: '1', author: 'Bea' }),
      contact(T - 15 * DAY_MS, { commentId: '2', author: 'Ann' }),
    ];
    const sameSends = team.map((entry) => entry.createdAt + 30_000);
    expect(evaluate(request({ outsideContacts: sameSends }), team, settings, T)).toEqual({ allowed: true });
  });

  test('this browser’s own send, as the conversation shows it, is not counted twice', () => {
    const own = [contact(T - 25 * DAY_MS, { commentId: '1' }), contact(T - 15 * DAY_MS, { commentId: '2' })];
    const sameSends = own.map((entry) => entry.createdAt + 30_000);
    expect(evaluate(request({ outsideContacts: sameSends }), own, settings, T)).toEqual({ allowed: true });
  });
});

describe('frequency policy: private replies Facebook noted under the fan’s comments', () => {
  const answered = (commentId: string, at: number) => ({
    doNotContact: false,
    updatedAt: 0,
    answered: [{ commentId, at }],
  });

  test('one under another of the fan’s comments holds the weekly rule from when it was seen', () => {
    expect(evaluate(request(), [], settings, T, answered('123', T - 2 * DAY_MS))).toEqual({
      allowed: false,
      rule: 'fan-window',
      lastContactAt: T - 2 * DAY_MS,
      seenOnFacebook: true,
      eligibleAt: T + 5 * DAY_MS,
    });
  });

  test('its kind is unknown: it holds no category rule and never customer care', () => {
    const seen = answered('123', T - 10 * DAY_MS);
    expect(evaluate(request({ category: 'promo' }), [], settings, T, seen)).toEqual({ allowed: true });
    expect(evaluate(request({ category: 'care' }), [], settings, T, answered('123', T))).toEqual({
      allowed: true,
    });
  });

  test('one under a comment a message in the log answered is that message, counted once', () => {
    const own = [contact(T - 25 * DAY_MS, { commentId: '1' }), contact(T - 15 * DAY_MS, { commentId: '2' })];
    const seenUnderOwn = {
      doNotContact: false,
      updatedAt: 0,
      answered: [{ commentId: '2', at: T - 8 * DAY_MS }],
    };
    expect(evaluate(request(), own, settings, T, seenUnderOwn)).toEqual({ allowed: true });
  });

  test('the comment it was seen under stays answered, even where the note is not read again', () => {
    for (const category of CATEGORIES) {
      expect(evaluate(request({ category }), [], settings, T, answered('456', T - 100 * DAY_MS))).toEqual({
        allowed: false,
        rule: 'one-per-comment',
      });
    }
  });
});

describe('frequency policy: per-category rules', () => {
  test('a fourth message in 30 days is refused until the oldest of the last three is 30 days old', () => {
    const history = [contact(T, { category: 'warning' }), contact(T + 8 * DAY_MS), contact(T + 16 * DAY_MS)];
    const verdict = evaluate(request({ category: 'warning' }), history, settings, T + 24 * DAY_MS);
    expect(verdict).toEqual({
      allowed: false,
      rule: 'fan-monthly',
      lastContactAt: T,
      eligibleAt: T + 30 * DAY_MS,
      limit: 3,
    });
  });

  test('a second promo waits 30 days, however long ago the last other message was', () => {
    const verdict = evaluate(
      request({ category: 'promo' }),
      [contact(T, { category: 'promo' })],
      settings,
      T + 10 * DAY_MS,
    );
    expect(verdict).toMatchObject({ allowed: false, rule: 'promo-window', eligibleAt: T + 30 * DAY_MS });
  });

  test('a second thank-you waits 14 days', () => {
    const verdict = evaluate(
      request({ category: 'thanks' }),
      [contact(T, { category: 'thanks' })],
      settings,
      T + 10 * DAY_MS,
    );
    expect(verdict).toMatchObject({ allowed: false, rule: 'thanks-window', eligibleAt: T + 14 * DAY_MS });
  });

  test('after a pre-ban warning there is no promo or thank-you for 14 days', () => {
    const warned = [contact(T, { category: 'warning' })];
    for (const category of ['promo', 'thanks'] as const) {
      const verdict = evaluate(request({ category }), warned, settings, T + 10 * DAY_MS);
      expect(verdict).toMatchObject({
        allowed: false,
        rule: 'warning-cooldown',
        eligibleAt: T + 14 * DAY_MS,
      });
    }
  });

  test('customer care is exempt from the weekly and category rules', () => {
    const history = [contact(T, { category: 'warning' }), contact(T + HOUR_MS, { category: 'promo' })];
    expect(evaluate(request({ category: 'care' }), history, settings, T + 2 * HOUR_MS)).toEqual({
      allowed: true,
    });
  });

  test('customer care is capped at three per fan per 24 hours', () => {
    const history = [0, 1, 2].map((hour) => contact(T + hour * HOUR_MS, { category: 'care' }));
    const verdict = evaluate(request({ category: 'care' }), history, settings, T + 3 * HOUR_MS);
    expect(verdict).toEqual({
      allowed: false,
      rule: 'care-daily',
      lastContactAt: T,
      eligibleAt: T + DAY_MS,
      limit: 3,
    });
  });

  test('customer care does not count towards the other rules', () => {
    const history = [contact(T, { category: 'care' })];
    expect(evaluate(request({ category: 'promo' }), history, settings, T + 1)).toEqual({ allowed: true });
  });

  test('the Page sends at most 50 private messages in 24 hours, to all fans together', () => {
    const others = Array.from({ length: 50 }, (_, index) =>
      contact(T + index * 60_000, { fanId: `fan-${index}`, category: 'care' }),
    );
    const verdict = evaluate(request({ category: 'thanks' }), others, settings, T + DAY_MS - 1);
    expect(verdict).toEqual({
      allowed: false,
      rule: 'page-daily',
      lastContactAt: T,
      eligibleAt: T + DAY_MS,
      limit: 50,
    });
    expect(evaluate(request({ category: 'thanks' }), others, settings, T + DAY_MS)).toEqual({
      allowed: true,
    });
  });

  test('teammates’ contacts dated after now never count toward the Page’s day, however many', () => {
    const future = Array.from({ length: 50 }, (_, index) =>
      contact(T + 1000 * DAY_MS, { fanId: `fan-${index}`, category: 'care', author: 'Mal' }),
    );
    expect(evaluate(request({ category: 'thanks' }), future, settings, T)).toEqual({ allowed: true });
  });

  test('customer care counts toward the Page’s day but is never held by it', () => {
    const others = Array.from({ length: 50 }, (_, index) =>
      contact(T + index * 60_000, { fanId: `fan-${index}`, category: 'care' }),
    );
    expect(evaluate(request({ category: 'care' }), others, settings, T + DAY_MS - 1)).toEqual({
      allowed: true,
    });
  });

  test('when several rules refuse, the verdict names the one that lasts longest', () => {
    const verdict = evaluate(
      request({ category: 'thanks' }),
      [contact(T, { category: 'thanks' })],
      settings,
      T + 1,
    );
    expect(verdict).toMatchObject({ rule: 'thanks-window', eligibleAt: T + 14 * DAY_MS });
  });
});

describe('frequency policy: quiet hours', () => {
  const evening = Date.UTC(2026, 10, 20, 22, 0);

  test('no promo between 21:00 and 9:00 in the admin’s time zone', () => {
    const verdict = evaluate(request({ category: 'promo' }), [], settings, evening);
    expect(verdict).toEqual({
      allowed: false,
      rule: 'quiet-hours',
      eligibleAt: Date.UTC(2026, 10, 21, 9, 0),
    });
  });

  test('other kinds of message are not held by quiet hours', () => {
    expect(evaluate(request({ category: 'thanks' }), [], settings, evening)).toEqual({ allowed: true });
  });

  test('a promo whose limit ends at night waits until the quiet hours are over', () => {
    const lastPromo = contact(evening - 30 * DAY_MS + HOUR_MS, { category: 'promo' });
    const verdict = evaluate(request({ category: 'promo' }), [lastPromo], settings, evening - 6 * HOUR_MS);
    expect(verdict).toMatchObject({ rule: 'promo-window', eligibleAt: Date.UTC(2026, 10, 21, 9, 0) });
  });
});

describe('frequency policy: pace', () => {
  test('a send less than 20 seconds after the last one from this browser waits, to any fan on any Page', () => {
    const last = contact(T, { fanId: 'someone-else', pageId: 'otherpage', category: 'care' });
    const verdict = evaluate(request({ category: 'care' }), [last], DEFAULT_POLICY_SETTINGS, T + 19_999);
    expect(verdict).toEqual({ allowed: false, rule: 'pace', lastContactAt: T, eligibleAt: T + 20_000 });
    expect(evaluate(request({ category: 'care' }), [last], DEFAULT_POLICY_SETTINGS, T + 20_000)).toEqual({
      allowed: true,
    });
  });

  test('a pace of 0 seconds turns it off', () => {
    const last = contact(T, { fanId: 'someone-else', category: 'care' });
    expect(evaluate(request({ category: 'care' }), [last], settings, T + 1)).toEqual({ allowed: true });
  });
});

describe('strikes', () => {
  test('count the pre-ban warnings of the last 90 days that reached the fan', () => {
    const history = [
      contact(T - 100 * DAY_MS, { category: 'warning' }),
      contact(T - 80 * DAY_MS, { category: 'warning' }),
      contact(T - 10 * DAY_MS, { category: 'warning', status: 'failed' }),
      contact(T - 5 * DAY_MS, { category: 'warning' }),
      contact(T - 1 * DAY_MS, { category: 'promo' }),
    ];
    expect(countStrikes(history, settings, T)).toBe(2);
  });
});

/** The rules written out plainly, one by one, as the reference the engine must agree with. */
function modelAllows(
  history: PastContact[],
  { category, post }: { category: Category; post: string },
  now: number,
  s: PolicySettings,
): boolean {
  const within = (days: number) => history.filter((c) => c.createdAt > now - days * DAY_MS);
  const count = (list: PastContact[], of: (c: PastContact) => boolean) => list.filter(of).length;
  if (category !== 'care' && count(within(1), () => true) >= s.pageDailyMax) return false;
  if (category !== 'care' && count(within(1), (c) => c.postUrl === `${FACEBOOK}${post}`) >= s.postDailyMax)
    return false;
  if (s.paceSeconds > 0 && history.some((c) => c.createdAt > now - s.paceSeconds * 1000)) return false;
  const hour = new Date(now).getUTCHours();
  const { quietHoursStart: from, quietHoursEnd: to } = s;
  const quiet = from !== to && (from < to ? hour >= from && hour < to : hour >= from || hour < to);
  if (category === 'promo' && quiet) return false;
  if (category === 'care') return count(within(1), (c) => c.category === 'care') < s.careDailyMax;
  if (count(within(s.fanWindowDays), (c) => c.category !== 'care') > 0) return false;
  if (count(within(30), (c) => c.category !== 'care') >= s.fanMonthlyMax) return false;
  if (category === 'promo' && count(within(s.promoWindowDays), (c) => c.category === 'promo') > 0)
    return false;
  if (category === 'thanks' && count(within(s.thanksWindowDays), (c) => c.category === 'thanks') > 0)
    return false;
  if (category !== 'warning' && count(within(s.warningCooldownDays), (c) => c.category === 'warning') > 0) {
    return false;
  }
  return true;
}

describe('frequency policy against a simple model', () => {
  const settingsArbitrary = fc.record({
    fanWindowDays: fc.integer({ min: 1, max: 10 }),
    fanMonthlyMax: fc.integer({ min: 1, max: 5 }),
    promoWindowDays: fc.integer({ min: 1, max: 40 }),
    thanksWindowDays: fc.integer({ min: 1, max: 20 }),
    warningCooldownDays: fc.integer({ min: 1, max: 20 }),
    careDailyMax: fc.integer({ min: 1, max: 4 }),
    pageDailyMax: fc.integer({ min: 1, max: 6 }),
    postDailyMax: fc.integer({ min: 1, max: 3 }),
    strikeWindowDays: fc.integer({ min: 1, max: 100 }),
    paceSeconds: fc.integer({ min: 0, max: 120 }),
    quietHoursStart: fc.integer({ min: 0, max: 23 }),
    quietHoursEnd: fc.integer({ min: 0, max: 23 }),
    retentionDays: fc.integer({ min: 30, max: 3650 }),
    sightingsKeepDays: fc.constant(180),
  });
  const step = fc.record({
    category: fc.constantFrom(...CATEGORIES),
    post: fc.constantFrom('/acmecoffee/posts/1', '/acmecoffee/posts/2'),
    // Mostly forward, sometimes a clock set back a little.
    advance: fc.integer({ min: -6 * HOUR_MS, max: 5 * DAY_MS }),
  });

  test('agrees with the model on every request of random sequences with random settings', () => {
    fc.assert(
      fc.property(settingsArbitrary, fc.array(step, { maxLength: 60 }), (s, steps) => {
        const history: PastContact[] = [];
        let now = T;
        for (const { category, post, advance } of steps) {
          now += advance;
          const asked = request({ category, commentId: String(nextComment++), postKey: post });
          const verdict = evaluate(asked, history, s, now);
          // Contacts stamped in the future (clock set back) are inside every window, as in the engine.
          const visible = history.map((c) => (c.createdAt > now ? { ...c, createdAt: now } : c));
          expect(verdict.allowed).toBe(modelAllows(visible, { category, post }, now, s));
          if (verdict.allowed) history.push(contact(now, { category, postUrl: `${FACEBOOK}${post}` }));
        }
      }),
    );
  });

  test('contacts older than the history window change no verdict, so the store need not read them', () => {
    const past = fc.record({
      category: fc.constantFrom(...CATEGORIES),
      pageId: fc.constantFrom('acmecoffee', 'otherpage'),
      age: fc.integer({ min: 0, max: 120 * DAY_MS }),
    });
    fc.assert(
      fc.property(
        settingsArbitrary,
        fc.array(past, { maxLength: 30 }),
        fc.constantFrom(...CATEGORIES),
        (s, contacts, category) => {
          const history = contacts.map(({ category: pastCategory, pageId, age }) =>
            contact(T - age, { category: pastCategory, pageId }),
          );
          const windowed = history.filter((c) => c.createdAt > T - historyWindowMs(s));
          const asked = request({ category, commentId: String(nextComment++) });
          expect(evaluate(asked, windowed, s, T)).toEqual(evaluate(asked, history, s, T));
          expect(countStrikes(windowed, s, T)).toBe(countStrikes(history, s, T));
        },
      ),
    );
  });

  test('a refused message is allowed from its eligible date on, and not a millisecond before', () => {
    fc.assert(
      fc.property(settingsArbitrary, fc.array(step, { minLength: 1, maxLength: 40 }), (s, steps) => {
        const history: PastContact[] = [];
        let now = T;
        for (const { category, advance } of steps) {
          now += Math.abs(advance);
          const asked = request({ category, commentId: String(nextComment++) });
          const verdict = evaluate(asked, history, s, now);
          if (verdict.allowed) {
            history.push(contact(now, { category }));
            continue;
          }
          const eligibleAt = verdict.eligibleAt!;
          expect(evaluate(asked, history, s, eligibleAt - 1).allowed).toBe(false);
          expect(evaluate(asked, history, s, eligibleAt).allowed).toBe(true);
        }
      }),
    );
  });
});
