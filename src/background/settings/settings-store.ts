import type { CustomPlaceholders } from '../../shared/placeholders';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../shared/policy-settings';
import type { OutreachDatabase } from '../storage/schema';

export const POLICY_KEY = 'policy';
export const PLACEHOLDERS_KEY = 'placeholders';

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
