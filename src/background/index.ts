import browser from 'webextension-polyfill';
import { routeMessage } from './message-router';
import { forgetPageHealth } from './page-health';

// Registered synchronously at the top level: a listener added after an await would miss the very
// message that woke the worker up. Nothing else lives here, because the worker can die at any moment.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  routeMessage(message, sender, Date.now()),
);
browser.tabs.onRemoved.addListener((tabId) => {
  void forgetPageHealth(tabId);
});
