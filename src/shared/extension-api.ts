import type Browser from 'webextension-polyfill';

/** The parts of the extension API the content script and the shared helpers it loads call. */
export type ExtensionApi = Pick<typeof Browser, 'runtime' | 'i18n' | 'storage'>;

/**
 * The extension API without webextension-polyfill, which would add about 3 kB gzip to a script that
 * runs on every facebook.com page. What is called here behaves alike in both browsers: Firefox's
 * `browser` and Chrome MV3's `chrome` return promises from it. The one difference, a promise returned
 * from an `onMessage` listener, is handled by `answerMessages`.
 */
export const browser = ((globalThis as { browser?: ExtensionApi }).browser ??
  (globalThis as { chrome?: ExtensionApi }).chrome) as ExtensionApi;

/**
 * Answers extension messages with `answer`'s promise, or leaves them to other listeners when it
 * returns undefined. Replies go through `sendResponse`, the form every version of both browsers
 * honours; a returned promise is not.
 */
export function answerMessages(
  answer: (message: unknown) => Promise<unknown> | undefined,
  signal: AbortSignal,
): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const reply = answer(message);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  const onMessage = browser.runtime.onMessage as unknown as {
    addListener(listener: (...args: never[]) => unknown): void;
    removeListener(listener: (...args: never[]) => unknown): void;
  };
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener), { once: true });
}
