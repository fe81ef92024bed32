import { MAX_PAGE_LANGUAGES, type PageLanguages } from '../../shared/page-language';
import type { CustomPlaceholders } from '../../shared/placeholders';
import type { TemplateLanguage } from '../../shared/templates';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../shared/policy-settings';
import type { OutreachDatabase } from '../storage/schema';

export const POLICY_KEY = 'policy';
export const PLACEHOLDERS_KEY = 'placeholders';
export const PAGE_LANGUAGES_KEY = 'pageLanguages';

/** The browser's IANA time zone, which quiet hours follow until the admin picks one. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The settings as the admin saved them; a setting never saved (or added since) takes its default. */
export async function loadSavedSettings(db: OutreachDatabase): Promise<PolicySettings> {
  const saved = (await db.get('settings', POLICY_KEY)) as PolicySettings | undefined;
  return { ...DEFAULT_POLICY_SETTINGS, ...saved };
}

/** The settings the policy applies: the saved ones, in the browser's time zone unless one was picked. */
export async function loadPolicySettings(db: OutreachDatabase): Promise<PolicySettings> {
  return { timeZone: browserTimeZone(), ...(await loadSavedSettings(db)) };
}

/** Saves settings that were already validated against PolicySettingsSchema. */
export async function savePolicySettings(db: OutreachDatabase, settings: PolicySettings): Promise<void> {
  await db.put('settings', settings, POLICY_KEY);
}

/** The Page's own placeholders and their values; none until the admin defines some. */
export async function loadCustomPlaceholders(db: OutreachDatabase): Promise<CustomPlaceholders> {
  return ((await db.get('settings', PLACEHOLDERS_KEY)) as CustomPlaceholders | undefined) ?? {};
}

/** Saves placeholders that were already validated against CustomPlaceholdersSchema. */
export async function saveCustomPlaceholders(
  db: OutreachDatabase,
  placeholders: CustomPlaceholders,
): Promise<void> {
  await db.put('settings', placeholders, PLACEHOLDERS_KEY);
}

/** The language the admin chose for each Page's messages; none until one is chosen. */
export async function loadPageLanguages(db: OutreachDatabase): Promise<PageLanguages> {
  return ((await db.get('settings', PAGE_LANGUAGES_KEY)) as PageLanguages | undefined) ?? {};
}

/** The language chosen for one Page, if any (a Page id is page text: never a prototype's key). */
export function chosenLanguage(languages: PageLanguages, pageId: string): TemplateLanguage | undefined {
  return Object.hasOwn(languages, pageId) ? languages[pageId] : undefined;
}

/**
 * Keeps the language chosen for a Page's messages, in one transaction with the others'. Past
 * MAX_PAGE_LANGUAGES Pages, the longest-kept choice goes.
 */
export async function choosePageLanguage(
  db: OutreachDatabase,
  pageId: string,
  language: TemplateLanguage,
): Promise<void> {
  const tx = db.transaction('settings', 'readwrite');
  const saved = ((await tx.store.get(PAGE_LANGUAGES_KEY)) as PageLanguages | undefined) ?? {};
  const others = Object.entries(saved).filter(([id]) => id !== pageId);
  const kept = others.slice(Math.max(0, others.length - (MAX_PAGE_LANGUAGES - 1)));
  await tx.store.put(Object.fromEntries([...kept, [pageId, language]]), PAGE_LANGUAGES_KEY);
  await tx.done;
}
