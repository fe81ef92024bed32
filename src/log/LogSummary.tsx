import { t, uiLanguage } from '../shared/i18n';
import { CATEGORY_LABELS } from '../shared/labels';
import { CATEGORIES } from '../shared/outreach';
import type { LogSummary as Summary } from './log-summary';

const CHART_HEIGHT = 120;
const BAR_WIDTH = 28;
const BAR_GAP = 12;
const LABEL_SPACE = 18;

/** The numbers a manager reports, and messages per category per week as stacked bars. */
export function LogSummary({ summary }: { summary: Summary }) {
  const percent = new Intl.NumberFormat(uiLanguage(), { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' });
  const share = summary.fans === 0 ? 0 : summary.repeatFans / summary.fans;
  const totals = summary.weeks.map((week) =>
    CATEGORIES.reduce((sum, category) => sum + week.counts[category], 0),
  );
  const scale = CHART_HEIGHT / Math.max(1, ...totals);
  const width = summary.weeks.length * (BAR_WIDTH + BAR_GAP);
  const description = summary.weeks
    .map((week, index) => `${day.format(week.start)}: ${totals[index]}`)
    .join(', ');
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summaryTitle')}</h2>
      <dl>
        <div>
          <dt>{t('summaryRepeatFans')}</dt>
          <dd>
            {percent.format(share)} ({summary.repeatFans} / {summary.fans})
          </dd>
        </div>
        <div>
          <dt>{t('summaryWarnings')}</dt>
          <dd>{summary.warnings}</dd>
        </div>
      </dl>
      <figure>
        <svg
          role="img"
          aria-label={t('summaryChartLabel', description)}
          viewBox={`0 0 ${width} ${CHART_HEIGHT + LABEL_SPACE}`}
          width={width}
          height={CHART_HEIGHT + LABEL_SPACE}
        >
          {summary.weeks.map((week, index) => {
            let top = CHART_HEIGHT;
            const x = index * (BAR_WIDTH + BAR_GAP);
            return (
              <g key={week.start}>
                {CATEGORIES.map((category) => {
                  const height = week.counts[category] * scale;
                  top -= height;
                  return (
                    <rect
                      key={category}
                      class={`bar-${category}`}
                      x={x}
                      y={top}
                      width={BAR_WIDTH}
                      height={height}
                    />
                  );
                })}
                <text x={x + BAR_WIDTH / 2} y={CHART_HEIGHT + LABEL_SPACE - 4} text-anchor="middle">
                  {day.format(week.start)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          {CATEGORIES.map((category) => (
            <span key={category} class="legend">
              <span class={`swatch bar-${category}`} aria-hidden="true" />
              {t(CATEGORY_LABELS[category])}
            </span>
          ))}
        </figcaption>
      </figure>
    </section>
  );
}
