import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import { hasSidePanel } from '../shared/side-panel';
import type { Surface } from '../shared/surface';
import { StatusLine, type Status } from '../shared/ui/StatusLine';

const CHOICES: ReadonlyArray<{ surface: Surface; label: 'surfacePanel' | 'surfacePopup' }> = [
  { surface: 'panel', label: 'surfacePanel' },
  { surface: 'popup', label: 'surfacePopup' },
];

/** Where "Send message" beside a comment opens the compose view; shown where there is a side panel. */
export function SurfaceChoice() {
  const [surface, setSurface] = useState<Surface | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void request({ type: 'surface/get' }).then((reply) => {
      if (reply.ok) setSurface(reply.data.surface);
      else setStatus({ ok: false, text: reply.error.message });
    });
  }, []);

  async function choose(chosen: Surface): Promise<void> {
    setSurface(chosen);
    const reply = await request({ type: 'surface/set', surface: chosen });
    setStatus(reply.ok ? { ok: true, text: t('surfaceSaved') } : { ok: false, text: reply.error.message });
  }

  if (!hasSidePanel() || surface === null) return null;
  return (
    <section aria-labelledby="surface-heading">
      <h2 id="surface-heading">{t('surfaceTitle')}</h2>
      <fieldset class="surface">
        <legend class="visually-hidden">{t('surfaceTitle')}</legend>
        {CHOICES.map(({ surface: choice, label }) => (
          <label key={choice} class="check">
            <input
              type="radio"
              name="surface"
              checked={surface === choice}
              onChange={() => void choose(choice)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {browser.sidebarAction !== undefined && <p class="hint">{t('surfaceFirefoxNote')}</p>}
      <StatusLine status={status} />
    </section>
  );
}
