/**
 * A comment cut into what the triage reads: its words (lower case, accents kept, as the Italian
 * stemmer wants them), each word's bare form (accents dropped, for matching lists written without
 * them, as fans often type), its emoji, and its sentences.
 */
export interface Words {
  /** The comment without its links. */
  plain: string;
  /** Lower-case words in order; an apostrophe splits ("l'ordine" → "l", "ordine"), except in "n't". */
  words: string[];
  /** The same words with their accents dropped: "perché" → "perche". */
  bare: string[];
  emoji: string[];
  sentences: string[];
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;
/** Letters and digits, with an English "n't" kept on its word so that the negation stays whole. */
const WORD = /[\p{L}\p{N}]+n['’]t|[\p{L}\p{N}]+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const SENTENCE = /[^.!?…\n]+[.!?…]*/gu;

export function bareForm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

export function wordsOf(text: string): Words {
  const plain = text.normalize('NFC').replace(LINK, ' ');
  const words = (plain.toLowerCase().match(WORD) ?? []).map((word) => word.replace('’', "'"));
  return {
    plain,
    words,
    bare: words.map(bareForm),
    emoji: plain.match(EMOJI) ?? [],
    sentences: (plain.match(SENTENCE) ?? []).map((sentence) => sentence.trim()).filter(Boolean),
  };
}

/** Facebook's own links (another comment, a profile, a post) promote nothing. */
const FACEBOOK_LINK = /^(?:https?:\/\/)?(?:[\w-]+\.)*(?:facebook\.com|fb\.com|fb\.me)(?:[/?#]|$)/iu;

/** Does the comment link outside Facebook (a spam sign), before links were taken out of its words? */
export function hasLink(text: string): boolean {
  return (text.match(LINK) ?? []).some((link) => !FACEBOOK_LINK.test(link));
}
