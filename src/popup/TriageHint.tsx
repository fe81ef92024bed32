import { t } from '../shared/i18n';
import { triageKindText, triageReasonText } from '../shared/triage-text';
import { chosenCategory, loaded } from './compose-store';

/** What the triage read in the picked comment, and why: the category it opened on. */
export function TriageHint() {
  const triage = loaded.value?.triage;
  if (!triage) return null;
  return (
    <p class="triage-hint" data-kind={triage.kind}>
      {t('triageSuggested', [triageKindText(triage.kind), triageReasonText(triage.reason)])}
    </p>
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
