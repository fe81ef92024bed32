import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { ComposeView } from './ComposeView';
import { LogView } from './LogView';

type View = 'compose' | 'log';
const VIEWS: ReadonlyArray<{ id: View; label: 'tabCompose' | 'tabLog' }> = [
  { id: 'compose', label: 'tabCompose' },
  { id: 'log', label: 'tabLog' },
];

export function App() {
  const [view, setView] = useState<View>('compose');
  return (
    <main>
      <nav class="tabs" aria-label={t('extName')}>
        {VIEWS.map(({ id, label }) => (
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
        <button
          type="button"
          class="tab settings-link"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('openSettings')}
        </button>
      </nav>
      {view === 'compose' ? <ComposeView /> : <LogView />}
    </main>
  );
}
