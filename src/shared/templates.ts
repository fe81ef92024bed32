import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './limits';
import { CategorySchema } from './outreach';

export const TEMPLATE_LANGUAGES = ['en', 'it'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const MAX_TEMPLATE_TITLE = 80;

const TemplateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be letters, digits, - or _');

/** One message template, as stored, edited, imported and exported. */
export const TemplateSchema = z.strictObject({
  id: TemplateIdSchema,
  category: CategorySchema,
  language: z.enum(TEMPLATE_LANGUAGES),
  title: z.string().trim().min(1).max(MAX_TEMPLATE_TITLE),
  body: z.string().trim().min(1).max(MAX_MESSAGE_LENGTH),
  /** Order in the lists: smaller first. */
  position: z.number().int().nonnegative(),
  /**
   * The Page whose team shares this template, and its id on the team's server. A template without is
   * this browser's own: no team ever sees or changes it.
   */
  team: z.strictObject({ pageId: z.string().min(1).max(200), id: TemplateIdSchema }).optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

/** The templates one Page's messages may use: this browser's own, and those its team shares. */
export const templatesForPage = (templates: readonly Template[], pageId: string): Template[] =>
  templates.filter((template) => !template.team || template.team.pageId === pageId);

type DefaultTemplate = Omit<Template, 'position'>;

/** Default templates a new install starts with: two per category, in English and Italian. */
const DEFAULTS: readonly DefaultTemplate[] = [
  {
    id: 'default-thanks-1-en',
    category: 'thanks',
    language: 'en',
    title: 'Thank you for commenting',
    body: 'Hi {first_name}, thank you for your comment! It means a lot to all of us at {page_name}. Have a lovely day!',
  },
  {
    id: 'default-thanks-2-en',
    category: 'thanks',
    language: 'en',
    title: 'Thanks for being a loyal fan',
    body: "Hi {first_name}, we noticed you're always there in the comments and we wanted to say thank you personally. Fans like you make {page_name} what it is.",
  },
  {
    id: 'default-promo-1-en',
    category: 'promo',
    language: 'en',
    title: 'Personal offer',
    body: "Hi {first_name}, since you liked this post we thought you'd enjoy a small gift: show this message in store for 10% off your next purchase. The {page_name} team",
  },
  {
    id: 'default-promo-2-en',
    category: 'promo',
    language: 'en',
    title: 'Reminder about an event',
    body: 'Hi {first_name}, a quick reminder about what you asked in your comment: the event is coming up soon and we would love to see you there. {page_name}',
  },
  {
    id: 'default-warning-1-en',
    category: 'warning',
    language: 'en',
    title: 'Friendly warning',
    body: 'Hi {first_name}, we value everyone\'s voice on {page_name}, but your comment "{comment_excerpt}" goes against our community rules. Please keep the conversation respectful; otherwise we will have to remove you from the Page.',
  },
  {
    id: 'default-warning-2-en',
    category: 'warning',
    language: 'en',
    title: 'Last warning before a ban',
    body: 'Hi {first_name}, this is a final notice from {page_name}: comments like yours break the community rules we ask everyone to follow. If it happens again we will ban you from the Page. Thank you for understanding.',
  },
  {
    id: 'default-care-1-en',
    category: 'care',
    language: 'en',
    title: "Let's sort it out privately",
    body: "Hi {first_name}, we read your comment and we're sorry for the trouble. Could you reply here with your order number? We'll look into it straight away. The {page_name} team",
  },
  {
    id: 'default-care-2-en',
    category: 'care',
    language: 'en',
    title: 'Follow-up on your question',
    body: 'Hi {first_name}, thanks for your question on our post. We would rather answer you personally: reply to this message and someone from {page_name} will help you.',
  },
  {
    id: 'default-thanks-1-it',
    category: 'thanks',
    language: 'it',
    title: 'Grazie per il commento',
    body: 'Ciao {first_name}, grazie per il tuo commento! Per tutti noi di {page_name} significa molto. Buona giornata!',
  },
  {
    id: 'default-thanks-2-it',
    category: 'thanks',
    language: 'it',
    title: 'Grazie per la fedeltà',
    body: 'Ciao {first_name}, ci siamo accorti che sei sempre presente nei commenti e volevamo ringraziarti di persona. Sono i fan come te a fare {page_name}.',
  },
  {
    id: 'default-promo-1-it',
    category: 'promo',
    language: 'it',
    title: 'Offerta personale',
    body: 'Ciao {first_name}, visto che il post ti è piaciuto abbiamo pensato a un piccolo regalo: mostra questo messaggio in negozio per avere il 10% di sconto sul prossimo acquisto. Lo staff di {page_name}',
  },
  {
    id: 'default-promo-2-it',
    category: 'promo',
    language: 'it',
    title: 'Promemoria evento',
    body: "Ciao {first_name}, un promemoria su quanto chiedevi nel commento: l'evento si avvicina e ci farebbe piacere vederti. {page_name}",
  },
  {
    id: 'default-warning-1-it',
    category: 'warning',
    language: 'it',
    title: 'Avviso cordiale',
    body: 'Ciao {first_name}, su {page_name} ogni opinione è benvenuta, ma il tuo commento "{comment_excerpt}" non rispetta le regole della community. Ti chiediamo di mantenere toni rispettosi, altrimenti saremo costretti a rimuoverti dalla Pagina.',
  },
  {
    id: 'default-warning-2-it',
    category: 'warning',
    language: 'it',
    title: 'Ultimo avviso prima del ban',
    body: 'Ciao {first_name}, questo è un ultimo avviso da parte di {page_name}: commenti come il tuo violano le regole che chiediamo a tutti di rispettare. Se succederà di nuovo dovremo bloccarti dalla Pagina. Grazie per la comprensione.',
  },
  {
    id: 'default-care-1-it',
    category: 'care',
    language: 'it',
    title: 'Risolviamo in privato',
    body: "Ciao {first_name}, abbiamo letto il tuo commento e ci dispiace per l'inconveniente. Puoi risponderci qui con il numero d'ordine? Ce ne occupiamo subito. Lo staff di {page_name}",
  },
  {
    id: 'default-care-2-it',
    category: 'care',
    language: 'it',
    title: 'Seguito alla tua domanda',
    body: 'Ciao {first_name}, grazie per la domanda sotto al nostro post. Preferiamo risponderti di persona: rispondi a questo messaggio e qualcuno di {page_name} ti aiuterà.',
  },
];

export const DEFAULT_TEMPLATES: readonly Template[] = DEFAULTS.map((template, position) => ({
  ...template,
  position,
}));

/** The template language of a language tag ("it-IT" → it), or null for a language we ship none in. */
export function shippedLanguage(tag: string | undefined): TemplateLanguage | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return TEMPLATE_LANGUAGES.find((language) => language === primary) ?? null;
}

/** The language a new template starts in: the UI's, English for languages we don't ship. */
export function templateLanguageFor(uiLanguage: string): TemplateLanguage {
  return shippedLanguage(uiLanguage) ?? 'en';
}
