import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { CAME_BACK_WINDOWS, figureOf, type DiscretionReport } from '../shared/discretion';
import { cameBackLine, DiscretionWarning } from '../shared/ui/DiscretionView';
import { t, tCount } from '../shared/i18n';
import { chosenCategory } from './compose-store';

const WINDOW_DAYS = CAME_BACK_WINDOWS[0];

/**
 * The Page's early warning, if it is on, and one line under the categories: how the Page's fans who got
 * this kind of message came back, against matched fans who got nothing ("Thanks: 64 % came back (no
 * message: 48 %)"), with the sample size, from the source the report rests on (and saying so when it
 * is the Graph API's). No line while no messaged fan of that kind could be matched.
 */
export function DiscretionLines({ pageId }: { pageId: string }) {
  const [report, setReport] = useState<DiscretionReport | null>(null);
  useEffect(() => {
    let current = true;
    void request({ type: 'discretion/report', pageId }).then((reply) => {
      if (current && reply.ok) setReport(reply.data.report);
    });
    return () => {
      current = false;
    };
  }, [pageId]);
  const category = chosenCategory.value;
  const figure =
    report && figureOf(report, { source: report.primarySource, category, windowDays: WINDOW_DAYS });
  return (
    <>
      {report?.warning && <DiscretionWarning warning={report.warning} />}
      {figure && figure.matched > 0 && (
        <p class="came-back hint">
          {cameBackLine(figure)}{' '}
          {tCount('composeCameBackSample', figure.matched, [String(WINDOW_DAYS), String(figure.matched)])}
          {figure.source === 'graph' && ` ${t('discretionSourceGraphShort')}`}
        </p>
      )}
    </>
  );
}
