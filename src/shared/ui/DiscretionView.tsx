import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../background-client';
import {
  CAME_BACK_WINDOWS,
  MIN_MATCHED_FANS,
  figureOf,
  type CameBackFigure,
  type DiscretionReport,
  type SourceCoverage,
} from '../discretion';
import type { SightingSource } from '../sightings';
import { GraphReading } from './GraphReading';
import { isFacebookDesktopUrl } from '../facebook-hosts';
import { formatDay, formatShare as percent } from '../format';
import { t, tCount, type MessageKey } from '../i18n';
import { CATEGORY_LABELS, SETTING_LABELS } from '../labels';
import { CATEGORIES } from '../outreach';
import type { ReplyOf } from '../messages';
import { useOutreachChanges } from '../use-outreach-changes';

type Reply = ReplyOf<'discretion/report'>;

/** The weekly chart's drawing box (SVG units, stretched to the view's width) and its tallest bar. */
const CHART_HEIGHT = 40;
const TALLEST_BAR = 38;
/** Each week's slot: a margin, then the messages' bar and the returning commenters' bar side by side. */
const BAR_MARGIN = 0.1;
const BAR_WIDTH = 0.4;

const postReplies = (post: { replies: number; lastAt: number }) =>
  tCount('discretionPostReplies', post.replies, [String(post.replies), formatDay(post.lastAt)]);
const points = (share: number) => `${share >= 0 ? '+' : '−'}${Math.abs(Math.round(share * 100))}`;

/** "Thanks: 64 % came back (no message: 48 %)": a figure with matched fans, in one line. */
export function cameBackLine(figure: CameBackFigure): string {
  return t('discretionCameBack', [
    t(CATEGORY_LABELS[figure.category]),
    percent(figure.messagedRate),
    percent(figure.baselineRate),
  ]);
}

/** One kind of message: came back, with its interval, against its matched fans; or "not enough data". */
function FigureRow({ figure }: { figure: CameBackFigure }) {
  const { low, high } = figure.messagedInterval;
  const summary =
    figure.matched === 0 ? t('discretionNoFans', t(CATEGORY_LABELS[figure.category])) : cameBackLine(figure);
  return (
    <li class="figure">
      <p class="figure-line">{summary}</p>
      {figure.matched > 0 && (
        <svg class="bars" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true">
          <rect class="bar baseline" x="0" y="8" height="5" width={figure.baselineRate * 100} />
          <rect class="bar messaged" x="0" y="1" height="5" width={figure.messagedRate * 100} />
          <line class="interval" x1={low * 100} x2={high * 100} y1="3.5" y2="3.5" />
        </svg>
      )}
      <p class="hint">
        {figure.matched > 0 &&
          tCount('discretionSample', figure.matched, [
            String(figure.matched),
            percent(low),
            percent(high),
            String(figure.controls),
          ])}{' '}
        {figure.difference === null
          ? figure.matched > 0 && t('discretionNotEnough', [String(figure.matched), String(MIN_MATCHED_FANS)])
          : t('discretionDifference', [
              points(figure.difference.estimate),
              points(figure.difference.low),
              points(figure.difference.high),
            ])}
      </p>
    </li>
  );
}

/** The weekly series as bars (messages, returning commenters), with the same figures as a table. */
function WeeklyChart({ series }: { series: DiscretionReport['series'] }) {
  const most = Math.max(1, ...series.flatMap((week) => [week.messages, week.returning]));
  const width = 100 / Math.max(1, series.length);
  return (
    <figure class="weekly">
      <figcaption>{t('discretionWeeklyTitle')}</figcaption>
      <svg
        viewBox={`0 0 100 ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby="weekly-summary"
      >
        <line class="axis" x1="0" x2="100" y1={CHART_HEIGHT} y2={CHART_HEIGHT} />
        {series.map((week, index) =>
          (['messages', 'returning'] as const).map((measure, slot) => (
            <rect
              key={`${week.start}-${measure}`}
              class={`bar ${measure === 'messages' ? 'messaged' : 'returning'}`}
              x={index * width + width * (BAR_MARGIN + BAR_WIDTH * slot)}
              width={width * BAR_WIDTH}
              y={CHART_HEIGHT - (week[measure] / most) * TALLEST_BAR}
              height={(week[measure] / most) * TALLEST_BAR}
            />
          )),
        )}
      </svg>
      <p class="legend" id="weekly-summary">
        <span class="key messaged" /> {t('discretionLegendMessages')} <span class="key returning" />{' '}
        {t('discretionLegendReturning')} ·{' '}
        {t('discretionAxis', [formatDay(series[0]?.start ?? 0), String(most)])}
      </p>
      <details>
        <summary>{t('discretionAsTable')}</summary>
        <table class="series">
          <thead>
            <tr>
              <th scope="col">{t('discretionWeek')}</th>
              <th scope="col">{t('discretionLegendMessages')}</th>
              <th scope="col">{t('discretionCommenters')}</th>
              <th scope="col">{t('discretionLegendReturning')}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((week) => (
              <tr key={week.start}>
                <th scope="row">{formatDay(week.start)}</th>
                <td>{week.messages}</td>
                <td>{week.commenters}</td>
                <td>{week.returning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const SOURCE_LABELS = {
  page: 'discretionSourcePage',
  graph: 'discretionSourceGraph',
} as const satisfies Record<SightingSource, MessageKey>;

/** What one source's figures rest on, and what it cannot see. */
function Coverage({ coverage }: { coverage: SourceCoverage }) {
  const counts = [String(coverage.sightings), String(coverage.posts), formatDay(coverage.since ?? 0)];
  const graph = coverage.source === 'graph';
  return (
    <p class="hint coverage">
      {coverage.sightings === 0
        ? t('discretionNoSightings')
        : graph
          ? t('discretionGraphCoverage', counts)
          : t('discretionCoverage', [...counts, String(coverage.withFacebookTime)])}{' '}
      {coverage.unplaced > 0 && `${t('discretionUnplaced', String(coverage.unplaced))} `}
      {t(graph ? 'discretionGraphBlindSpots' : 'discretionBlindSpots')}
    </p>
  );
}

/**
 * The early warning: messages per commenter up and returning commenters down for weeks, the kinds of
 * message behind it and the limits to tighten. Shown in the Discretion view, the compose view and Settings.
 */
export function DiscretionWarning({
  warning,
  pageName,
}: {
  warning: NonNullable<DiscretionReport['warning']>;
  pageName?: string;
}) {
  const kinds = warning.categories.map((category) => t(CATEGORY_LABELS[category])).join(', ');
  const limits = warning.limits.map((limit) => t(SETTING_LABELS[limit]));
  return (
    <div class="discretion-warning" role="alert">
      <p>
        {pageName && <strong>{pageName}: </strong>}
        {t('discretionWarning', [String(warning.weeks), kinds || t('discretionAllKinds')])}
      </p>
      <p class="hint">{t('discretionWarningLimits', limits.join(' · '))}</p>
    </div>
  );
}

/**
 * "Did they come back?": what the Page's private messages do to its fans' commenting, per kind of
 * message against fans who got nothing, with the sample behind every figure and what it cannot see.
 */
export function DiscretionView() {
  const [reply, setReply] = useState<Reply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pageId, setPageId] = useState<string | undefined>(undefined);
  const [windowDays, setWindowDays] = useState<number>(CAME_BACK_WINDOWS[0]);
  const [chosenSource, setSource] = useState<SightingSource | null>(null);
  const latest = useRef(0);
  const load = useCallback(() => {
    const ask = ++latest.current;
    void request({ type: 'discretion/report', ...(pageId ? { pageId } : {}) }).then((answer) => {
      if (ask !== latest.current) return;
      if (answer.ok) setReply(answer.data);
      else setError(answer.error.message);
    });
  }, [pageId]);
  useEffect(load, [load]);
  useOutreachChanges(load);

  if (error) return <p role="alert">{error}</p>;
  if (!reply) return <p aria-busy="true">{t('loading')}</p>;
  const { report, pages } = reply;
  if (!report) return <p class="empty">{t('discretionEmpty')}</p>;
  const source = report.coverage.some((one) => one.source === chosenSource)
    ? chosenSource!
    : report.primarySource;
  const figures = CATEGORIES.map((category) => figureOf(report, { source, category, windowDays })!);
  const coverage = report.coverage.find((one) => one.source === source)!;
  return (
    <section class="discretion" aria-labelledby="discretion-heading">
      <h1 id="discretion-heading">{t('discretionTitle')}</h1>
      {pages.length > 1 && (
        <p>
          <label for="discretion-page">{t('discretionPage')}</label>{' '}
          <select
            id="discretion-page"
            value={report.pageId}
            onChange={(event) => setPageId(event.currentTarget.value)}
          >
            {pages.map((page) => (
              <option key={page.pageId} value={page.pageId}>
                {page.pageName || page.pageId}
              </option>
            ))}
          </select>
        </p>
      )}
      {report.warning && <DiscretionWarning warning={report.warning} />}
      {report.coverage.length > 1 && (
        <fieldset class="windows">
          <legend>{t('discretionSource')}</legend>
          {report.coverage.map((one) => (
            <label key={one.source}>
              <input
                type="radio"
                name="source"
                checked={source === one.source}
                onChange={() => setSource(one.source)}
              />{' '}
              {t(SOURCE_LABELS[one.source])}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset class="windows">
        <legend>{t('discretionWindow')}</legend>
        {CAME_BACK_WINDOWS.map((days) => (
          <label key={days}>
            <input
              type="radio"
              name="window"
              checked={windowDays === days}
              onChange={() => setWindowDays(days)}
            />{' '}
            {t('discretionWithinDays', String(days))}
          </label>
        ))}
      </fieldset>
      <ul class="figures">
        {figures.map((figure) => (
          <FigureRow key={figure.category} figure={figure} />
        ))}
      </ul>
      <Coverage coverage={coverage} />
      <GraphReading pageId={report.pageId} graph={report.graph} onRead={load} />
      <WeeklyChart series={report.series} />
      {report.wentQuiet.length > 0 && (
        <>
          <h2>{t('discretionWentQuiet')}</h2>
          <ul class="went-quiet">
            {report.wentQuiet.map((fan) => (
              <li key={`${fan.fanName}-${fan.at}`}>
                {t('discretionQuietFan', [fan.fanName, t(CATEGORY_LABELS[fan.category]), formatDay(fan.at)])}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.posts.length > 0 && (
        <>
          <h2>{t('discretionPosts')}</h2>
          <ul class="posts">
            {report.posts.map((post) => (
              <li key={post.postUrl}>
                {/* A restored file's address is linked only if it is facebook.com's. */}
                {isFacebookDesktopUrl(post.postUrl) ? (
                  <a href={post.postUrl} target="_blank" rel="noreferrer">
                    {postReplies(post)}
                  </a>
                ) : (
                  postReplies(post)
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
