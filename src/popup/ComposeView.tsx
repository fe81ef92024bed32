import { useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '../shared/background-client';
import { t } from '../shared/i18n';
import type { ReplyData } from '../shared/messages';
import {
  CATEGORIES,
  HARD_RULES,
  MAX_OVERRIDE_REASON,
  MIN_OVERRIDE_REASON,
  type Category,
  type Verdict,
} from '../shared/outreach';
import { excerpt, fillPlaceholders, placeholderValues } from '../shared/placeholders';
import { clipboardDelivery } from './delivery/clipboard-delivery';
import { CATEGORY_LABELS } from '../shared/labels';
import { describeVerdict } from './format';
import { FanNotes } from './FanNotes';
import { ForgetFan } from './ForgetFan';

type Loaded = ReplyData['popup/open'];
type Outcome = { kind: 'error' | 'refused' | 'copied' | 'failed'; text: string };

export function ComposeView() {
  const [state, setState] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [forgottenNote, setForgottenNote] = useState<string | null>(null);

  useEffect(() => {
    void request({ type: 'popup/open' }).then((reply) => {
      if (reply.ok) setState(reply.data);
      else setLoadError(reply.error.message);
    });
  }, []);

  const template = state?.templates.find((candidate) => candidate.id === templateId) ?? null;
  const preview = useMemo(
    () =>
      state?.target && template
        ? fillPlaceholders(template.body, placeholderValues(state.target.comment))
        : '',
    [state, template],
  );

  if (loadError) return <p role="alert">{loadError}</p>;
  if (!state) return <p aria-busy="true">{t('loading')}</p>;
  const { target, templates, verdicts, strikes, doNotContact, recognitionFailed } = state;
  const notice = recognitionFailed && (
    <p class="notice" role="status">
      {t('recognitionFailed')}
    </p>
  );
  if (!target) {
    return (
      <>
        {notice}
        {forgottenNote && (
          <p class="outcome copied" role="status">
            {forgottenNote}
          </p>
        )}
        <p class="empty">{t('noTarget')}</p>
      </>
    );
  }
  const { comment } = target;

  const setVerdict = (category: Category, next: Verdict) =>
    setState({ ...state, verdicts: verdicts && { ...verdicts, [category]: next } });
  const now = Date.now();
  const selected = template && verdicts ? verdicts[template.category] : null;
  // Before a template is picked, say whether everything is possible; after, what the policy says of it.
  const everythingAllowed = verdicts !== null && CATEGORIES.every((category) => verdicts[category].allowed);
  const shownVerdict = selected ?? (everythingAllowed ? verdicts[CATEGORIES[0]] : null);
  // A soft rule can be overridden with a reason, which goes into the log; Facebook's rules cannot.
  const overridable = selected !== null && !selected.allowed && !HARD_RULES.includes(selected.rule);
  const reasonGiven = overrideReason.trim().length >= MIN_OVERRIDE_REASON;
  const canSend =
    template !== null && !sending && (selected?.allowed !== false || (overridable && reasonGiven));

  async function markDoNotContact(marked: boolean): Promise<void> {
    const reply = await request({
      type: 'fan/do-not-contact',
      commentId: comment.commentId,
      doNotContact: marked,
    });
    if (!reply.ok) return setOutcome({ kind: 'error', text: reply.error.message });
    const { verdicts: updated, doNotContact: nowMarked } = reply.data;
    setState((current) => current && { ...current, verdicts: updated, doNotContact: nowMarked });
  }

  async function send(): Promise<void> {
    if (!template) return;
    setSending(true);
    try {
      const reserved = await request({
        type: 'outreach/reserve',
        commentId: comment.commentId,
        category: template.category,
        templateId: template.id,
        text: preview,
        ...(overridable ? { override: { reason: overrideReason.trim() } } : {}),
      });
      if (!reserved.ok) return setOutcome({ kind: 'error', text: reserved.error.message });
      const { entry, verdict: decided } = reserved.data;
      setVerdict(template.category, decided);
      if (!entry) {
        return setOutcome({
          kind: 'refused',
          text: describeVerdict(decided, comment.authorName, Date.now()),
        });
      }
      const delivered = await clipboardDelivery.deliver({ recipientName: comment.authorName, text: preview });
      const confirmed = await request({ type: 'outreach/confirm', entryId: entry.id, outcome: delivered });
      if (!confirmed.ok) return setOutcome({ kind: 'error', text: confirmed.error.message });
      setOutcome(
        delivered === 'copied'
          ? { kind: 'copied', text: t('deliveredCopied', comment.authorName) }
          : { kind: 'failed', text: t('deliveryFailed') },
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      class="compose"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {notice}
      <section class="target" aria-labelledby="target-heading">
        <h1 id="target-heading">
          {t('recipient')}{' '}
          <a href={comment.authorUrl} target="_blank" rel="noreferrer">
            {comment.authorName}
          </a>
        </h1>
        <p class="page">{t('onPage', comment.pageName)}</p>
        <blockquote class="comment">{excerpt(comment.text) || t('noCommentText')}</blockquote>
        <label class="do-not-contact">
          <input
            type="checkbox"
            checked={doNotContact}
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
        <ForgetFan
          commentId={comment.commentId}
          fanName={comment.authorName}
          onForgotten={(tombstones) => {
            setForgottenNote(t('fanForgotten', [comment.authorName, String(tombstones)]));
            setState({ ...state, target: null, verdicts: null });
          }}
        />
      </section>

      {CATEGORIES.map((category) => (
        <fieldset key={category} class="category">
          <legend>{t(CATEGORY_LABELS[category])}</legend>
          {verdicts && !verdicts[category].allowed && (
            <p class="category-verdict">{describeVerdict(verdicts[category], comment.authorName, now)}</p>
          )}
          {templates
            .filter((candidate) => candidate.category === category)
            .map((candidate) => (
              <label key={candidate.id} class="template">
                <input
                  type="radio"
                  name="template"
                  value={candidate.id}
                  checked={candidate.id === templateId}
                  onChange={() => {
                    setTemplateId(candidate.id);
                    setOutcome(null);
                    setOverrideReason('');
                  }}
                />
                {candidate.title}
              </label>
            ))}
        </fieldset>
      ))}

      <section class="preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t('preview')}</h2>
        <output class="preview-text" aria-live="polite">
          {preview || t('pickTemplate')}
        </output>
        {preview && <p class="length">{t('characterCount', String(preview.length))}</p>}
      </section>

      {template?.category === 'warning' && strikes > 0 && (
        <p class="strike" role="note">
          {t('strikeLadder', [String(strikes + 1), comment.authorName])}
        </p>
      )}

      {shownVerdict && (
        <p class={shownVerdict.allowed ? 'verdict allowed' : 'verdict refused'} role="status">
          {describeVerdict(shownVerdict, comment.authorName, now)}
        </p>
      )}

      {overridable && (
        <div class="override">
          <label for="override-reason">{t('overrideReasonLabel')}</label>
          <textarea
            id="override-reason"
            rows={2}
            maxLength={MAX_OVERRIDE_REASON}
            value={overrideReason}
            onInput={(event) => setOverrideReason(event.currentTarget.value)}
          />
        </div>
      )}

      <button type="submit" class="send" disabled={!canSend}>
        {t(overridable ? 'sendAnyway' : 'send')}
      </button>

      {outcome && (
        <p class={`outcome ${outcome.kind}`} role={outcome.kind === 'copied' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
