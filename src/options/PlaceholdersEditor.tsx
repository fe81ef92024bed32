import { useEffect, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { t } from '../shared/i18n';
import {
  BUILT_IN_PLACEHOLDERS,
  MAX_CUSTOM_PLACEHOLDERS,
  MAX_PLACEHOLDER_VALUE,
  PLACEHOLDER_NAME,
} from '../shared/placeholders';
import { importsDone } from './import-events';

interface Row {
  name: string;
  value: string;
}

/** What is wrong with a row's name, in the UI language, or null. */
function nameError(row: Row, rows: readonly Row[]): string | null {
  const name = row.name.trim();
  if (!PLACEHOLDER_NAME.test(name)) return t('placeholderNameInvalid');
  if (BUILT_IN_PLACEHOLDERS.includes(name)) return t('placeholderNameBuiltIn', `{${name}}`);
  if (rows.filter((other) => other.name.trim() === name).length > 1)
    return t('placeholderNameTaken', `{${name}}`);
  return null;
}

/** The Page's own placeholders, such as {discount_code}, and the value each takes in every message. */
export function PlaceholdersEditor() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void request({ type: 'placeholders/get' }).then((reply) => {
      if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
      setRows(Object.entries(reply.data.placeholders).map(([name, value]) => ({ name, value })));
    });
  }, [importsDone.value]);

  if (!rows) return null;
  const errors = rows.map((row) => nameError(row, rows));
  const valid = errors.every((error) => error === null);
  const update = (index: number, change: Partial<Row>) => {
    setRows(rows.map((row, position) => (position === index ? { ...row, ...change } : row)));
    setStatus(null);
  };

  async function save(): Promise<void> {
    if (!rows || !valid) return;
    const placeholders = Object.fromEntries(rows.map((row) => [row.name.trim(), row.value.trim()]));
    const reply = await request({ type: 'placeholders/set', placeholders });
    setStatus(reply.ok ? { ok: true, text: t('settingsSaved') } : { ok: false, text: reply.error.message });
  }

  return (
    <section aria-labelledby="placeholders-heading">
      <h2 id="placeholders-heading">{t('placeholdersTitle')}</h2>
      <p>{t('placeholdersIntro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {rows.map((row, index) => (
          <div class="placeholder-row" key={index}>
            <label for={`placeholder-name-${index}`}>{t('placeholderName')}</label>
            <input
              id={`placeholder-name-${index}`}
              value={row.name}
              aria-invalid={errors[index] ? 'true' : 'false'}
              aria-describedby={errors[index] ? `placeholder-error-${index}` : undefined}
              onInput={(event) => update(index, { name: event.currentTarget.value })}
            />
            <label for={`placeholder-value-${index}`}>{t('placeholderValue')}</label>
            <input
              id={`placeholder-value-${index}`}
              value={row.value}
              maxLength={MAX_PLACEHOLDER_VALUE}
              onInput={(event) => update(index, { value: event.currentTarget.value })}
            />
            <button
              type="button"
              aria-label={t('placeholderRemove', `{${row.name}}`)}
              onClick={() => setRows(rows.filter((_row, position) => position !== index))}
            >
              ×
            </button>
            {errors[index] && (
              <p class="error" id={`placeholder-error-${index}`}>
                {errors[index]}
              </p>
            )}
          </div>
        ))}
        <div class="actions">
          <button
            type="button"
            disabled={rows.length >= MAX_CUSTOM_PLACEHOLDERS}
            onClick={() => setRows([...rows, { name: '', value: '' }])}
          >
            {t('placeholderAdd')}
          </button>
          <button type="submit" disabled={!valid}>
            {t('placeholdersSave')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
