import { t } from '../shared/i18n';
import { triageKindText, triageReasonText } from '../shared/triage-text';
import { CORRECTION_LABELS } from '../shared/outreach';
import { chosenCategory, correctTriage, loaded, triageCorrected } from './compose-store';

/** What the triage read in the picked comment, and why (the category it opened on), and the admin's say. */
export function TriageHint() {
  const triage = loaded.value?.triage;
  if (triageCorrected.value) {
    return (
      <p class="triage-hint" role="status">
        {t('triageCorrected')}
      </p>
    );
  }
  if (!triage) return null;
  return (
    <div class="triage-hint" data-kind={triage.kind}>
      <p>{t('triageSuggested', [triageKindText(triage.kind), triageReasonText(triage.reason)])}</p>
      <details>
        <summary>{t('triageNotRight')}</summary>
        <div role="group" aria-label={t('triageCorrectAs')} class="triage-corrections">
          <span aria-hidden="true">{t('triageCorrectAs')}</span>
          {CORRECTION_LABELS.filter((label) => label !== triage.kind).map((label) => (
            <button key={label} type="button" class="link-button" onClick={() => void correctTriage(label)}>
              {label === 'none' ? t('triageCorrectNone') : triageKindText(label)}
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}

/**
 * A promo or a thanks to a comment that reads as a complaint: said before Review, not refused. The
 * admin may know better (a complaint already solved, say); the words are the comment's own.
 */
export function ComplaintWarning() {
  const triage = loaded.value?.triage;
  const category = chosenCategory.value;
  if (triage?.kind !== 'complaint' || (category !== 'promo' && category !== 'thanks')) return null;
  return (
    <p class="notice triage-warning" role="alert">
      {t('triageComplaintWarning', triageReasonText(triage.reason))}
    </p>
  );
}
