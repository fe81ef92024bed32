import { t } from '../shared/i18n';
import { CATEGORY_LABELS, STATUS_LABELS } from '../shared/labels';
import { CATEGORIES, ENTRY_STATUSES, type Category, type EntryStatus } from '../shared/outreach';
import { NO_FILTER, pagesOf, type LogFilter } from './log-query';
import { entries, filter } from './log-store';

function update(change: Partial<LogFilter>): void {
  filter.value = { ...filter.value, ...change };
}

/** Filters of the log; every control is labelled and works from the keyboard. */
export function LogFilters() {
  const current = filter.value;
  return (
    <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div class="filter">
        <label for="filter-text">{t('logFilterText')}</label>
        <input
          id="filter-text"
          type="search"
          value={current.text}
          onInput={(event) => update({ text: event.currentTarget.value })}
        />
      </div>
      <div class="filter">
        <label for="filter-page">{t('logFilterPage')}</label>
        <select
          id="filter-page"
          value={current.pageId ?? ''}
          onChange={(event) => update({ pageId: event.currentTarget.value || null })}
        >
          <option value="">{t('logFilterAll')}</option>
          {pagesOf(entries.value).map((page) => (
            <option key={page.id} value={page.id}>
              {page.name}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-category">{t('logCategory')}</label>
        <select
          id="filter-category"
          value={current.category ?? ''}
          onChange={(event) => update({ category: (event.currentTarget.value || null) as Category | null })}
        >
          <option value="">{t('logFilterAll')}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(CATEGORY_LABELS[category])}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-status">{t('logStatus')}</label>
        <select
          id="filter-status"
          value={current.status ?? ''}
          onChange={(event) => update({ status: (event.currentTarget.value || null) as EntryStatus | null })}
        >
          <option value="">{t('logFilterAll')}</option>
          {ENTRY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_LABELS[status])}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-from">{t('logFilterFrom')}</label>
        <input
          id="filter-from"
          type="date"
          value={current.from ?? ''}
          onInput={(event) => update({ from: event.currentTarget.value || null })}
        />
      </div>
      <div class="filter">
        <label for="filter-to">{t('logFilterTo')}</label>
        <input
          id="filter-to"
          type="date"
          value={current.to ?? ''}
          onInput={(event) => update({ to: event.currentTarget.value || null })}
        />
      </div>
      <button type="button" onClick={() => (filter.value = NO_FILTER)}>
        {t('logFilterClear')}
      </button>
    </form>
  );
}
