import { useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import { MAX_FAN_NOTES } from '../shared/outreach';

interface Props {
  commentId: string;
  fanName: string;
  initialNotes: string;
}

/** The admins' own notes about the fan (a promise made, an order number), saved on request. */
export function FanNotes({ commentId, fanName, initialNotes }: Props) {
  const [notes, setNotes] = useState(initialNotes);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(): Promise<void> {
    const reply = await request({ type: 'fan/notes', commentId, notes });
    if (!reply.ok) return setStatus({ ok: false, text: reply.error.message });
    setNotes(reply.data.notes);
    setStatus({ ok: true, text: t('fanNotesSaved') });
  }

  return (
    <div class="fan-notes">
      <label for="fan-notes">{t('fanNotesLabel', fanName)}</label>
      <textarea
        id="fan-notes"
        rows={2}
        maxLength={MAX_FAN_NOTES}
        value={notes}
        onInput={(event) => {
          setNotes(event.currentTarget.value);
          setStatus(null);
        }}
      />
      <button type="button" class="link-button" onClick={() => void save()}>
        {t('fanNotesSave')}
      </button>
      {status && (
        <span class={status.ok ? 'saved' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {' '}
          {status.text}
        </span>
      )}
    </div>
  );
}
