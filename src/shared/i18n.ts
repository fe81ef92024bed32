import { browser } from './extension-api';
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

/** Base keys of messages that come in two forms, `<key>One` and `<key>Other`. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Base}One`
    ? `${Base}Other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * A message about `count` things, in the form the UI language gives that number ("1 message",
 * "2 messages"; "1 messaggio", "2 messaggi"): `chrome.i18n` has no plurals, `Intl.PluralRules` does.
 * English and Italian need two forms; a language with more would add keys here.
 */
export function tCount(key: CountedKey, count: number, substitutions: string[] = [String(count)]): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'One' : 'Other';
  return t(`${key}${form}` as MessageKey, substitutions);
}
