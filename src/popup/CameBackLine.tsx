import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { CAME_BACK_WINDOWS, type CameBackFigure } from '../shared/discretion';
import { t, tCount } from '../shared/i18n';
import { CATEGORY_LABELS } from '../shared/labels';
import { chosenCategory } from './compose-store';

const WINDOW_DAYS = CAME_BACK_WINDOWS[0];
const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * One line under the categories: how the Page's fans who got this kind of message came back, against
 * matched fans who got nothing ("Thanks: 64 % came back (no message: 48 %)"), with the sample size.
 * Nothing while no messaged fan of that kind could be matched.
 */
export function CameBackLine({ pageId }: { pageId: string }) {
  const [figures, setFigures] = useState<CameBackFigure[]>([]);
  useEffect(() => {
    let current = true;
    void request({ type: 'discretion/report', pageId }).then((reply) => {
      if (current && reply.ok) setFigures(reply.data.report?.figures ?? []);
    });
    return () => {
      current = false;
    };
  }, [pageId]);
  const category = chosenCategory.value;
  const figure = figures.find((one) => one.category === category && one.windowDays === WINDOW_DAYS);
  if (!figure || figure.matched === 0) return null;
  const label = t(CATEGORY_LABELS[figure.category]);
  return (
    <p class="came-back hint">
      {t('discretionCameBack', [label, percent(figure.messagedRate), percent(figure.baselineRate)])}{' '}
      {tCount('composeCameBackSample', figure.matched, [String(WINDOW_DAYS), String(figure.matched)])}
    </p>
  );
}
