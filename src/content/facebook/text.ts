/**
 * Facebook mixes invisible format characters (zero-width joiners, direction marks) into names and
 * timestamps to confuse scrapers; they must not make two equal names differ, nor a "2d" unreadable.
 */
const INVISIBLE = /\p{Cf}/gu;

/** An element's text with whitespace collapsed, as a line of body text. */
export function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A label (a name, a timestamp, a control's name) without Facebook's invisible marks. */
export function labelText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export function clip(text: string, length: number): string {
  return text.length <= length ? text : text.slice(0, length);
}
