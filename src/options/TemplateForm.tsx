import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import { CATEGORIES } from '../shared/outreach';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import { BUILT_IN_PLACEHOLDERS } from '../shared/placeholders';
import { TEMPLATE_LANGUAGES, type Template } from '../shared/templates';
import { CATEGORY_LABELS, LANGUAGE_LABELS } from '../shared/labels';
import { templateErrors, type TemplateDraft } from './template-fields';

interface Props {
  initial: TemplateDraft;
  /** The Pages whose team this browser has joined: a template may be shared with one of them. */
  teams: ReadonlyArray<{ pageId: string; pageName: string }>;
  onSave: (draft: TemplateDraft) => Promise<boolean>;
  onCancel: () => void;
}

/** Creates or edits one template; errors show beside the field as soon as it is touched. */
export function TemplateForm({ initial, teams, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<Set<keyof TemplateDraft>>(new Set());
  // The Page's own placeholders, read when the form opens: they may have changed in Settings meanwhile.
  const [custom, setCustom] = useState<string[]>([]);
  useEffect(() => {
    void request({ type: 'placeholders/get' }).then((reply) => {
      if (reply.ok) setCustom(Object.keys(reply.data.placeholders));
    });
  }, []);
  const known = [...BUILT_IN_PLACEHOLDERS, ...custom];
  const body = useRef<HTMLTextAreaElement>(null);
  const errors = templateErrors(draft, known);
  const shown = (field: 'title' | 'body') => (touched.has(field) ? errors[field] : undefined);
  const update = (field: keyof TemplateDraft, value: string) => {
    setDraft({ ...draft, [field]: value } as TemplateDraft);
    setTouched(new Set(touched).add(field));
  };
  /** Puts `{name}` where the caret is in the message (or over its selection), so no typo slips in. */
  const insertPlaceholder = (name: string) => {
    const area = body.current;
    const start = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? start;
    const token = `{${name}}`;
    update('body', draft.body.slice(0, start) + token + draft.body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <form
      class="template-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(new Set(['title', 'body']));
        if (Object.keys(errors).length === 0) void onSave(draft);
      }}
    >
      <label for="template-category">{t('templateFieldCategory')}</label>
      <select
        id="template-category"
        value={draft.category}
        onChange={(event) => update('category', event.currentTarget.value)}
      >
        {CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(CATEGORY_LABELS[category])}
          </option>
        ))}
      </select>
      <label for="template-language">{t('templateFieldLanguage')}</label>
      <select
        id="template-language"
        value={draft.language}
        onChange={(event) => update('language', event.currentTarget.value)}
      >
        {TEMPLATE_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(LANGUAGE_LABELS[language])}
          </option>
        ))}
      </select>
      {teams.length > 0 && (
        <>
          <label for="template-team">{t('templateFieldTeam')}</label>
          <select
            id="template-team"
            value={draft.team}
            onChange={(event) => update('team', event.currentTarget.value)}
          >
            <option value="">{t('templateOwnOnly')}</option>
            {teams.map((team) => (
              <option key={team.pageId} value={team.pageId}>
                {t('templateTeamOf', team.pageName)}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="template-title">{t('templateFieldTitle')}</label>
      <input
        id="template-title"
        value={draft.title}
        aria-invalid={shown('title') ? 'true' : 'false'}
        aria-describedby={shown('title') ? 'template-title-error' : undefined}
        onInput={(event) => update('title', event.currentTarget.value)}
      />
      {shown('title') && (
        <p class="error" id="template-title-error">
          {shown('title')}
        </p>
      )}
      <label for="template-body">{t('templateFieldBody')}</label>
      <textarea
        ref={body}
        id="template-body"
        rows={5}
        value={draft.body}
        aria-invalid={shown('body') ? 'true' : 'false'}
        aria-describedby={shown('body') ? 'template-body-error' : 'template-body-length'}
        onInput={(event) => update('body', event.currentTarget.value)}
      />
      <label for="template-insert">{t('templateInsertPlaceholder')}</label>
      <select
        id="template-insert"
        value=""
        onChange={(event) => {
          const name = event.currentTarget.value;
          event.currentTarget.value = '';
          if (name) insertPlaceholder(name);
        }}
      >
        <option value="">{t('templateInsertChoose')}</option>
        {known.map((name) => (
          <option key={name} value={name}>{`{${name}}`}</option>
        ))}
      </select>
      <p class="hint" id="template-body-length">
        {t('characterCount', String(draft.body.trim().length))} / {MAX_MESSAGE_LENGTH}
      </p>
      {shown('body') && (
        <p class="error" id="template-body-error">
          {shown('body')}
        </p>
      )}
      <div class="actions">
        <button type="submit">{t('templateSave')}</button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

export function draftOf(template: Template): TemplateDraft {
  const { category, language, title, body } = template;
  return { category, language, title, body, team: template.team?.pageId ?? '' };
}
