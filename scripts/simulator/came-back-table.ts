import { figureOf, matchIndex, matchMessages } from '../../src/background/discretion/came-back';
import { earlyWarning, weeklySeries, type EarlyWarning } from '../../src/background/discretion/early-warning';
import { SERIES_WEEKS } from '../../src/shared/discretion';
import { CATEGORIES, type Category } from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';
import { FAN_MODEL_CONFIG, PROMO_PUSH, runFanModel, type FanModelConfig } from './fan-model';

/** The fan model's Page, in each way its messages are decided (see FanModelConfig.policy). */
const MODELS: ReadonlyArray<{ title: string; config: Partial<FanModelConfig> }> = [
  { title: 'one message at a time', config: { policy: 'clean' } },
  { title: 'pushing promos, policy off', config: { ...PROMO_PUSH, policy: 'off' } },
  { title: 'pushing promos, team-wide limits', config: { ...PROMO_PUSH, policy: 'team' } },
];
const WINDOW_DAYS = 14;
/** Monday 5 January 2026, midnight UTC. */
const START = Date.UTC(2026, 0, 5);

export interface CameBackRow {
  model: string;
  category: Category;
  /** The messages' true effect on coming back within 14 days (the model's counterfactual). */
  truth: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  matched: number;
}

export interface CameBackTable {
  seed: number;
  rows: CameBackRow[];
  warnings: Array<{ model: string; warning: EarlyWarning | null }>;
}

/** "Did they come back?" on the fan model: the project's estimator against the model's known truth. */
export function cameBackTable(seed: number): CameBackTable {
  const rows: CameBackRow[] = [];
  const warnings: CameBackTable['warnings'] = [];
  for (const { title, config: overrides } of MODELS) {
    const config = { ...FAN_MODEL_CONFIG, ...overrides, seed };
    const run = runFanModel(config, START);
    const index = matchIndex(run.sightings, run.messages);
    for (const category of CATEGORIES) {
      const matching = matchMessages(category, WINDOW_DAYS, index, run.end);
      const { difference } = figureOf(category, WINDOW_DAYS, matching);
      const truth =
        matching.matched.reduce((sum, { message }) => sum + run.effectOf(message, WINDOW_DAYS), 0) /
        Math.max(1, matching.matched.length);
      rows.push({
        model: title,
        category,
        truth,
        estimate: difference?.estimate ?? null,
        low: difference?.low ?? null,
        high: difference?.high ?? null,
        matched: matching.matched.length,
      });
    }
    const series = weeklySeries(run.sightings, run.messages, START + config.days * DAY_MS, SERIES_WEEKS);
    warnings.push({ model: title, warning: earlyWarning(series) });
  }
  return { seed, rows, warnings };
}

const points = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}`);

/** The table as the terminal (and the README) shows it, in percentage points. */
export function formatCameBackTable({ seed, rows, warnings }: CameBackTable): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `Did they come back? Fan model, seed ${seed}: came back within ${WINDOW_DAYS} days, messaged minus matched fans, in points`,
    '',
    line(['Page', 'kind', 'true effect', 'estimate', '95 % interval', 'fans']),
    line(['---', '---', '---:', '---:', '---:', '---:']),
    ...rows.map((row) =>
      line([
        row.model,
        row.category,
        points(row.truth),
        points(row.estimate),
        row.low === null ? 'not enough data' : `${points(row.low)} to ${points(row.high)}`,
        String(row.matched),
      ]),
    ),
    '',
    ...warnings.map(
      ({ model, warning }) =>
        `Early warning, ${model}: ${warning ? `on for ${warning.weeks} weeks, driven by ${warning.categories.join(', ')}` : 'quiet'}`,
    ),
  ].join('\n');
}
