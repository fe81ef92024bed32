import browser from 'webextension-polyfill';
import type english from '../../public/_locales/en/messages.json';

/** Every key of `_locales/en/messages.json`; a typo in a key is a type error. */
export type MessageKey = keyof typeof english;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The browser's UI language (e.g. "it", "en-US"), which also picks the `_locales` folder. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
