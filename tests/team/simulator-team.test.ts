import { afterAll, beforeAll, expect, test } from 'vitest';
import { measure } from '../../scripts/simulator/metrics';
import { replay } from '../../scripts/simulator/replay';
import { generateScenario, SMALL_CONFIG } from '../../scripts/simulator/scenario';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { HEAVY_TEST_TIMEOUT_MS } from '../unit/heavy-test';
import { startCouchServer, type CouchServer } from './couch-process.mjs';

let couch: CouchServer;
beforeAll(async () => (couch = await startCouchServer()));
afterAll(() => couch.stop());

test(
  'in team mode, three admins through one server keep every fan within the limits and stop at STOP',
  async () => {
    const scenario = generateScenario(SMALL_CONFIG);
    const settings = { ...DEFAULT_POLICY_SETTINGS, timeZone: SMALL_CONFIG.timeZone };
    const result = await replay(scenario, 'server', settings, couch);
    const metrics = measure(result, settings.fanMonthlyMax, SMALL_CONFIG);
    expect(metrics).toMatchObject({
      fansOverLimits: 0,
      fansOverLimitsUnmarked: 0,
      messagesAfterStop: 0,
      careBlocked: 0,
    });
    expect(metrics.messages).toBeGreaterThan(0);
  },
  HEAVY_TEST_TIMEOUT_MS,
);
