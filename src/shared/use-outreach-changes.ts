import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { OUTREACH_CHANGE_KEY, type OutreachChange } from './fan-status';

/**
 * Calls `onChange` with each outreach change the background announces (a send from this popup, another
 * tab or a worker that finished after the page opened), so views never show a stale log.
 */
export function useOutreachChanges(onChange: (change: OutreachChange) => void): void {
  useEffect(() => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
      const change = changes[OUTREACH_CHANGE_KEY]?.newValue as OutreachChange | undefined;
      if (area === 'local' && change) onChange(change);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [onChange]);
}
