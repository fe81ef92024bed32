import { useState } from 'preact/hooks';
import type { ImportMode } from '../export-document';
import { t, type MessageKey } from '../i18n';
import { StatusLine, type Status } from './StatusLine';

interface Props {
  /** Prefix of the element ids, unique on the page. */
  id: string;
  labels: { merge: MessageKey; replace: MessageKey; file: MessageKey };
  /** Hands the chosen file to the background and says what happened. */
  onImport: (file: File, mode: ImportMode) => Promise<Status>;
}

/** The file's JSON, or the status saying that it is not JSON (and so nothing changed). */
export async function readJsonFile(file: File): Promise<{ document: unknown } | { notJson: Status }> {
  try {
    return { document: JSON.parse(await file.text()) };
  } catch {
    return { notJson: { ok: false, text: t('importNotJson', file.name) } };
  }
}

/** Picks a JSON file and how to import it (merge or replace). */
export function JsonFileImport({ id, labels, onImport }: Props) {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [status, setStatus] = useState<Status | null>(null);

  async function importFile(file: File): Promise<void> {
    setStatus(await onImport(file, mode));
  }

  return (
    <>
      <fieldset class="import-mode">
        <legend>{t('importModeLegend')}</legend>
        {(['merge', 'replace'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === choice}
              onChange={() => setMode(choice)}
            />
            {t(labels[choice])}
          </label>
        ))}
      </fieldset>
      <label for={`${id}-file`}>{t(labels.file)}</label>{' '}
      <input
        id={`${id}-file`}
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      <StatusLine status={status} />
    </>
  );
}
