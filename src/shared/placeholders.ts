import type { CommentContext } from './comment-context';

/** Characters of the comment quoted by `{comment_excerpt}`. */
export const COMMENT_EXCERPT_LENGTH = 80;

const PLACEHOLDER = /\{([a-z_]+)\}/g;

export function excerpt(text: string, length = COMMENT_EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}

export function placeholderValues(comment: CommentContext): Record<string, string> {
  const fullName = comment.authorName.trim();
  return {
    first_name: fullName.split(/\s+/)[0] ?? fullName,
    full_name: fullName,
    page_name: comment.pageName,
    comment_excerpt: excerpt(comment.text),
    post_url: comment.postUrl,
  };
}

/**
 * Fills `{name}` placeholders in one pass, so a value that itself looks like a placeholder (a fan
 * called "{page_name}") stays literal. Unknown placeholders are left as written.
 */
export function fillPlaceholders(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(PLACEHOLDER, (match, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : match,
  );
}

/** A template filled for one fan, with what the admin should check before sending. */
export interface FilledMessage {
  text: string;
  /** Placeholders the template names that do not exist: they would be sent as written. */
  unknown: string[];
  /** Placeholders that exist but are empty for this fan (a comment without text). */
  empty: string[];
}

export function fillAndCheck(body: string, values: Readonly<Record<string, string>>): FilledMessage {
  const names = [...body.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  const unique = [...new Set(names)];
  return {
    text: fillPlaceholders(body, values),
    unknown: unique.filter((name) => !Object.hasOwn(values, name)),
    empty: unique.filter((name) => Object.hasOwn(values, name) && values[name]!.trim() === ''),
  };
}
