import { t } from '../shared/i18n';
import { CATEGORY_LABELS, LANGUAGE_LABELS } from '../shared/labels';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from '../shared/templates';
import { foldText } from '../shared/text';
import { categoryTabId, TEMPLATES_PANEL_ID } from './CategoryTabs';
import {
  choosePageLanguage,
  chosenCategory,
  loaded,
  pageTemplates,
  pickTemplate,
  search,
  templateId,
} from './compose-store';

/**
 * The templates as one list: the chosen category's in the Page's language, or, while searching, every
 * template that matches, in any language (each naming its category, and its language if another).
 * Beside the search, the Page's language, which the admin can change for this Page once. Arrow keys move through them, as through any radio group.
 */
export function TemplatePicker() {
  const state = loaded.value;
  if (!state?.target) return null;
  const needle = foldText(search.value.trim());
  const searching = needle !== '';
  // Browsing shows the Page's language; a search spans every language, so no template is out of reach.
  const shown = searching
    ? state.templates.filter((candidate) =>
        foldText(`${candidate.title}\n${candidate.body}`).includes(needle),
      )
    : pageTemplates.value.filter((candidate) => candidate.category === chosenCategory.value);
  return (
    <div
      class="templates"
      id={TEMPLATES_PANEL_ID}
      role="tabpanel"
      aria-labelledby={categoryTabId(chosenCategory.value)}
    >
      <div class="template-tools">
        <label class="search">
          <span class="visually-hidden">{t('searchTemplates')}</span>
          <input
            type="search"
            placeholder={t('searchTemplates')}
            value={search.value}
            onInput={(event) => (search.value = event.currentTarget.value)}
          />
        </label>
        <label class="page-language">
          <span class="visually-hidden">{t('pageLanguageLabel')}</span>
          <select
            value={state.pageLanguage}
            onChange={(event) => void choosePageLanguage(event.currentTarget.value as TemplateLanguage)}
          >
            {TEMPLATE_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(LANGUAGE_LABELS[language])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p class="empty">
          {searching ? t('noTemplatesMatch', search.value.trim()) : t('noTemplatesInCategory')}
        </p>
      ) : (
        <fieldset class="template-list">
          <legend class="visually-hidden">{t('templatesLabel')}</legend>
          {shown.map((candidate) => (
            <label key={candidate.id} class="template">
              <input
                type="radio"
                name="template"
                value={candidate.id}
                checked={candidate.id === templateId.value}
                onChange={() => pickTemplate(candidate.id)}
              />
              {candidate.title}
              {searching && (
                <span class="template-category">
                  {' '}
                  · {t(CATEGORY_LABELS[candidate.category])}
                  {candidate.language !== state.pageLanguage &&
                    ` · ${t(LANGUAGE_LABELS[candidate.language])}`}
                </span>
              )}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
