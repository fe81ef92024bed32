import { z } from 'zod';
import { CustomPlaceholdersSchema } from '../placeholders';
import { PolicySettingsSchema } from '../policy-settings';
import { SURFACES } from '../surface';
import { TEMPLATE_LANGUAGES } from '../templates';
import { commentFields } from '../comment-context';
import { defineMessage } from './define';

const surface = z.strictObject({ surface: z.enum(SURFACES) });
const placeholders = z.strictObject({ placeholders: CustomPlaceholdersSchema });
const settings = z.strictObject({ settings: PolicySettingsSchema });

/** Where "Send message" opens the compose view. */
export const surfaceGet = defineMessage('surface/get', {}, surface);
export const surfaceSet = defineMessage('surface/set', { surface: z.enum(SURFACES) }, surface);
export const placeholdersGet = defineMessage('placeholders/get', {}, placeholders);
export const placeholdersSet = defineMessage(
  'placeholders/set',
  { placeholders: CustomPlaceholdersSchema },
  placeholders,
);
export const settingsGet = defineMessage(
  'settings/get',
  {},
  z.strictObject({
    settings: PolicySettingsSchema,
    defaults: PolicySettingsSchema,
    browserTimeZone: z.string(),
  }),
);
export const settingsSet = defineMessage('settings/set', { settings: PolicySettingsSchema }, settings);

/** Chooses the language of one Page's messages: its templates are offered first from then on. */
export const pageLanguageSet = defineMessage(
  'page/language',
  { pageId: commentFields.pageId, language: z.enum(TEMPLATE_LANGUAGES) },
  z.strictObject({ language: z.enum(TEMPLATE_LANGUAGES) }),
);

export const SETTINGS_MESSAGES = [
  surfaceGet,
  surfaceSet,
  placeholdersGet,
  placeholdersSet,
  settingsGet,
  settingsSet,
  pageLanguageSet,
] as const;
