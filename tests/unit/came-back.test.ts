import { describe, expect, test } from 'vitest';
import {
  cameBack,
  fanClusteredError,
  habitBucket,
  MAX_MATCHES,
  matchIndex,
  matchMessages,
  type MatchedMessage,
  type SentMessage,
} from '../../src/background/discretion/came-back';
import { MIN_MATCHED_FANS } from '../../src/shared/discretion';
import { wilsonInterval } from '../../src/background/discretion/intervals';
import type { Sighting } from '../../src/background/discretion/sightings';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/shared/time';

/** Wednesday 4 November 2026, noon UTC: the message day. */
const T = Date.UTC(2026, 10, 4, 12);
const NOW = T + 60 * DAY_MS;

const seen = (fanKey: string, at: number, postKey = 'P'): Sighting => ({ fanKey, postKey, at });
const thanks = (fanKey: string, at = T, postKey = 'P', commentAt = at - HOUR_MS): SentMessage => ({
  fanKey,
  category: 'thanks',
  postKey,
  at,
  commentAt,
});

describe('the matched baseline', () => {
  // Ann is thanked for her comment on P. Who is she compared with?
  const sightings = [
    seen('ann', T - HOUR_MS),
    seen('ann', T + 5 * DAY_MS, 'Q'), // she comes back on another post
    seen('bob', T - 2 * HOUR_MS), // same post, same week, before the message, first time seen: a match…
    seen('bob', T + 10 * DAY_MS, 'Q'), // …who comes back
    seen('cat', T - 3 * HOUR_MS), // a match who does not come back
    seen('dan', T + HOUR_MS), // on P only after the message went out
    seen('eve', T - 8 * DAY_MS), // on P the week before
    seen('fay', T - 4 * HOUR_MS), // messaged ten days ago
    ...[30, 20, 10].map((days) => seen('gus', T - days * DAY_MS, 'R')),
    seen('gus', T - 5 * HOUR_MS), // seen three times before: another habit than Ann's
  ];
  const messages = [thanks('ann'), { ...thanks('fay', T - 10 * DAY_MS, 'S'), category: 'promo' as const }];

  test('compares a messaged fan with fans of the same post and week, habit, and no recent message', () => {
    const figure = cameBack('thanks', 14, sightings, messages, NOW);
    expect(figure).toMatchObject({
      matched: 1,
      unmatched: 0,
      controls: 2,
      messagedRate: 1,
      baselineRate: 0.5,
    });
  });

  test('a return after the window does not count in it', () => {
    expect(cameBack('thanks', 7, sightings, messages, NOW)).toMatchObject({
      messagedRate: 1,
      baselineRate: 0,
    });
  });

  test('a message whose window has not ended yet is left out', () => {
    expect(cameBack('thanks', 14, sightings, messages, T + 13 * DAY_MS)).toMatchObject({ matched: 0 });
  });

  test('a messaged fan with nobody to compare is counted apart, not guessed', () => {
    const alone = [seen('ann', T - HOUR_MS), seen('ann', T + DAY_MS, 'Q')];
    expect(cameBack('thanks', 14, alone, [thanks('ann')], NOW)).toMatchObject({ matched: 0, unmatched: 1 });
  });

  test('a fan messaged shortly before is not measured again', () => {
    const twice = [thanks('ann'), { ...thanks('ann', T - 20 * DAY_MS, 'S'), category: 'care' as const }];
    expect(cameBack('thanks', 14, sightings, twice, NOW)).toMatchObject({ matched: 0, unmatched: 0 });
  });

  test(`a messaged fan is compared with at most the ${MAX_MATCHES} fans who commented nearest the message`, () => {
    const crowd = Array.from({ length: MAX_MATCHES + 5 }, (_, index) =>
      seen(`fan${index}`, T - (index + 2) * MINUTE_MS),
    );
    const index = matchIndex([seen('ann', T - MINUTE_MS), ...crowd], [thanks('ann')]);
    const [unit] = matchMessages('thanks', 14, index, NOW).matched;
    expect(unit!.matches.map(({ fanKey }) => fanKey)).toEqual(
      crowd.slice(0, MAX_MATCHES).map(({ fanKey }) => fanKey),
    );
  });

  test('habits are compared in buckets: 0, 1, 2, 3 to 5, 6 or more sightings before', () => {
    expect([0, 1, 2, 3, 5, 6, 40].map(habitBucket)).toEqual([0, 1, 2, 3, 3, 4, 4]);
  });
});

/** `pairs` posts, each with one thanked fan and one match; `returned` says who came back on each. */
function pairedPosts(pairs: Array<[boolean, boolean]>) {
  const sightings: Sighting[] = [];
  const messages: SentMessage[] = [];
  pairs.forEach(([messagedCameBack, matchCameBack], index) => {
    const post = `post${index}`;
    sightings.push(seen(`m${index}`, T - HOUR_MS, post), seen(`c${index}`, T - 2 * HOUR_MS, post));
    if (messagedCameBack) sightings.push(seen(`m${index}`, T + DAY_MS, 'later'));
    if (matchCameBack) sightings.push(seen(`c${index}`, T + DAY_MS, 'later'));
    messages.push(thanks(`m${index}`, T, post));
  });
  return { sightings, messages };
}

describe('the difference and its interval', () => {
  test(`below ${MIN_MATCHED_FANS} matched fans the figure says "not enough data yet"`, () => {
    const few = pairedPosts(Array.from({ length: MIN_MATCHED_FANS - 1 }, () => [true, false]));
    expect(cameBack('thanks', 14, few.sightings, few.messages, NOW).difference).toBeNull();
    const enough = pairedPosts(Array.from({ length: MIN_MATCHED_FANS }, () => [true, false]));
    expect(cameBack('thanks', 14, enough.sightings, enough.messages, NOW).difference).not.toBeNull();
  });

  test('half the matches came back: 50 points, ± 1.96 errors clustered by fan', () => {
    const pairs = Array.from({ length: 40 }, (_, index): [boolean, boolean] => [true, index % 2 === 0]);
    const { sightings, messages } = pairedPosts(pairs);
    const { difference } = cameBack('thanks', 14, sightings, messages, NOW);
    // Each match's part is ∓0.5 / 40, each messaged fan's 0; 80 fans: SE = √(80/79 × 40 × 0.0125²).
    const standardError = Math.sqrt((80 / 79) * 40 * 0.0125 ** 2);
    expect(difference!.estimate).toBeCloseTo(0.5, 10);
    expect(difference!.low).toBeCloseTo(0.5 - 1.959964 * standardError, 10);
    expect(difference!.high).toBeCloseTo(0.5 + 1.959964 * standardError, 10);
  });

  test('a fan matched to several messages counts once: their parts are summed before squaring', () => {
    const unit = (fanKey: string, match: string, cameBack: number): MatchedMessage => ({
      message: thanks(fanKey),
      matches: [{ fanKey: match, cameBack }],
      outcome: 1,
      baseline: cameBack,
      habit: 0,
    });
    // x, who stayed away, matches A and B; y, who came back, matches C and D. The habit's baseline is
    // 0.5, the estimate 0.5: each messaged fan's part is 0, x's is 2 × 0.5 / 4, y's the opposite.
    const units = [unit('A', 'x', 0), unit('B', 'x', 0), unit('C', 'y', 1), unit('D', 'y', 1)];
    expect(fanClusteredError(units, 0.5)).toBeCloseTo(Math.sqrt((6 / 5) * 2 * 0.25 ** 2), 10);
  });

  test('Wilson’s interval for a share stays within 0 and 1 and matches the published values', () => {
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    const half = wilsonInterval(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
  });
});
