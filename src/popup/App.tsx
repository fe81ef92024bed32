import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { hasSidePanel, openSidePanel } from '../shared/side-panel';
import type { Surface } from '../shared/surface';
import { followPickedComment, followVerdicts } from './compose-store';
import { ComposeView } from './ComposeView';
import { LogView } from './LogView';
import { DiscretionView } from '../shared/ui/DiscretionView';
import { PageView } from './PageView';
import { QueueView } from './QueueView';

type View = 'compose' | 'queue' | 'log' | 'discretion' | 'page';
/** The views; the queue only in the side panel, which stays open while the admin works through it. */
const VIEWS: ReadonlyArray<{
  id: View;
  label: 'tabCompose' | 'tabQueue' | 'tabLog' | 'tabDiscretion' | 'tabPage';
  panelOnly?: true;
}> = [
  { id: 'compose', label: 'tabCompose' },
  { id: 'queue', label: 'tabQueue', panelOnly: true },
  { id: 'log', label: 'tabLog' },
  { id: 'discretion', label: 'tabDiscretion' },
  { id: 'page', label: 'tabPage' },
];

/** The popup moves to the side panel, which stays open while the admin works through a thread. */
async function moveToSidePanel(): Promise<void> {
  if (await openSidePanel('this-window')) window.close();
}

/** The compose and log views, in the toolbar popup or in the side panel (`surface`). */
export function App({ surface }: { surface: Surface }) {
  const [view, setView] = useState<View>('compose');
  // A comment picked on facebook.com while this page is open shows here at once.
  useEffect(() => followPickedComment(() => setView('compose')), []);
  useEffect(followVerdicts, []);
  return (
    <main class={surface}>
      <nav class="tabs" aria-label={t('extName')}>
        {VIEWS.filter(({ panelOnly }) => !panelOnly || surface === 'panel').map(({ id, label }) => (
          <button
            type="button"
            key={id}
            class="tab"
            aria-current={view === id ? 'page' : undefined}
            onClick={() => setView(id)}
          >
            {t(label)}
          </button>
        ))}
        {surface === 'popup' && hasSidePanel() && (
          <button type="button" class="tab side-panel-link" onClick={() => void moveToSidePanel()}>
            {t('openSidePanel')}
          </button>
        )}
        <button
          type="button"
          class="tab settings-link"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('openSettings')}
        </button>
      </nav>
      {view === 'compose' && <ComposeView onLookAtPage={() => setView('page')} />}
      {view === 'queue' && <QueueView />}
      {view === 'log' && <LogView />}
      {view === 'discretion' && <DiscretionView />}
      {view === 'page' && <PageView />}
    </main>
  );
}
