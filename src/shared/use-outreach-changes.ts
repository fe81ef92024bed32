import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { OUTREACH_CHANGE_KEY } from './fan-status';

/**
 * Calls `onChange` whenever the background records an outreach change (a send from this popup, another
 * tab or a worker that finished after the popup opened), so views never show a stale log.
 */
export function useOutreachChanges(onChange: () => void): void {
  useEffect(() => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
      if (area === 'local' && OUTREACH_CHANGE_KEY in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [onChange]);
}
