import { t, type MessageKey } from './i18n';
import type { TriageCue, TriageKind, TriageReason } from './triage';

const KIND_KEYS: Record<TriageKind, MessageKey> = {
  question: 'triageKindQuestion',
  complaint: 'triageKindComplaint',
  praise: 'triageKindPraise',
  abusive: 'triageKindAbusive',
};

const REASON_KEYS: Record<TriageCue, MessageKey> = {
  question: 'triageReasonQuestion',
  negative: 'triageReasonNegative',
  positive: 'triageReasonPositive',
  offensive: 'triageReasonOffensive',
  learned: 'triageReasonLearned',
};

/** The kind's name in the UI language: "complaint", "reclamo". */
export function triageKindText(kind: TriageKind, translate = t): string {
  return translate(KIND_KEYS[kind]);
}

/**
 * The reason in words, in the UI language: "asks a question: “…”", "parole negative: ‘ritardo’". The
 * words are the comment's own, shown as text only.
 */
export function triageReasonText({ cue, words }: TriageReason, translate = t): string {
  const quoted = cue === 'question' ? (words[0] ?? '') : words.map((word) => `‘${word}’`).join(', ');
  return translate(REASON_KEYS[cue], quoted);
}
