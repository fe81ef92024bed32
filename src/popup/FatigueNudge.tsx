import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { FATIGUE_THRESHOLDS } from '../shared/discretion';
import { tCount } from '../shared/i18n';
import { finalText } from './compose-store';

/** Asked once the admin stops typing for this long, not on every key. */
const ASK_AFTER_MS = 400;

/**
 * Template fatigue: when the very text about to go out already went to many of the Page's fans lately,
 * a nudge to make it this fan's own. Fans compare notes; the same words to everyone read as a machine.
 */
export function FatigueNudge() {
  const text = finalText.value;
  const [sent, setSent] = useState<Array<{ days: number; fans: number }>>([]);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void request({ type: 'compose/fatigue', text }).then((reply) => {
        if (current && reply.ok) setSent(reply.data.sent);
      });
    }, ASK_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  const tired = sent.find((one) =>
    FATIGUE_THRESHOLDS.some(({ days, fans }) => one.days === days && one.fans >= fans),
  );
  if (!tired) return null;
  return (
    <p class="fatigue" role="note">
      {tCount('composeFatigue', tired.fans, [String(tired.fans), String(tired.days)])}
    </p>
  );
}
