import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import type { DiscretionReport } from '../shared/discretion';
import { DiscretionWarning } from '../shared/ui/DiscretionView';

type Warned = { pageName: string; warning: NonNullable<DiscretionReport['warning']> };

/** Each Page whose early warning is on, at the top of Settings, where its limits are tightened. */
export function DiscretionWarnings() {
  const [warned, setWarned] = useState<Warned[]>([]);
  useEffect(() => {
    let current = true;
    void (async () => {
      const first = await request({ type: 'discretion/report' });
      if (!first.ok) return;
      const found: Warned[] = [];
      for (const page of first.data.pages) {
        const reply =
          page.pageId === first.data.report?.pageId
            ? first
            : await request({ type: 'discretion/report', pageId: page.pageId });
        const warning = reply.ok ? reply.data.report?.warning : null;
        if (warning) found.push({ pageName: page.pageName || page.pageId, warning });
      }
      if (current) setWarned(found);
    })();
    return () => {
      current = false;
    };
  }, []);
  if (warned.length === 0) return null;
  return (
    <>
      {warned.map(({ pageName, warning }) => (
        <DiscretionWarning key={pageName} pageName={pageName} warning={warning} />
      ))}
    </>
  );
}
