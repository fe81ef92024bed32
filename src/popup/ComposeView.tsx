import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { formatDateTime } from '../shared/format';
import { GRAPH_ERROR_LABELS } from '../shared/labels';
import { MAX_OVERRIDE_REASON } from '../shared/outreach';
import {
  canSend,
  placeholdersToFix,
  forgottenNote,
  lastComment,
  pickNextComment,
  teamUnchecked,
  loaded,
  loadError,
  openCompose,
  pickedAt,
  outcome,
  overridable,
  overrideReason,
  review,
  selectedVerdict,
  send,
  stage,
  template,
} from './compose-store';
import { CategoryTabs } from './CategoryTabs';
import { DiscretionLines } from './DiscretionLines';
import { FatigueNudge } from './FatigueNudge';
import { ConfirmSend } from './ConfirmSend';
import { describeVerdict } from './format';
import { MessageEditor, PLACEHOLDER_PROBLEMS_ID } from './MessageEditor';
import { TargetCard } from './TargetCard';
import { TemplatePicker } from './TemplatePicker';
import { ComplaintWarning, TriageHint } from './TriageHint';

/** Ctrl+Enter (⌘+Enter on a Mac): review from the form, send from the confirmation; Esc goes back. */
function onShortcut(event: KeyboardEvent): void {
  if (event.key === 'Escape' && stage.value === 'confirm') {
    event.preventDefault();
    stage.value = 'compose';
    return;
  }
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  if (stage.value === 'confirm') void send();
  else review();
}

/** What the policy says of the chosen category, in one sentence: the only place a refusal is stated. */
function Verdict() {
  const comment = loaded.value?.target?.comment;
  const shown = selectedVerdict.value;
  if (!comment || !shown) return null;
  return (
    <p class={shown.allowed ? 'verdict allowed' : 'verdict refused'} role="status">
      {describeVerdict(shown, comment.authorName, Date.now())}
    </p>
  );
}

/** While Facebook's page-wide answer rests the Graph API, nothing can be sent: say why and until when. */
function GraphPaused() {
  const pause = loaded.value?.graphPause;
  if (!pause) return null;
  return (
    <p class="graph-paused" role="status">
      {t('composeGraphPaused', [t(GRAPH_ERROR_LABELS[pause.reason]), formatDateTime(pause.until)])}
    </p>
  );
}

function Outcome() {
  const current = outcome.value;
  if (!current) return null;
  return (
    <>
      {teamUnchecked.value && (
        <p class="notice" role="status">
          {t('teamUnchecked')}
        </p>
      )}
      <OutcomeLine current={current} />
    </>
  );
}

function OutcomeLine({ current }: { current: NonNullable<typeof outcome.value> }) {
  return (
    <p
      class={`outcome ${current.kind}`}
      role={['copied', 'prepared', 'sent'].includes(current.kind) ? 'status' : 'alert'}
    >
      {current.text}
      {current.inbox && (
        <>
          {' '}
          <a href={current.inbox} target="_blank" rel="noreferrer">
            {t('openPageInbox')}
          </a>
        </>
      )}
    </p>
  );
}

/**
 * After a send: the fan as they stand now, how the send went, and the way on to the next comment. The
 * comment just answered offers no second confirmation.
 */
function Done() {
  const next = useRef<HTMLButtonElement>(null);
  // The confirmation that had the focus is gone: the next step takes it.
  useEffect(() => next.current?.focus(), []);
  return (
    <div class="compose done">
      <TargetCard />
      <Outcome />
      {lastComment.value && (
        <p class="notice" role="status">
          {t('noNextComment')}
        </p>
      )}
      <div class="action-bar">
        <button type="button" class="send" ref={next} onClick={() => void pickNextComment()}>
          {t('nextComment')}
        </button>
        <p class="hint">{t('nextCommentHint')}</p>
      </div>
    </div>
  );
}

/** The compose view; `onLookAtPage` shows what Page Outreach sees on a page it cannot read. */
export function ComposeView({ onLookAtPage }: { onLookAtPage: () => void }) {
  useEffect(() => void openCompose(), [pickedAt.value]);
  const state = loaded.value;
  if (loadError.value) return <p role="alert">{loadError.value}</p>;
  if (!state) return <p aria-busy="true">{t('loading')}</p>;
  const notice = state.recognitionFailed && (
    <p class="notice" role="status">
      {t('recognitionFailed')}{' '}
      <button type="button" class="link-button" onClick={onLookAtPage}>
        {t('recognitionLook')}
      </button>
    </p>
  );
  if (!state.target) {
    return (
      <>
        {notice}
        {forgottenNote.value && (
          <p class="outcome copied" role="status">
            {forgottenNote.value}
          </p>
        )}
        <p class="empty">{t('noTarget')}</p>
      </>
    );
  }
  const { comment } = state.target;
  const chosen = template.value;

  if (stage.value === 'done') return <Done />;
  if (stage.value === 'confirm') {
    return (
      <div class="compose" onKeyDown={onShortcut}>
        <ConfirmSend />
      </div>
    );
  }
  return (
    <form
      class="compose"
      onKeyDown={onShortcut}
      onSubmit={(event) => {
        event.preventDefault();
        review();
      }}
    >
      {notice}
      <TargetCard />
      <TriageHint />
      <CategoryTabs />
      <Verdict />
      <DiscretionLines pageId={comment.pageId} />
      <GraphPaused />
      <TemplatePicker />
      <MessageEditor />
      <FatigueNudge />
      <ComplaintWarning />
      {chosen?.category === 'warning' && state.strikes > 0 && (
        <p class="strike" role="note">
          {t('strikeLadder', [String(state.strikes + 1), comment.authorName])}
        </p>
      )}
      {/* Sticky at the bottom: the primary action stays in view however long the rest grows. */}
      <div class="action-bar">
        <Outcome />
        {overridable.value && (
          <div class="override">
            <label for="override-reason">{t('overrideReasonLabel')}</label>
            <textarea
              id="override-reason"
              rows={2}
              maxLength={MAX_OVERRIDE_REASON}
              value={overrideReason.value}
              onInput={(event) => (overrideReason.value = event.currentTarget.value)}
            />
          </div>
        )}
        <button
          type="submit"
          class="send"
          disabled={!canSend.value}
          aria-describedby={
            placeholdersToFix.value ? `${PLACEHOLDER_PROBLEMS_ID} keyboard-hint` : 'keyboard-hint'
          }
        >
          {t('reviewMessage')}
        </button>
        <p class="hint" id="keyboard-hint">
          {t('keyboardHint')}
        </p>
      </div>
    </form>
  );
}
