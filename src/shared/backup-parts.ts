// No zod or browser APIs here: the background and the extension pages both use it.

/**
 * Longest part of a backup's text in one runtime message. Chrome refuses a message over 64 MiB; a
 * character may travel as up to 6 bytes (a lone surrogate escaped), so 8 Mi characters stay under it.
 */
export const BACKUP_PART_CHARS = 8 * 1024 * 1024;

/** Cuts `text` into parts of at most `size` characters, never between the two halves of an emoji. */
export function splitIntoParts(text: string, size = BACKUP_PART_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts.length > 0 ? parts : [''];
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
