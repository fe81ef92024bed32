import browser from 'webextension-polyfill';
import { isFacebookDesktopUrl } from '../../shared/facebook-hosts';

export type SenderKind =
  { kind: 'content'; tabId: number } | { kind: 'extension-page' } | { kind: 'unknown' };

/**
 * Who sent a message, decided only from what the browser vouches for (`sender`), never from the body:
 * the top frame of a facebook.com tab running our content script, or one of our own pages.
 */
export function classifySender(sender: browser.Runtime.MessageSender): SenderKind {
  if (sender.id !== browser.runtime.id || !sender.url) return { kind: 'unknown' };
  if (sender.url.startsWith(browser.runtime.getURL(''))) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId !== undefined && sender.frameId === 0 && isFacebookDesktopUrl(sender.url)) {
    return { kind: 'content', tabId };
  }
  return { kind: 'unknown' };
}
