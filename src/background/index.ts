import browser from 'webextension-polyfill';
import { onAlarm, onTabRemoved, routeMessage, schedulePeriodicWork } from './app';
import { settleInterrupted } from './maintenance';

// Every listener is registered synchronously at the top level: one added after an await would miss the
// very event that woke the worker up. No state lives here, because the worker can die at any moment.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  routeMessage(message, sender, Date.now()),
);
browser.tabs.onRemoved.addListener((tabId) => void onTabRemoved(tabId, Date.now()));
// No tabs.onUpdated: it would wake the worker for every navigation in every tab. A page that unloads
// while its tab watches Facebook's box reports "unknown" itself (pagehide), and the timeout covers the rest.
browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name, Date.now()));
browser.runtime.onInstalled.addListener(() => {
  void schedulePeriodicWork();
  // Firefox's tests may not open extension pages themselves: its test build opens the popup's and the
  // sidebar's pages for them.
  if (__TEST_OPENS_POPUP__) {
    for (const page of ['src/popup/index.html', 'src/popup/panel.html'])
      void browser.tabs.create({ url: browser.runtime.getURL(page) });
  }
});
browser.runtime.onStartup.addListener(() => void schedulePeriodicWork());

// Each start of the worker may follow a crash or a kill mid-delivery: settle what was interrupted.
settleInterrupted(Date.now()).catch((error: unknown) =>
  console.error('Page Outreach: maintenance failed', error),
);
