import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import { loaded } from './compose-store';

interface Props {
  commentId: string;
  fanName: string;
  onForgotten: (tombstones: number) => void;
}

/** "Forget this fan", behind a confirmation that says what is erased and what is kept. */
export function ForgetFan({ commentId, fanName, onForgotten }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // On a team's Page the other admins' copies go too (see team-forget.ts).
  const inTeam = loaded.value?.team && !loaded.value.team.removed;

  // The safe choice takes the focus, so a stray Enter erases nothing.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  async function forget(): Promise<void> {
    const reply = await request({ type: 'fan/forget', commentId });
    if (reply.ok) onForgotten(reply.data.tombstones);
    else setError(reply.error.message);
  }

  if (!confirming) {
    return (
      <button type="button" class="link-button" onClick={() => setConfirming(true)}>
        {t('forgetFan')}
      </button>
    );
  }
  return (
    <div class="forget-confirm" role="group" aria-labelledby="forget-question">
      <p id="forget-question">
        {t('forgetFanQuestion', fanName)}
        {inTeam && ` ${t('forgetFanInTeam')}`}
      </p>
      <button type="button" class="danger" onClick={() => void forget()}>
        {t('forgetFanConfirm', fanName)}
      </button>
      <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
