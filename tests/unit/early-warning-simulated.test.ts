import { describe, expect, test } from 'vitest';
import { FAN_MODEL_CONFIG, PROMO_PUSH, runFanModel } from '../../scripts/simulator/fan-model';
import { earlyWarning, weeklySeries } from '../../src/background/discretion/early-warning';
import { SERIES_WEEKS } from '../../src/shared/discretion';
import { DAY_MS } from '../../src/shared/time';
import { HEAVY_TEST_TIMEOUT_MS } from './heavy-test';

/** Monday 5 January 2026, midnight UTC. */
const START = Date.UTC(2026, 0, 5);

describe('the early warning, on the fan model of a Page pushing promos ever harder', () => {
  const WARNING_RUNS = 20;
  /** How many of WARNING_RUNS seeded runs end their 90 days with the warning on. */
  function warnedRuns(policy: 'off' | 'team'): number {
    let warned = 0;
    for (let seed = 1; seed <= WARNING_RUNS; seed += 1) {
      const config = { ...FAN_MODEL_CONFIG, ...PROMO_PUSH, policy, seed };
      const run = runFanModel(config, START);
      const series = weeklySeries(run.sightings, run.messages, START + config.days * DAY_MS, SERIES_WEEKS);
      const warning = earlyWarning(series);
      if (warning) {
        expect(warning.categories[0]).toBe('promo');
        warned += 1;
      }
    }
    return warned;
  }

  test(
    'fires with no limits (policy off) in at least 15 of 20 runs, naming promos first',
    () => {
      expect(warnedRuns('off')).toBeGreaterThanOrEqual(15);
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  test(
    'stays quiet in every run under the default limits applied team-wide',
    () => {
      expect(warnedRuns('team')).toBe(0);
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
