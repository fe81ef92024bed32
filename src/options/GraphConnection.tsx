import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { request } from '../shared/background-client';
import { GRAPH_HOST_PERMISSION } from '../shared/graph';
import type { ConnectedPage } from '../shared/messages';
import { t } from '../shared/i18n';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { RememberCheckbox } from './RememberCheckbox';

interface DataConsentManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
}

/**
 * Asks for the Graph API's host, and in Firefox for the consent its manifest declares as optional
 * (sending message texts to Facebook is "personal communications"); must run first in a click handler,
 * while the gesture lasts.
 */
async function grantGraphHost(): Promise<boolean> {
  const manifest = browser.runtime.getManifest() as DataConsentManifest;
  const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
  // The Graph API is sent message texts, not fans' identities beyond what Facebook holds already.
  const consent = declared.filter((kind) => kind === 'personalCommunications');
  try {
    return await browser.permissions.request({
      origins: [GRAPH_HOST_PERMISSION],
      ...(consent.length > 0 ? { data_collection: consent } : {}),
    } as browser.Permissions.Permissions);
  } catch {
    return false;
  }
}

/**
 * Connects a Page to the Graph API with a pasted Page access token, or disconnects it. The token goes
 * to the background once and is never read back: this page only learns which Page it belongs to.
 */
export function GraphConnection() {
  const [page, setPage] = useState<ConnectedPage | null | undefined>(undefined);
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void request({ type: 'graph/status' }).then((reply) => {
      if (reply.ok) setPage(reply.data.page);
      else setStatus({ ok: false, text: reply.error.message });
    });
  }, []);

  async function connect(event: Event): Promise<void> {
    event.preventDefault();
    if (!(await grantGraphHost())) return setStatus({ ok: false, text: t('graphPermissionDenied') });
    setBusy(true);
    setStatus({ ok: true, text: t('graphConnecting') });
    const reply = await request({ type: 'graph/connect', token, remember });
    setBusy(false);
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setToken('');
    setStatus(null);
    setPage(reply.data.page);
  }

  async function disconnect(): Promise<void> {
    const reply = await request({ type: 'graph/disconnect' });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setPage(null);
  }

  if (page === undefined && !status) return null;
  return (
    <section aria-labelledby="graph-heading">
      <h2 id="graph-heading">{t('graphTitle')}</h2>
      <p>{t('graphIntro')}</p>
      {page ? (
        <>
          <p role="status">
            {t('graphConnected', [page.name, page.id])}{' '}
            {t(page.remembered ? 'graphRemembered' : 'graphSessionOnly')}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void disconnect()}>
              {t('graphDisconnect')}
            </button>
          </div>
        </>
      ) : (
        <form class="graph-connect" onSubmit={(event) => void connect(event)}>
          <label for="graph-token">{t('graphTokenLabel')}</label>
          <input
            id="graph-token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={token}
            onInput={(event) => setToken(event.currentTarget.value)}
          />
          <RememberCheckbox checked={remember} onChange={setRemember} label="graphRemember" />
          <div class="actions">
            <button type="submit" disabled={busy || token.trim() === ''}>
              {t('graphConnect')}
            </button>
          </div>
        </form>
      )}
      <StatusLine status={status} />
    </section>
  );
}
