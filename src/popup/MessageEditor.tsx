import { t } from '../shared/i18n';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import { editedText, filled, finalText, loaded, messageCheck, placeholdersToFix } from './compose-store';

/** Where the placeholders to fix are said: the Review button points here for its reason. */
export const PLACEHOLDER_PROBLEMS_ID = 'placeholder-problems';

/** The exact text that will be sent, its length, what to check, and editing it for this one fan. */
export function MessageEditor() {
  const check = filled.value;
  const problems = messageCheck.value;
  const name = loaded.value?.target?.comment.authorName ?? '';
  const text = finalText.value;
  const tooLong = text.trim().length > MAX_MESSAGE_LENGTH;
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview')}</h2>
      {editedText.value === null ? (
        <output class="preview-text" aria-live="polite">
          {text || t('pickTemplate')}
        </output>
      ) : (
        <>
          <label for="message-text" class="visually-hidden">
            {t('editMessageLabel', name)}
          </label>
          <textarea
            id="message-text"
            class="message-text"
            rows={5}
            value={editedText.value}
            aria-invalid={tooLong ? 'true' : 'false'}
            onInput={(event) => (editedText.value = event.currentTarget.value)}
          />
        </>
      )}
      {check && (
        <>
          <p class={tooLong ? 'length too-long' : 'length'}>
            {t('messageLength', [String(text.trim().length), String(MAX_MESSAGE_LENGTH)])}
          </p>
          {problems && placeholdersToFix.value && (
            <div id={PLACEHOLDER_PROBLEMS_ID} class="placeholder-warning" role="status">
              {problems.unknown.length > 0 && (
                <p>{t('placeholderUnknown', problems.unknown.map((name) => `{${name}}`).join(', '))}</p>
              )}
              {problems.empty.length > 0 && (
                <p>{t('placeholderEmpty', problems.empty.map((name) => `{${name}}`).join(', '))}</p>
              )}
            </div>
          )}
          <button
            type="button"
            class="link-button"
            onClick={() => (editedText.value = editedText.value === null ? check.text : null)}
          >
            {t(editedText.value === null ? 'editMessage' : 'resetMessage')}
          </button>
        </>
      )}
    </section>
  );
}
