import { useRef } from 'preact/hooks';
import { formatDay } from '../shared/format';
import { t } from '../shared/i18n';
import { CATEGORY_LABELS } from '../shared/labels';
import { CATEGORIES, type Category, type Verdict } from '../shared/outreach';
import { DAY_MS } from '../shared/time';
import { chosenCategory, loaded, pickCategory } from './compose-store';
import { formatTime } from './format';

export const TEMPLATES_PANEL_ID = 'templates-panel';
export const categoryTabId = (category: Category) => `category-${category}`;

/** Keys that move between tabs, as the ARIA tabs pattern has them: the step, or the first or last. */
const STEPS: Record<string, (index: number) => number> = {
  ArrowRight: (index) => (index + 1) % CATEGORIES.length,
  ArrowLeft: (index) => (index - 1 + CATEGORIES.length) % CATEGORIES.length,
  Home: () => 0,
  End: () => CATEGORIES.length - 1,
};

/**
 * What a category's tab says of it at a glance: an icon and, when known, when it becomes possible (the
 * time, if within a day; else the day).
 */
function availability(
  verdict: Verdict | undefined,
  now: number,
): { icon: string; when: string; spoken: string } {
  if (!verdict || verdict.allowed) return { icon: '✓', when: '', spoken: t('categoryPossible') };
  if (verdict.eligibleAt === undefined) return { icon: '✕', when: '', spoken: t('categoryNotPossible') };
  const when =
    verdict.eligibleAt - now < DAY_MS ? formatTime(verdict.eligibleAt) : formatDay(verdict.eligibleAt);
  return { icon: '◔', when, spoken: t('categoryPossibleFrom', when) };
}

/** The four categories as tabs over the template list, each saying whether it is possible now. */
export function CategoryTabs() {
  const list = useRef<HTMLDivElement>(null);
  const verdicts = loaded.value?.verdicts;
  const now = Date.now();

  function onKeyDown(event: KeyboardEvent): void {
    const step = STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    const next = CATEGORIES[step(CATEGORIES.indexOf(chosenCategory.value))]!;
    pickCategory(next);
    list.current?.querySelector<HTMLElement>(`#${categoryTabId(next)}`)?.focus();
  }

  const shown = CATEGORIES.map((category) => ({ category, ...availability(verdicts?.[category], now) }));
  // Each tab is named by what it shows; whether it is possible now is its description, said after.
  return (
    <>
      <div
        class="category-tabs"
        role="tablist"
        aria-label={t('categoriesLabel')}
        ref={list}
        onKeyDown={onKeyDown}
      >
        {shown.map(({ category, icon, when }) => {
          const chosen = category === chosenCategory.value;
          return (
            <button
              key={category}
              type="button"
              role="tab"
              id={categoryTabId(category)}
              class={`category-tab ${verdicts?.[category]?.allowed === false ? 'held' : 'open'}`}
              aria-selected={chosen ? 'true' : 'false'}
              aria-controls={TEMPLATES_PANEL_ID}
              aria-describedby={`${categoryTabId(category)}-status`}
              tabIndex={chosen ? 0 : -1}
              onClick={() => pickCategory(category)}
            >
              <span aria-hidden="true" class="category-icon">
                {icon}
              </span>{' '}
              {t(CATEGORY_LABELS[category])}
              {when && <span class="category-day"> {when}</span>}
            </button>
          );
        })}
      </div>
      {shown.map(({ category, spoken }) => (
        <span key={category} id={`${categoryTabId(category)}-status`} hidden>
          {spoken}
        </span>
      ))}
    </>
  );
}
