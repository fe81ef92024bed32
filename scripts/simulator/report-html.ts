import { PER_FAN_BANDS, type Metrics } from './metrics';
import type { SimulationReport } from './run';

/** One colour per mode, the same in every chart. */
const MODE_COLOURS = { off: '#c62828', isolated: '#ef6c00', team: '#1565c0', server: '#2e7d32' } as const;
const MODE_NAMES = {
  off: 'Policy off',
  isolated: 'Each browser alone',
  team: 'Team-wide (Graph API)',
  server: 'Team mode (CouchDB)',
} as const;
const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 24, right: 16, bottom: 40, left: 48 };
/** More labels than this under a chart are slanted so they do not run into each other. */
const MAX_LEVEL_LABELS = 6;
const SLANTED_EXTRA_HEIGHT = 70;

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function legend(metrics: readonly Metrics[]): string {
  return metrics
    .map(
      (entry, index) =>
        `<rect x="${MARGIN.left + index * 170}" y="4" width="12" height="12" fill="${MODE_COLOURS[entry.mode]}"/>` +
        `<text x="${MARGIN.left + index * 170 + 18}" y="14">${MODE_NAMES[entry.mode]}</text>`,
    )
    .join('');
}

/** Grouped bars: one group per label, one bar per mode. */
export function groupedBars(
  title: string,
  labels: readonly string[],
  metrics: readonly Metrics[],
  value: (entry: Metrics, label: string) => number,
  limit?: number,
): string {
  const slanted = labels.length > MAX_LEVEL_LABELS;
  const height = HEIGHT + (slanted ? SLANTED_EXTRA_HEIGHT : 0);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = Math.max(
    1,
    limit ?? 0,
    ...labels.flatMap((label) => metrics.map((entry) => value(entry, label))),
  );
  const group = plotWidth / labels.length;
  const bar = (group * 0.8) / metrics.length;
  const y = (amount: number) => MARGIN.top + plotHeight - (amount / top) * plotHeight;
  const bars = labels.flatMap((label, index) =>
    metrics.map((entry, modeIndex) => {
      const amount = value(entry, label);
      const x = MARGIN.left + index * group + group * 0.1 + modeIndex * bar;
      return `<rect x="${x.toFixed(1)}" y="${y(amount).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${(MARGIN.top + plotHeight - y(amount)).toFixed(1)}" fill="${MODE_COLOURS[entry.mode]}"><title>${escape(`${MODE_NAMES[entry.mode]}, ${label}: ${amount}`)}</title></rect>`;
    }),
  );
  const names = labels.map((label, index) => {
    const x = (MARGIN.left + index * group + group / 2).toFixed(1);
    const y = HEIGHT - MARGIN.bottom + 16;
    return slanted
      ? `<text x="${x}" y="${y}" text-anchor="end" transform="rotate(-35 ${x} ${y})">${escape(label)}</text>`
      : `<text x="${x}" y="${y}" text-anchor="middle">${escape(label)}</text>`;
  });
  const limitLine =
    limit === undefined
      ? ''
      : `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(limit)}" y2="${y(limit)}" stroke="#333" stroke-dasharray="4 3"/><text x="${WIDTH - MARGIN.right}" y="${y(limit) - 4}" text-anchor="end">limit ${limit}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escape(title)}" font-family="system-ui, sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>${legend(metrics)}<text x="${MARGIN.left}" y="${height - 6}">${escape(title)}</text><line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#999"/><text x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${top}</text><text x="${MARGIN.left - 6}" y="${MARGIN.top + plotHeight}" text-anchor="end">0</text>${bars.join('')}${names.join('')}${limitLine}</svg>`;
}

/** Messages per day for each mode, as lines. */
function perDayLines(metrics: readonly Metrics[]): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = metrics.map((entry) => entry.perDay.map((day) => day.care + day.other));
  const top = Math.max(1, ...totals.flat());
  const days = metrics[0]?.perDay.length ?? 1;
  const lines = totals.map((series, index) => {
    const points = series
      .map(
        (amount, day) =>
          `${(MARGIN.left + (day / Math.max(1, days - 1)) * plotWidth).toFixed(1)},${(MARGIN.top + plotHeight - (amount / top) * plotHeight).toFixed(1)}`,
      )
      .join(' ');
    return `<polyline fill="none" stroke="${MODE_COLOURS[metrics[index]!.mode]}" stroke-width="1.5" points="${points}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Messages per day" font-family="system-ui, sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>${legend(metrics)}<text x="${MARGIN.left}" y="${HEIGHT - 6}">Messages per day (the viral post and the outage are the peaks)</text><text x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${top}</text><text x="${MARGIN.left - 6}" y="${MARGIN.top + plotHeight}" text-anchor="end">0</text>${lines.join('')}</svg>`;
}

export function messagesPerFanChart(metrics: readonly Metrics[]): string {
  return groupedBars(
    'Fans by how many messages they got in 90 days',
    PER_FAN_BANDS,
    metrics,
    (entry, band) => entry.perFan[band as keyof Metrics['perFan']],
  );
}

/** The same for fans messaged more than once, where the modes differ (most fans get one message). */
export function repeatedFansChart(metrics: readonly Metrics[]): string {
  return groupedBars(
    'Fans messaged more than once in 90 days, by how many messages they got',
    PER_FAN_BANDS.slice(1),
    metrics,
    (entry, band) => entry.perFan[band as keyof Metrics['perFan']],
  );
}

/** The report page: headline table and charts, side by side for the three modes. */
export function reportHtml(report: SimulationReport, summary: string): string {
  const { metrics } = report;
  const rules = [...new Set(metrics.flatMap((entry) => Object.keys(entry.refusalsByRule)))].sort();
  const charts = [
    messagesPerFanChart(metrics),
    repeatedFansChart(metrics),
    groupedBars(
      'Most messages (not customer care) one fan got in any 7 days',
      ['7 days'],
      metrics,
      (entry) => entry.maxPerFan7Days,
      1,
    ),
    groupedBars(
      'Most messages (not customer care) one fan got in any 30 days',
      ['30 days'],
      metrics,
      (entry) => entry.maxPerFan30Days,
      3,
    ),
    groupedBars(
      'Refusals by rule',
      rules,
      metrics.filter((entry) => entry.mode !== 'off'),
      (entry, rule) => entry.refusalsByRule[rule] ?? 0,
    ),
    perDayLines(metrics),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page Outreach — discretion simulation</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:720px;margin:24px auto;padding:0 16px}pre{font-size:12px;overflow-x:auto}svg{width:100%;height:auto;margin:16px 0}</style></head>
<body><h1>Discretion simulation</h1>
<p>Generated by <code>npm run simulate</code>: the real policy engine and store, replayed over a generated history.</p>
<pre>${escape(summary)}</pre>
${charts.join('\n')}
</body></html>
`;
}
