import { z } from 'zod';
import { MAX_LABEL, MAX_LANGUAGE_TAG } from './limits';
import { shippedLanguage, templateLanguageFor, TEMPLATE_LANGUAGES, type TemplateLanguage } from './templates';

/** Pages whose language an admin chose, at most: far more than one admin runs, and a bound on a file. */
export const MAX_PAGE_LANGUAGES = 1000;

/** The language tag Facebook gives its page (`<html lang>`), as the content script reads it. */
export const LanguageTagSchema = z.string().max(MAX_LANGUAGE_TAG);

/** The language chosen for each Page's messages, by Page id. */
export const PageLanguagesSchema = z
  .record(z.string().trim().min(1).max(MAX_LABEL), z.enum(TEMPLATE_LANGUAGES))
  .refine((languages) => Object.keys(languages).length <= MAX_PAGE_LANGUAGES, {
    message: `at most ${MAX_PAGE_LANGUAGES} Pages`,
  });
export type PageLanguages = z.infer<typeof PageLanguagesSchema>;

/**
 * The language a Page's messages are written in: the one the admin chose for it; else the one
 * facebook.com is shown in there, which is the admin's Facebook language and most often the Page's;
 * else the browser's. A language we ship no templates in is passed over.
 */
export function pageLanguageOf(
  chosen: TemplateLanguage | undefined,
  facebookLanguage: string | undefined,
  uiLanguage: string,
): TemplateLanguage {
  return chosen ?? shippedLanguage(facebookLanguage) ?? templateLanguageFor(uiLanguage);
}
