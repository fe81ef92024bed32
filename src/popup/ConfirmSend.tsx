import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { teamSyncText } from '../shared/team-sync-text';
import {
  canSend,
  finalText,
  loaded,
  overridable,
  overrideReason,
  send,
  sending,
  stage,
} from './compose-store';

/** The last step: recipient and final text, exactly as they will go out, and nothing sent before. */
export function ConfirmSend() {
  const confirm = useRef<HTMLButtonElement>(null);
  // Focused before the dialog is painted: a Ctrl+Enter pressed as soon as it shows must land in it,
  // not on the form it replaced (a later effect lost such presses on a loaded machine).
  useLayoutEffect(() => confirm.current?.focus(), []);
  const comment = loaded.value?.target?.comment;
  if (!comment) return null;
  const team = loaded.value?.team;
  return (
    <section class="confirm" role="dialog" aria-modal="false" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t('confirmTitle', comment.authorName)}</h2>
      <p class="confirm-recipient">
        <a href={comment.authorUrl} target="_blank" rel="noreferrer">
          {comment.authorName}
        </a>{' '}
        · {t('onPage', comment.pageName)}
      </p>
      <blockquote class="confirm-text">{finalText.value.trim()}</blockquote>
      <p class="confirm-route">
        {loaded.value?.deliveryVia === 'api' ? t('confirmViaApi', comment.pageName) : t('confirmViaBox')}
      </p>
      {team && (
        <p class="confirm-route">
          {team.removed
            ? t('teamRemoved')
            : `${t('confirmTeam', [comment.pageName, team.user])} ${teamSyncText(team, Date.now())}`}
        </p>
      )}
      {overridable.value && <p class="override-note">{t('logOverridden', overrideReason.value.trim())}</p>}
      <div class="confirm-actions">
        <button
          type="button"
          class="send"
          ref={confirm}
          disabled={!canSend.value || sending.value}
          onClick={() => void send()}
        >
          {t(overridable.value ? 'sendAnyway' : 'send')}
        </button>
        <button type="button" onClick={() => (stage.value = 'compose')}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}
