import { t } from '../shared/i18n';
import { CATEGORY_LABELS } from '../shared/labels';
import { CATEGORIES } from '../shared/outreach';
import { foldText } from '../shared/text';
import { loaded, pickTemplate, search, templateId } from './compose-store';
import { describeVerdict } from './format';

/** The templates by category, each category with the policy's verdict for this fan before picking. */
export function TemplatePicker() {
  const state = loaded.value;
  if (!state?.target) return null;
  const { comment } = state.target;
  const now = Date.now();
  const needle = foldText(search.value.trim());
  const matching = state.templates.filter(
    (candidate) => needle === '' || foldText(`${candidate.title}\n${candidate.body}`).includes(needle),
  );
  return (
    <>
      <label class="search">
        <span class="visually-hidden">{t('searchTemplates')}</span>
        <input
          type="search"
          placeholder={t('searchTemplates')}
          value={search.value}
          onInput={(event) => (search.value = event.currentTarget.value)}
        />
      </label>
      {matching.length === 0 && <p class="empty">{t('noTemplatesMatch', search.value.trim())}</p>}
      {CATEGORIES.map((category) => {
        const inCategory = matching.filter((candidate) => candidate.category === category);
        const verdict = state.verdicts?.[category];
        if (inCategory.length === 0) return null;
        return (
          <fieldset key={category} class="category">
            <legend>{t(CATEGORY_LABELS[category])}</legend>
            {verdict && !verdict.allowed && (
              <p class="category-verdict">{describeVerdict(verdict, comment.authorName, now)}</p>
            )}
            {inCategory.map((candidate) => (
              <label key={candidate.id} class="template">
                <input
                  type="radio"
                  name="template"
                  value={candidate.id}
                  checked={candidate.id === templateId.value}
                  onChange={() => pickTemplate(candidate.id)}
                />
                {candidate.title}
              </label>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
