import { OWN_NODE_ATTRIBUTE } from '../action-button';
import { findPermalink, ownParts } from './comments';
import { labelText } from './text';

/*
 * Facebook's own private reply ("Message" under a comment) and the chat tab it opens. Facebook's markup
 * for these is only partly public (see shared/docs/facebook-messenger-markup.md), so each signal is the
 * most language-free one its chat tabs are known to use:
 *
 * 8. MESSAGE CONTROL: in the comment's action row (6), one of Facebook's own controls that links to a
 *    conversation (`/messages/…`, `m.me`) or, failing that, is labelled "Message"/"Send message" in the
 *    UI language (MESSAGE_CONTROL_LABELS, the one place where words are needed).
 * 9. MESSAGE BOX: a `role="dialog"` holding a `role="textbox"` with `contenteditable="true"` (Lexical's
 *    editor): a chat tab in the dock. Minimizing keeps its DOM and hides its inner wrapper; after the
 *    first message Facebook may re-mount the tab as the thread, a new element for the same person.
 * 10. THREAD: the tab's messages are `role="row"` elements (in a `role="grid"` or `role="log"`); a
 *    message sent shows up as a new one, its emoji drawn as `<img alt>`.
 */

/** Facebook's own label for the private reply control, in the fixture languages, lower case. */
const MESSAGE_CONTROL_LABELS = new Set([
  'message',
  'send message',
  'messaggio',
  'invia messaggio',
  'mensaje',
  'enviar mensaje',
  'nachricht',
  'nachricht senden',
  'envoyer un message',
  'mensagem',
  'enviar mensagem',
  'مراسلة',
  'إرسال رسالة',
]);
const CONVERSATION_LINK = /^https:\/\/(?:www\.facebook\.com\/messages\/|m\.me\/)/;
const MESSAGE_BOX_SELECTOR = '[role="dialog"]';
const EDITOR_SELECTOR = '[role="textbox"][contenteditable="true"]';
const THREAD_SELECTOR = '[role="grid"], [role="log"]';
const THREAD_ROW_SELECTOR = '[role="row"]';
const ARTICLE_SELECTOR = '[role="article"]';

/** Signal 8: Facebook's own control that opens a private reply to this comment. */
export function findMessageControl(article: Element): HTMLElement | null {
  const parts = ownParts(article);
  const permalink = findPermalink(article, parts);
  if (!permalink) return null;
  const { row } = permalink.slot;
  for (const control of [...parts.links, ...parts.rowButtons]) {
    if (!(control instanceof HTMLElement) || control.hasAttribute(OWN_NODE_ATTRIBUTE)) continue;
    if (!row.contains(control)) continue;
    const href = control.getAttribute('href');
    const label = labelText(control.getAttribute('aria-label') ?? control.textContent ?? '').toLowerCase();
    if ((href && CONVERSATION_LINK.test(href)) || MESSAGE_CONTROL_LABELS.has(label)) return control;
  }
  return null;
}

export interface MessageBox {
  box: Element;
  editor: HTMLElement;
}

/** Signal 9: every message box open on the page, minimized ones included. */
export function findMessageBoxes(root: ParentNode): MessageBox[] {
  const boxes: MessageBox[] = [];
  for (const box of root.querySelectorAll(MESSAGE_BOX_SELECTOR)) {
    const editor = editorOf(box);
    // A post dialog holds the comment box: that one is for public replies, and holds comments.
    if (editor && !box.querySelector(ARTICLE_SELECTOR)) boxes.push({ box, editor });
  }
  return boxes;
}

/** The names a chat tab goes by: its own label, its thread's, its header link's. */
function boxLabels(box: Element): string {
  const thread = box.querySelector(THREAD_SELECTOR);
  const header = box.querySelector('a[aria-label]');
  return labelText(
    [box.getAttribute('aria-label'), thread?.getAttribute('aria-label'), header?.getAttribute('aria-label')]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * The chat tabs open with this person, the one we filled and any that replaced it: Facebook re-mounts
 * the tab as a thread after the first message, labelled with the person's name.
 */
export function conversationBoxes(root: ParentNode, personName: string, known: Element): Element[] {
  const name = labelText(personName);
  return [...root.querySelectorAll(MESSAGE_BOX_SELECTOR)].filter(
    (box) =>
      !box.querySelector(ARTICLE_SELECTOR) &&
      (box === known || (name !== '' && boxLabels(box).includes(name))),
  );
}

/** The editor of a chat tab, if it has one now. */
export function editorOf(box: Element): HTMLElement | null {
  return box.querySelector<HTMLElement>(EDITOR_SELECTOR);
}

/** The text in a message box's editor, a line per paragraph, as the admin sees it. */
export function editorText(editor: Element): string {
  const blocks = [...editor.children];
  const lines =
    blocks.length > 0 ? blocks.map((block) => block.textContent ?? '') : [editor.textContent ?? ''];
  return lines.join('\n').trim();
}

/** What a node reads as, with emoji drawn as images read from their `alt`. */
function readText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.localName === 'img') return node.getAttribute('alt') ?? '';
  let text = '';
  for (const child of node.childNodes) text += readText(child);
  return node.localName === 'br' ? ' ' : text;
}

/** Signal 10: the messages shown in a message box, oldest first, each as one line of text. */
export function threadTexts(box: Element): string[] {
  return [...box.querySelectorAll(THREAD_ROW_SELECTOR)].map((row) =>
    labelText(readText(row)).replace(/\s+/g, ' '),
  );
}
