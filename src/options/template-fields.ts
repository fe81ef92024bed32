import { t } from '../shared/i18n';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import { placeholdersIn } from '../shared/placeholders';
import { MAX_TEMPLATE_TITLE, type Template } from '../shared/templates';

/** What the form edits: a template's words, and the Page whose team shares it ('' for this browser's own). */
export type TemplateDraft = Pick<Template, 'category' | 'language' | 'title' | 'body'> & { team: string };

/** The template as saved from a draft: a team keeps its id on the server; moved, it gets the local one. */
export function templateOf(
  draft: TemplateDraft,
  template: Pick<Template, 'id' | 'position' | 'team'>,
): Template {
  const { team: pageId, ...words } = draft;
  const { team: _previous, ...kept } = template;
  if (!pageId) return { ...kept, ...words };
  const id = template.team?.pageId === pageId ? template.team.id : template.id;
  return { ...kept, ...words, team: { pageId, id } };
}

/**
 * Inline errors for the fields the admin types, in the UI language; empty when all is well. `known` is
 * every placeholder a message can use (built-in and the Page's own): any other would go out as written.
 */
export function templateErrors(
  draft: TemplateDraft,
  known: readonly string[],
): Partial<Record<'title' | 'body', string>> {
  const errors: Partial<Record<'title' | 'body', string>> = {};
  const title = draft.title.trim();
  const body = draft.body.trim();
  if (!title) errors.title = t('templateTitleMissing');
  else if (title.length > MAX_TEMPLATE_TITLE) errors.title = t('templateTooLong', String(MAX_TEMPLATE_TITLE));
  if (!body) errors.body = t('templateBodyMissing');
  else if (body.length > MAX_MESSAGE_LENGTH) errors.body = t('templateTooLong', String(MAX_MESSAGE_LENGTH));
  else {
    const unknown = placeholdersIn(body).filter((name) => !known.includes(name));
    if (unknown.length > 0)
      errors.body = t('templateUnknownPlaceholders', unknown.map((name) => `{${name}}`).join(', '));
  }
  return errors;
}
