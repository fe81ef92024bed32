import { beforeAll, describe, expect, test } from 'vitest';
import { FAN_MODEL_CONFIG, runFanModel } from '../../scripts/simulator/fan-model';
import { figureOf, matchIndex, matchMessages } from '../../src/background/discretion/came-back';
import { CATEGORIES } from '../../src/shared/outreach';
import { HEAVY_TEST_TIMEOUT_MS } from './heavy-test';

/** Monday 5 January 2026, midnight UTC. */
const START = Date.UTC(2026, 0, 5);
/**
 * A 95 % interval misses about one run in 20 by design, so 20 runs would pass or fail on the seeds'
 * luck; 100 runs measure the rate itself, against the same bar: at least 95 of 100.
 */
const RUNS = 100;
const MIN_COVERED = 95;
const WINDOWS = [14, 30] as const;

interface Tally {
  covered: number;
  /** Estimate minus truth, and the interval's half-width, summed over the runs. */
  error: number;
  halfWidth: number;
}

/** Each category and window over RUNS seeded fan models: how often the interval held the true effect. */
function tallyRuns(): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (let seed = 1; seed <= RUNS; seed += 1) {
    const run = runFanModel({ ...FAN_MODEL_CONFIG, seed }, START);
    const index = matchIndex(run.sightings, run.messages);
    for (const category of CATEGORIES) {
      for (const windowDays of WINDOWS) {
        const matching = matchMessages(category, windowDays, index, run.end);
        const { difference } = figureOf(category, windowDays, matching);
        // The truth: what the messages did to these very fans, replayed without them.
        const truth =
          matching.matched.reduce((sum, { message }) => sum + run.effectOf(message, windowDays), 0) /
          matching.matched.length;
        const tally = tallies.get(`${category} ${windowDays}`) ?? { covered: 0, error: 0, halfWidth: 0 };
        tally.covered += truth >= difference!.low && truth <= difference!.high ? 1 : 0;
        tally.error += difference!.estimate - truth;
        tally.halfWidth += (difference!.high - difference!.low) / 2;
        tallies.set(`${category} ${windowDays}`, tally);
      }
    }
  }
  return tallies;
}

describe('the came-back figure, on a fan model whose true effects are known', () => {
  let tallies = new Map<string, Tally>();
  beforeAll(() => {
    tallies = tallyRuns();
  }, HEAVY_TEST_TIMEOUT_MS);

  test(`each category’s interval holds its true effect in at least ${MIN_COVERED} of ${RUNS} seeded runs, at 14 and 30 days`, () => {
    const covered = Object.fromEntries([...tallies].map(([key, { covered }]) => [key, covered]));
    for (const key of Object.keys(covered))
      expect.soft(covered[key], key).toBeGreaterThanOrEqual(MIN_COVERED);
    expect(Object.keys(covered)).toHaveLength(CATEGORIES.length * WINDOWS.length);
  });

  test('the estimate is unbiased: its mean error is within a tenth of the interval’s half-width', () => {
    expect(tallies.size).toBe(CATEGORIES.length * WINDOWS.length);
    for (const [key, { error, halfWidth }] of tallies)
      expect.soft(Math.abs(error / RUNS), key).toBeLessThan(halfWidth / RUNS / 10);
  });
});
