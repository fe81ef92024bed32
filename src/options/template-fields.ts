import { t } from '../shared/i18n';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import { MAX_TEMPLATE_TITLE, type Template } from '../shared/templates';

export type TemplateDraft = Pick<Template, 'category' | 'language' | 'title' | 'body'>;

/** Inline errors for the fields the admin types, in the UI language; empty when all is well. */
export function templateErrors(draft: TemplateDraft): Partial<Record<'title' | 'body', string>> {
  const errors: Partial<Record<'title' | 'body', string>> = {};
  const title = draft.title.trim();
  const body = draft.body.trim();
  if (!title) errors.title = t('templateTitleMissing');
  else if (title.length > MAX_TEMPLATE_TITLE) errors.title = t('templateTooLong', String(MAX_TEMPLATE_TITLE));
  if (!body) errors.body = t('templateBodyMissing');
  else if (body.length > MAX_MESSAGE_LENGTH) errors.body = t('templateTooLong', String(MAX_MESSAGE_LENGTH));
  return errors;
}
