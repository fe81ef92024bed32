import { t } from './i18n';
import type { OutreachEntry } from './outreach';

/** A log row's fan as the admin reads it: a forgotten fan as such, and who asked when a teammate did. */
export function fanNameOf(entry: Pick<OutreachEntry, 'fanName' | 'forgotten' | 'forgottenBy'>): string {
  if (!entry.forgotten) return entry.fanName;
  return entry.forgottenBy ? t('logForgottenFanBy', entry.forgottenBy) : t('logForgottenFan');
}
