import { t } from '../shared/i18n';
import { CATEGORY_LABELS } from '../shared/labels';
import { foldText } from '../shared/text';
import { categoryTabId, TEMPLATES_PANEL_ID } from './CategoryTabs';
import { chosenCategory, loaded, pickTemplate, search, templateId } from './compose-store';

/**
 * The templates as one list: the chosen category's, or, while searching, every template that matches
 * (each naming its category). Arrow keys move through them, as through any radio group.
 */
export function TemplatePicker() {
  const state = loaded.value;
  if (!state?.target) return null;
  const needle = foldText(search.value.trim());
  const searching = needle !== '';
  const shown = state.templates.filter((candidate) =>
    searching
      ? foldText(`${candidate.title}\n${candidate.body}`).includes(needle)
      : candidate.category === chosenCategory.value,
  );
  return (
    <div
      class="templates"
      id={TEMPLATES_PANEL_ID}
      role="tabpanel"
      aria-labelledby={categoryTabId(chosenCategory.value)}
    >
      <label class="search">
        <span class="visually-hidden">{t('searchTemplates')}</span>
        <input
          type="search"
          placeholder={t('searchTemplates')}
          value={search.value}
          onInput={(event) => (search.value = event.currentTarget.value)}
        />
      </label>
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
                <span class="template-category"> · {t(CATEGORY_LABELS[candidate.category])}</span>
              )}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
