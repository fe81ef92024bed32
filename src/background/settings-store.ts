import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../shared/policy-settings';
import type { OutreachDatabase } from './database';

export const POLICY_KEY = 'policy';

/** The browser's IANA time zone, which quiet hours follow until the admin picks one. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The settings as the admin saved them; a setting never saved (or added since) takes its default. */
export async function loadSavedSettings(db: OutreachDatabase): Promise<PolicySettings> {
  return { ...DEFAULT_POLICY_SETTINGS, ...(await db.get('settings', POLICY_KEY)) };
}

/** The settings the policy applies: the saved ones, in the browser's time zone unless one was picked. */
export async function loadPolicySettings(db: OutreachDatabase): Promise<PolicySettings> {
  return { timeZone: browserTimeZone(), ...(await loadSavedSettings(db)) };
}

/** Saves settings that were already validated against PolicySettingsSchema. */
export async function savePolicySettings(db: OutreachDatabase, settings: PolicySettings): Promise<void> {
  await db.put('settings', settings, POLICY_KEY);
}
