import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../shared/policy-settings';
import type { OutreachDatabase } from './database';

const POLICY_KEY = 'policy';

/**
 * The admin's policy settings; a setting never saved (or added since) takes its default, and the time
 * zone of quiet hours is the browser's until the admin saves one.
 */
export async function loadPolicySettings(db: OutreachDatabase): Promise<PolicySettings> {
  const stored = await db.get('settings', POLICY_KEY);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { ...DEFAULT_POLICY_SETTINGS, timeZone, ...stored };
}

/** Saves settings that were already validated against PolicySettingsSchema. */
export async function savePolicySettings(db: OutreachDatabase, settings: PolicySettings): Promise<void> {
  await db.put('settings', settings, POLICY_KEY);
}
