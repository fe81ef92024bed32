import { browser } from './extension-api';
import { t } from './i18n';
import type { ErrorReply, Reply, ToBackground } from './messages';

/**
 * Sends one protocol message to the background and returns its typed reply. It never throws: when the
 * worker cannot be reached (it failed, or the extension was updated under this page), the reply is an
 * error the caller shows like any other, so no view is left on "Loading…".
 */
export async function request<M extends ToBackground>(message: M): Promise<Reply<M['type']>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<M['type']> | undefined;
    return reply ?? unreachable();
  } catch {
    return unreachable();
  }
}

function unreachable(): ErrorReply {
  return { ok: false, error: { code: 'unavailable', message: t('errorUnreachable') } };
}
