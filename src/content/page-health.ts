import { request } from '../shared/background-client';
import type { FailedSignal } from '../shared/limits';
import type { Feature } from './context';
import { diagnose, hasActions } from './facebook/diagnosis';

/** Quiet time after the page's last change before judging whether its comments were recognized. */
export const HEALTH_CHECK_DELAY_MS = 2000;

/**
 * Watches for the day Facebook's markup changes under us: a page that shows comments but no action on
 * any of them, whatever the reason (markup changed, or something we remembered hid them), gets
 * diagnosed, the failing signal is logged, and the background is told so the popup can say "Comments
 * on this page could not be recognized" instead of failing silently.
 */
export const pageHealth: Feature = {
  init({ document, watcher, signal }) {
    // The first judgement is always told, "all well" too, so the background knows the page was judged.
    let reported: FailedSignal | null | undefined;
    let lastActivity = 0;
    let timer = 0;

    const report = (failed: FailedSignal | null): void => {
      if (failed === reported) return;
      reported = failed;
      if (failed)
        console.warn(`Page Outreach: comments on this page could not be recognized (signal "${failed}")`);
      request({ type: 'page/health', failedSignal: failed }).catch((error: unknown) =>
        console.warn('Page Outreach: could not report page health', error),
      );
    };

    const check = (): void => {
      timer = 0;
      if (signal.aborted) return;
      const quietFor = performance.now() - lastActivity;
      if (quietFor < HEALTH_CHECK_DELAY_MS) {
        timer = window.setTimeout(check, HEALTH_CHECK_DELAY_MS - quietFor);
        return;
      }
      // One action on the page is proof enough; without any, look at what the page shows now.
      report(hasActions(document) ? null : diagnose(document));
    };

    const noteActivity = (): void => {
      lastActivity = performance.now();
      if (timer === 0) timer = window.setTimeout(check, HEALTH_CHECK_DELAY_MS);
    };
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    // The page as it was when the script started counts as the first change.
    noteActivity();
    watcher.onAdded(noteActivity, signal);
  },
};
