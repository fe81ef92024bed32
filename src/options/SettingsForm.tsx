import { useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { StatusLine, type Status } from '../shared/ui/StatusLine';
import { t } from '../shared/i18n';
import { SETTING_LABELS } from '../shared/labels';
import { COMMENT_REPLY_WINDOW_DAYS } from '../shared/outreach';
import { OTHER_REGION, searchTimeZones, timeZoneGroups, type TimeZoneChoice } from './time-zones';
import {
  POLICY_SETTING_BOUNDS,
  POLICY_SETTING_KEYS,
  PolicySettingsSchema,
  type PolicySettings,
} from '../shared/policy-settings';

type Key = (typeof POLICY_SETTING_KEYS)[number];
/** What the admin typed, field by field: kept as text so a half-typed number is not lost. */
type Draft = Record<Key, string>;

function toDraft(settings: PolicySettings): Draft {
  return Object.fromEntries(POLICY_SETTING_KEYS.map((key) => [key, String(settings[key])])) as Draft;
}

/** Every time zone the browser knows, with the saved one kept even if it is not among them. */
function timeZoneChoices(saved: string | undefined): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return saved && !zones.includes(saved) ? [saved, ...zones] : zones;
}

/**
 * The quiet hours' time zone: the browser's, or one picked from the zones grouped by region, each
 * with its city and offset, narrowed by what the admin types in the search box above.
 */
function TimeZonePicker({
  value,
  browserZone,
  onPick,
}: {
  value: string;
  browserZone: string;
  onPick: (zone: string) => void;
}) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => timeZoneGroups(timeZoneChoices(value || undefined), Date.now()), [value]);
  const found = searchTimeZones(groups, query);
  // The zone picked stays a choice even when the search leaves it out, so the select never shows another.
  const picked = value && !found.some((group) => group.zones.some((zone) => zone.id === value));
  const pickedZone = picked
    ? groups.flatMap((group) => group.zones).find((zone) => zone.id === value)
    : undefined;
  const label = (zone: TimeZoneChoice) => `${zone.city} (${zone.offset})`;
  return (
    <>
      <label for="timeZoneSearch">{t('settingTimeZoneSearch')}</label>
      <input
        id="timeZoneSearch"
        type="search"
        value={query}
        aria-controls="timeZone"
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      <label for="timeZone">{t('settingTimeZone')}</label>
      <select
        id="timeZone"
        name="timeZone"
        value={value}
        onChange={(event) => onPick(event.currentTarget.value)}
      >
        <option value="">{t('settingTimeZoneBrowser', browserZone)}</option>
        {pickedZone && <option value={pickedZone.id}>{label(pickedZone)}</option>}
        {found.map(({ region, zones }) => (
          <optgroup key={region} label={region === OTHER_REGION ? t('settingTimeZoneOther') : region}>
            {zones.map((zone) => (
              <option key={zone.id} value={zone.id}>
                {label(zone)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </>
  );
}

/** The error for one field, in the UI language, or null when the value is acceptable. */
function fieldError(key: Key, text: string): string | null {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (PolicySettingsSchema.shape[key].safeParse(value).success) return null;
  const [min, max] = POLICY_SETTING_BOUNDS[key];
  return t('settingsRangeError', [String(min), String(max)]);
}

/** The policy's numbers, each validated as typed; nothing is saved while any is invalid. */
export function SettingsForm() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [defaults, setDefaults] = useState<PolicySettings | null>(null);
  /** The picked IANA time zone for quiet hours; '' follows the browser's. */
  const [timeZone, setTimeZone] = useState('');
  const [browserZone, setBrowserZone] = useState('');
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void request({ type: 'settings/get' }).then((reply) => {
      if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
      setDraft(toDraft(reply.data.settings));
      setDefaults(reply.data.defaults);
      setTimeZone(reply.data.settings.timeZone ?? '');
      setBrowserZone(reply.data.browserTimeZone);
    });
  }, []);

  if (!draft || !defaults) return <section aria-busy="true">{status?.text ?? t('loading')}</section>;
  const errors = Object.fromEntries(POLICY_SETTING_KEYS.map((key) => [key, fieldError(key, draft[key])]));
  const valid = POLICY_SETTING_KEYS.every((key) => errors[key] === null);

  async function save(): Promise<void> {
    if (!draft || !valid) return;
    const numbers = Object.fromEntries(POLICY_SETTING_KEYS.map((key) => [key, Number(draft[key])]));
    const settings = { ...numbers, ...(timeZone ? { timeZone } : {}) } as PolicySettings;
    const reply = await request({ type: 'settings/set', settings });
    setStatus(reply.ok ? { ok: true, text: t('settingsSaved') } : { ok: false, text: reply.error.message });
  }

  return (
    <section aria-labelledby="limits-heading">
      <h2 id="limits-heading">{t('limitsTitle')}</h2>
      <p>{t('settingsIntro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        {POLICY_SETTING_KEYS.map((key) => {
          const error = errors[key];
          const [min, max] = POLICY_SETTING_BOUNDS[key];
          return (
            <div class="setting" key={key}>
              <label for={key}>{t(SETTING_LABELS[key])}</label>
              <input
                id={key}
                name={key}
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                step={1}
                value={draft[key]}
                aria-invalid={error ? 'true' : 'false'}
                aria-describedby={error ? `${key}-error` : undefined}
                onInput={(event) => {
                  setDraft({ ...draft, [key]: event.currentTarget.value });
                  setStatus(null);
                }}
              />
              {error && (
                <p class="error" id={`${key}-error`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div class="setting">
          <TimeZonePicker
            value={timeZone}
            browserZone={browserZone}
            onPick={(zone) => {
              setTimeZone(zone);
              setStatus(null);
            }}
          />
        </div>
        <p class="fixed-rule">{t('settingCommentReplyWindow', String(COMMENT_REPLY_WINDOW_DAYS))}</p>
        <div class="actions">
          <button type="submit" disabled={!valid}>
            {t('settingsSave')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(toDraft(defaults));
              setTimeZone('');
              setStatus(null);
            }}
          >
            {t('settingsRestoreDefaults')}
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
