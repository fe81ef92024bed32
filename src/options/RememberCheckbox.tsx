import { t, type MessageKey } from '../shared/i18n';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What remembering keeps: a token, or a team's credentials. */
  label: MessageKey;
}

/** "Remember on this device": credentials kept in IndexedDB, not only until the browser closes. */
export function RememberCheckbox({ checked, onChange, label }: Props) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      {t(label)}
    </label>
  );
}
