import type { PopupToBackground } from '../../shared/messages';
import { DEFAULT_POLICY_SETTINGS } from '../../shared/policy-settings';
import { surfaceOf } from '../../shared/surface';
import { KEYS } from '../storage/keys';
import { readStored, writeStored } from '../storage/stored';
import { withDatabase } from '../storage/database';
import {
  browserTimeZone,
  choosePageLanguage,
  loadCustomPlaceholders,
  loadSavedSettings,
  saveCustomPlaceholders,
  savePolicySettings,
} from '../settings/settings-store';
import type { HandlerMap } from '../handler-map';

/** The admin's settings: the policy's numbers, custom placeholders, popup or side panel, Page languages. */
export const settingsHandlers: HandlerMap<
  Extract<
    PopupToBackground,
    {
      type:
        | 'settings/get'
        | 'settings/set'
        | 'placeholders/get'
        | 'placeholders/set'
        | 'surface/get'
        | 'surface/set'
        | 'page/language';
    }
  >
> = {
  async 'settings/get'() {
    return {
      settings: await withDatabase(loadSavedSettings),
      defaults: DEFAULT_POLICY_SETTINGS,
      browserTimeZone: browserTimeZone(),
    };
  },

  async 'settings/set'({ settings }) {
    await withDatabase((db) => savePolicySettings(db, settings));
    return { settings };
  },

  async 'placeholders/get'() {
    return { placeholders: await withDatabase(loadCustomPlaceholders) };
  },

  async 'placeholders/set'({ placeholders }) {
    await withDatabase((db) => saveCustomPlaceholders(db, placeholders));
    return { placeholders };
  },

  async 'page/language'({ pageId, language }) {
    await withDatabase((db) => choosePageLanguage(db, pageId, language));
    return { language };
  },

  async 'surface/get'() {
    return { surface: surfaceOf(await readStored(KEYS.surface)) };
  },

  async 'surface/set'({ surface }) {
    await writeStored(KEYS.surface, surface);
    return { surface };
  },
};
