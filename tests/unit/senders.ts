import type browser from 'webextension-polyfill';
import { EXTENSION_ID, EXTENSION_ORIGIN } from './fake-browser';

export const TAB_ID = 42;

/** The content script in a facebook.com tab. */
export const facebookTab: browser.Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: 'https://www.facebook.com/acmecoffee/posts/pfbid02AbCdEf',
  tab: { id: TAB_ID, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  frameId: 0,
};

/** The extension's popup page. */
export const popup: browser.Runtime.MessageSender = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}src/popup/index.html`,
};
