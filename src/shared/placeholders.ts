import { z } from 'zod';
import type { CommentContext } from './comment-context';

/** The placeholders every template can use, filled from the comment. */
export const BUILT_IN_PLACEHOLDERS = ['first_name', 'full_name', 'page_name', 'comment_excerpt', 'post_url'];
export const MAX_CUSTOM_PLACEHOLDERS = 30;
export const MAX_PLACEHOLDER_VALUE = 200;
export const PLACEHOLDER_NAME = /^[a-z][a-z0-9_]{0,29}$/;

/**
 * The Page's own placeholders (a discount code, the shop's address) with the value they take in every
 * message; a built-in name cannot be redefined.
 */
export const CustomPlaceholdersSchema = z
  .record(
    z
      .string()
      .regex(PLACEHOLDER_NAME)
      .refine((name) => !BUILT_IN_PLACEHOLDERS.includes(name), { message: 'is a built-in placeholder' }),
    z.string().trim().max(MAX_PLACEHOLDER_VALUE),
  )
  .refine((placeholders) => Object.keys(placeholders).length <= MAX_CUSTOM_PLACEHOLDERS, {
    message: `at most ${MAX_CUSTOM_PLACEHOLDERS} placeholders`,
  });
export type CustomPlaceholders = z.infer<typeof CustomPlaceholdersSchema>;

/** Characters of the comment quoted by `{comment_excerpt}`. */
export const COMMENT_EXCERPT_LENGTH = 80;

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

export function excerpt(text: string, length = COMMENT_EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}

/** Every placeholder's value for one comment: the Page's own ones, then the built-in ones. */
export function placeholderValues(
  comment: CommentContext,
  custom: Readonly<CustomPlaceholders> = {},
): Record<string, string> {
  const fullName = comment.authorName.trim();
  return {
    ...custom,
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

/** A template filled for one fan, with what blocks sending it until fixed. */
export interface FilledMessage {
  text: string;
  /** Placeholders the template names that do not exist: they would be sent as written. */
  unknown: string[];
  /** Placeholders that exist but are empty for this fan (a comment without text). */
  empty: string[];
}

/** The placeholders a text names, each once, in order. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export function fillAndCheck(body: string, values: Readonly<Record<string, string>>): FilledMessage {
  const unique = placeholdersIn(body);
  return {
    text: fillPlaceholders(body, values),
    unknown: unique.filter((name) => !Object.hasOwn(values, name)),
    empty: unique.filter((name) => Object.hasOwn(values, name) && values[name]!.trim() === ''),
  };
}
