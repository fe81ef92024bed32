import type { Category } from './outreach';

/**
 * What the comment triage suggests a fan comment needs. The background decides it (rules and
 * lexicons, then what it learned from the admin's own sends); the pages only show it.
 */
export const TRIAGE_KINDS = ['question', 'complaint', 'praise', 'abusive'] as const;
export type TriageKind = (typeof TRIAGE_KINDS)[number];

/** The template category each kind calls for. A suggestion only: the admin's choice always wins. */
export const CATEGORY_FOR_KIND: Record<TriageKind, Category> = {
  question: 'care',
  complaint: 'care',
  praise: 'thanks',
  abusive: 'warning',
};

/** Why a kind was suggested, told in the UI language: a cue and what in the comment shows it. */
export const TRIAGE_CUES = ['question', 'negative', 'positive', 'offensive', 'learned'] as const;
export type TriageCue = (typeof TRIAGE_CUES)[number];
/** At most this many of the comment's words are quoted as a reason. */
export const MAX_REASON_WORDS = 3;

export interface TriageReason {
  cue: TriageCue;
  /** The comment's own words behind it: a question sentence, or up to a few cue words. */
  words: string[];
}

export interface TriageSuggestion {
  kind: TriageKind;
  reason: TriageReason;
}
