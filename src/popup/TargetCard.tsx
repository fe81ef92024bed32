import { t, tCount } from '../shared/i18n';
import { CATEGORIES, type Category } from '../shared/outreach';
import { excerpt } from '../shared/placeholders';
import { formatAgo, formatDay } from '../shared/format';
import { fanForgotten, loaded, markDoNotContact } from './compose-store';
import { FanNotes } from './FanNotes';
import { ForgetFan } from './ForgetFan';

/** "Thanked 3 min ago": the verb each category's last contact reads with. */
const LAST_CONTACT = {
  thanks: 'lastThanked',
  promo: 'lastPromo',
  warning: 'lastWarned',
  care: 'lastHelped',
} as const satisfies Record<Category, string>;

/** The comment itself on facebook.com: its post, opened at the comment. */
function commentUrl(postUrl: string, commentId: string): string {
  const url = new URL(postUrl);
  url.searchParams.set('comment_id', commentId);
  return url.href;
}

/** The fan's latest contact with the Page, in words, and their pre-ban warnings. */
function LastContact() {
  const state = loaded.value!;
  const times = CATEGORIES.flatMap((category) => {
    const at = state.lastContacts[category];
    return at === undefined ? [] : [{ category, at }];
  });
  const latest = times.sort((a, b) => b.at - a.at)[0];
  const words = latest
    ? t(LAST_CONTACT[latest.category], formatAgo(latest.at, Date.now(), 'short'))
    : t('historyNone');
  return (
    <span class="history">
      {words}
      {state.strikes > 0 && ` · ${tCount('historyStrikes', state.strikes)}`}
    </span>
  );
}

/**
 * Who the message is for, in one line (name, Page, their comment, last contact), and behind the "Fan"
 * disclosure what the Page keeps about them: "do not contact", notes, forgetting them.
 */
export function TargetCard() {
  const state = loaded.value;
  if (!state?.target) return null;
  const { comment } = state.target;
  return (
    <section class="target" aria-labelledby="target-heading">
      <h1 id="target-heading">
        {t('recipient')}{' '}
        <a href={comment.authorUrl} target="_blank" rel="noreferrer">
          {comment.authorName}
        </a>
      </h1>
      <p class="target-line">
        {comment.pageName} ·{' '}
        <a
          href={commentUrl(comment.postUrl, comment.commentId)}
          target="_blank"
          rel="noreferrer"
          title={excerpt(comment.text)}
        >
          {t('viewComment')}
        </a>{' '}
        · <LastContact />
        {state.doNotContact && <strong class="dnc-badge"> · {t('doNotContactBadge')}</strong>}
      </p>
      {state.doNotContact && state.markLiftedBy && (
        <p class="unavailable" role="status">
          {t('markLiftedBy', [state.markLiftedBy.by, formatDay(state.markLiftedBy.at)])}
        </p>
      )}
      {state.postReplies && (
        <p class={state.postReplies.count >= state.postReplies.max ? 'post-replies full' : 'post-replies'}>
          {t('postRepliesToday', [String(state.postReplies.count), String(state.postReplies.max)])}
        </p>
      )}
      {state.unavailableAt !== null && (
        <p class="unavailable" role="note">
          {t('fanUnavailable', [comment.authorName, formatDay(state.unavailableAt)])}
        </p>
      )}
      <details class="fan">
        <summary>{t('fanDisclosure')}</summary>
        <blockquote class="comment">{excerpt(comment.text) || t('noCommentText')}</blockquote>
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
      </details>
    </section>
  );
}
