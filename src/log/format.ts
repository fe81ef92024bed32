import { uiLanguage } from '../shared/i18n';

const dateTime = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(time: number): string {
  return dateTime.format(time);
}
