import { t } from '../shared/i18n';
import { CATEGORY_LABELS } from '../shared/labels';
import { CATEGORIES } from '../shared/outreach';
import { excerpt } from '../shared/placeholders';
import { formatAgo, formatDay } from '../shared/format';
import { fanForgotten, loaded, markDoNotContact } from './compose-store';
import { FanNotes } from './FanNotes';
import { ForgetFan } from './ForgetFan';

/** Who the message is for, what they wrote, and their history with the Page at a glance. */
export function TargetCard() {
  const state = loaded.value;
  if (!state?.target) return null;
  const { comment } = state.target;
  const now = Date.now();
  const contacted = CATEGORIES.filter((category) => state.lastContacts[category] !== undefined);
  return (
    <section class="target" aria-labelledby="target-heading">
      <h1 id="target-heading">
        {t('recipient')}{' '}
        <a href={comment.authorUrl} target="_blank" rel="noreferrer">
          {comment.authorName}
        </a>
      </h1>
      <p class="page">
        {t('onPage', comment.pageName)} ·{' '}
        <a href={comment.postUrl} target="_blank" rel="noreferrer">
          {t('viewPost')}
        </a>
      </p>
      <blockquote class="comment">{excerpt(comment.text) || t('noCommentText')}</blockquote>
      <p class="history">
        {contacted.length === 0
          ? t('historyNone')
          : contacted
              .map((category) =>
                t('historyLast', [
                  t(CATEGORY_LABELS[category]),
                  formatAgo(state.lastContacts[category]!, now),
                ]),
              )
              .join(' · ')}
        {state.strikes > 0 && ` · ${t('historyStrikes', String(state.strikes))}`}
      </p>
      {state.unavailableAt !== null && (
        <p class="unavailable" role="note">
          {t('fanUnavailable', [comment.authorName, formatDay(state.unavailableAt)])}
        </p>
      )}
      <label class="do-not-contact">
        <input
          type="checkbox"
          checked={state.doNotContact}
          onChange={(event) => void markDoNotContact(event.currentTarget.checked)}
        />
        {t('doNotContactLabel')}
      </label>
      <FanNotes
        key={comment.commentId}
        commentId={comment.commentId}
        fanName={comment.authorName}
        initialNotes={state.notes}
      />
      <ForgetFan commentId={comment.commentId} fanName={comment.authorName} onForgotten={fanForgotten} />
    </section>
  );
}
