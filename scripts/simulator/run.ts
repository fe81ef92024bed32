import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { measure, type Metrics } from './metrics';
import { MODES, replay } from './replay';
import { generateScenario, type SimulationConfig } from './scenario';
import type { TeamServer } from './team-server';

export interface SimulationReport {
  config: SimulationConfig;
  comments: number;
  intents: number;
  metrics: Metrics[];
  elapsedMs: number;
}

/**
 * Generates the scenario and replays it in every mode: the baseline, each browser alone, the team
 * through the Graph API, and, given a team server, team mode.
 */
export async function simulate(config: SimulationConfig, server?: TeamServer): Promise<SimulationReport> {
  const began = performance.now();
  const scenario = generateScenario(config);
  const metrics: Metrics[] = [];
  const settings = { ...DEFAULT_POLICY_SETTINGS, timeZone: config.timeZone };
  for (const mode of server ? [...MODES, 'server' as const] : MODES) {
    metrics.push(measure(await replay(scenario, mode, settings, server), settings.fanMonthlyMax, config));
  }
  return {
    config,
    comments: scenario.comments.length,
    intents: scenario.intents.length,
    metrics,
    elapsedMs: performance.now() - began,
  };
}

const MODE_TITLES = {
  off: 'policy off',
  isolated: 'each browser alone',
  team: 'team-wide (Graph)',
  server: 'team mode (CouchDB)',
} as const;

/** The terminal summary: one column per mode, so the difference is visible side by side. */
export function summarize(report: SimulationReport): string {
  const { config, metrics } = report;
  const row = (label: string, value: (metrics: Metrics) => string | number) =>
    `${label.padEnd(46)}${metrics.map((entry) => String(value(entry)).padStart(20)).join('')}`;
  const rules = [...new Set(metrics.flatMap((entry) => Object.keys(entry.refusalsByRule)))].sort();
  return [
    `${config.days} days, ${config.fans.toLocaleString('en')} commenters, ${config.admins} admins, seed ${config.seed}: ` +
      `${report.comments.toLocaleString('en')} comments, ${report.intents.toLocaleString('en')} messages the admins wanted to send`,
    '',
    row('', (entry) => MODE_TITLES[entry.mode]),
    row('messages sent', (entry) => entry.messages),
    row('fans messaged', (entry) => entry.fansMessaged),
    ...Object.keys(metrics[0]!.perFan).map((name) =>
      row(`  fans who got ${name} message(s)`, (entry) => entry.perFan[name as keyof Metrics['perFan']]),
    ),
    row('most to one fan in 7 days (limit 1, not care)', (entry) => entry.maxPerFan7Days),
    row('most to one fan in 30 days (limit 3, not care)', (entry) => entry.maxPerFan30Days),
    row('fans over the limits', (entry) => entry.fansOverLimits),
    row('  of them not marked in the log', (entry) => entry.fansOverLimitsUnmarked ?? '–'),
    row('customer care blocked (Facebook rules aside)', (entry) => entry.careBlocked),
    row('customer care sent past a soft limit', (entry) => entry.careOverrides),
    row('refused by Facebook itself', (entry) => entry.platformRefused),
    row('promo share of messages', (entry) => `${(entry.promoShare * 100).toFixed(1)} %`),
    row('fans warned / on a second strike', (entry) => `${entry.fansWarned} / ${entry.fansOnSecondStrike}`),
    row('messages to fans after they said STOP', (entry) => entry.messagesAfterStop),
    row('sent offline, over the team’s limits (marked)', (entry) => entry.overTeamLimit),
    ...rules.map((rule) => row(`  refused: ${rule}`, (entry) => entry.refusalsByRule[rule] ?? 0)),
    row('decisions per second', (entry) => entry.decisionsPerSecond),
    '',
    `Whole run: ${(report.elapsedMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
