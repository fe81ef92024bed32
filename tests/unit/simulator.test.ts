import { beforeAll, describe, expect, test } from 'vitest';
import { measure, maxInWindow, type Metrics } from '../../scripts/simulator/metrics';
import { MODES, replay, type Mode, type ReplayResult } from '../../scripts/simulator/replay';
import { simulate } from '../../scripts/simulator/run';
import { generateScenario, SMALL_CONFIG, type Scenario } from '../../scripts/simulator/scenario';
import { COMMENT_REPLY_WINDOW_DAYS, POLICY_RULES } from '../../src/shared/outreach';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DAY_MS } from '../../src/shared/time';

/** Rules whose refusal never expires, so it names no date. */
const LASTING_RULES = ['one-per-comment', 'comment-age', 'do-not-contact'];
const MONTHLY_MAX = DEFAULT_POLICY_SETTINGS.fanMonthlyMax;

let scenario: Scenario;
const results = {} as Record<Mode, ReplayResult>;
const metrics = {} as Record<Mode, Metrics>;

beforeAll(async () => {
  scenario = generateScenario(SMALL_CONFIG);
  for (const mode of MODES) {
    results[mode] = await replay(scenario, mode);
    metrics[mode] = measure(results[mode], MONTHLY_MAX, SMALL_CONFIG);
  }
}, 60_000);

describe('the discretion simulator', () => {
  test('the scenario holds every effect it is meant to: bursts, late answers, a skewed clock, a DST change', () => {
    const { config, intents, comments } = scenario;
    const onDay = (day: number) =>
      comments.filter((comment) => Math.floor((comment.at - config.start) / DAY_MS) === day);
    expect(onDay(config.viral.day).length).toBeGreaterThan(config.viral.comments);
    expect(
      intents.some((intent) => intent.at - intent.comment.at >= COMMENT_REPLY_WINDOW_DAYS * DAY_MS),
    ).toBe(true);
    expect(
      intents.some(
        (intent) =>
          intent.admin === config.clockSkew.admin &&
          Math.floor((intent.at - config.start) / DAY_MS) === config.clockSkew.day,
      ),
    ).toBe(true);
    const offset = (time: number) =>
      new Intl.DateTimeFormat('en', { timeZone: config.timeZone, timeZoneName: 'shortOffset' }).format(time);
    expect(offset(config.start)).not.toBe(offset(config.start + (config.days - 1) * DAY_MS));
  });

  test('no comment gets two private messages, and none goes to a comment a week old, in any mode', () => {
    for (const mode of MODES) {
      const comments = results[mode].sent.map((message) => message.comment);
      expect(new Set(comments).size, mode).toBe(comments.length);
      const byId = new Map(scenario.comments.map((comment) => [comment.id, comment]));
      for (const message of results[mode].sent) {
        expect(message.at - byId.get(message.comment)!.at).toBeLessThan(COMMENT_REPLY_WINDOW_DAYS * DAY_MS);
      }
    }
  });

  test('with team-wide counting no fan goes over a limit; without the policy, many do', () => {
    expect(metrics.team).toMatchObject({ fansOverLimits: 0, maxPerFan7Days: 1 });
    expect(metrics.team.maxPerFan30Days).toBeLessThanOrEqual(MONTHLY_MAX);
    expect(metrics.off.fansOverLimits).toBeGreaterThan(0);
    expect(metrics.isolated.fansOverLimits).toBeLessThan(metrics.off.fansOverLimits);
  });

  test('every refusal names its rule and, when it expires, the moment the fan is eligible again', () => {
    for (const mode of ['isolated', 'team'] as const) {
      expect(results[mode].refused.length).toBeGreaterThan(0);
      for (const refusal of results[mode].refused) {
        expect(POLICY_RULES).toContain(refusal.rule);
        if (!LASTING_RULES.includes(refusal.rule)) expect(refusal.eligibleAt).toBeGreaterThan(refusal.at);
      }
    }
  });

  test('customer care is never blocked by the policy, only by Facebook’s own rules', () => {
    expect(metrics.isolated.careBlocked).toBe(0);
    expect(metrics.team.careBlocked).toBe(0);
    // Not even by asking the admin for a reason, outage included.
    expect(metrics.team.careOverrides).toBe(0);
  });

  test('fans who said STOP get fewer messages with the policy than without', () => {
    expect(metrics.team.messagesAfterStop).toBeLessThan(metrics.off.messagesAfterStop);
  });

  test('the same seed gives the same figures', async () => {
    const again = await simulate(SMALL_CONFIG);
    const stable = ({ decisionsPerSecond: _speed, ...figures }: Metrics) => figures;
    expect(again.metrics.map(stable)).toEqual(MODES.map((mode) => stable(metrics[mode])));
  }, 60_000);

  test('the busiest window is counted with half-open windows, as the policy counts them', () => {
    expect(maxInWindow([0, DAY_MS, 7 * DAY_MS], 7 * DAY_MS)).toBe(2);
    expect(maxInWindow([0, 7 * DAY_MS - 1], 7 * DAY_MS)).toBe(2);
    expect(maxInWindow([], 7 * DAY_MS)).toBe(0);
  });
});
