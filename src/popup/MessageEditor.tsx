import { t } from '../shared/i18n';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import { editedText, filled, finalText, loaded } from './compose-store';

/** The exact text that will be sent, its length, what to check, and editing it for this one fan. */
export function MessageEditor() {
  const check = filled.value;
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
          {check.unknown.length > 0 && (
            <p class="placeholder-warning" role="note">
              {t('placeholderUnknown', check.unknown.map((placeholder) => `{${placeholder}}`).join(', '))}
            </p>
          )}
          {check.empty.length > 0 && (
            <p class="placeholder-warning" role="note">
              {t('placeholderEmpty', check.empty.map((placeholder) => `{${placeholder}}`).join(', '))}
            </p>
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
