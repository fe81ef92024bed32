import browser from 'webextension-polyfill';
import { request } from '../shared/background-client';
import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import type { BackgroundToContent, ComposerFailure, ComposerFillReply } from '../shared/messages';
import type { ComposerOutcome } from '../shared/outreach';
import type { DomWatcher } from './dom-watcher';
import {
  editorText,
  findCommentById,
  findMessageBoxes,
  findMessageControl,
  threadRows,
  type MessageBox,
} from './facebook-adapter';

/** How long Facebook may take to open its message box: it loads the chat's code on first use. */
export const MESSAGE_BOX_WAIT_MS = 8000;
/** How long the editor may take to show a paste it took: Facebook's editor renders in its own tick. */
export const PASTE_SETTLE_MS = 300;
/** How long it may take to show text typed in. */
export const EDITOR_SETTLE_MS = 1000;
/** A sent message is recognized by its beginning: Facebook may turn what follows into links. */
const SENT_MATCH_CHARS = 40;

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();
const failure = (reason: ComposerFailure): ComposerFillReply => ({ prepared: false, reason });

/** Resolves with what `find` finds once the page has changed so, or null after `timeoutMs`. */
function waitFor<T>(
  watcher: DomWatcher,
  find: () => T | null,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T | null> {
  return new Promise((resolve) => {
    const now = find();
    if (now !== null || signal.aborted) return resolve(now);
    const done = new AbortController();
    const finish = (value: T | null): void => {
      done.abort();
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal.addEventListener('abort', () => finish(null), { once: true, signal: done.signal });
    watcher.onChange(() => {
      const found = find();
      if (found !== null) finish(found);
    }, done.signal);
  });
}

/**
 * Puts the text in the editor the way a paste does, so Facebook's editor takes it into its own state
 * (setting the DOM's text would show it but send nothing). Where the editor did not take the paste
 * (some editors ignore paste events; Firefox hands pages a content script's clipboard data empty),
 * the text goes in as typed input instead: the editor was empty, so nothing is inserted twice.
 */
async function insertText(
  editor: HTMLElement,
  text: string,
  watcher: DomWatcher,
  signal: AbortSignal,
): Promise<boolean> {
  const wanted = normalize(text);
  const took = () => (normalize(editorText(editor)) === wanted ? true : null);
  editor.focus();
  const selection = editor.ownerDocument.getSelection();
  selection?.selectAllChildren(editor);
  selection?.collapseToEnd();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  if (await waitFor(watcher, took, PASTE_SETTLE_MS, signal)) return true;
  if (editorText(editor)) return false;
  editor.focus();
  editor.ownerDocument.execCommand('insertText', false, text);
  return (await waitFor(watcher, took, EDITOR_SETTLE_MS, signal)) !== null;
}

/**
 * Watches the message box after the text went in, and tells the background how it ended: sent when
 * the editor empties and the thread shows the message; not sent when the box closes first; unknown
 * when the page goes away with the text still waiting.
 */
function watchOutcome(
  entryId: string,
  { box, editor }: MessageBox,
  prepared: string,
  watcher: DomWatcher,
  signal: AbortSignal,
): void {
  const rowsBefore = new Set(threadRows(box));
  let typed = prepared;
  const watch = new AbortController();
  const until = AbortSignal.any([signal, watch.signal]);
  const report = (outcome: ComposerOutcome, sentText?: string): void => {
    watch.abort();
    request({ type: 'composer/outcome', entryId, outcome, ...(sentText ? { sentText } : {}) }).catch(
      (error: unknown) => console.warn('Page Outreach:', error),
    );
  };
  const check = (): void => {
    const current = editorText(editor);
    if (current) {
      typed = current;
      if (box.isConnected) return;
    }
    const expected = normalize(typed).slice(0, SENT_MATCH_CHARS);
    const sent = threadRows(box).some(
      (row) => !rowsBefore.has(row) && normalize(row.textContent ?? '').includes(expected),
    );
    if (sent && !current) {
      const edited = typed !== prepared && typed.length <= MAX_MESSAGE_LENGTH;
      report('sent', edited ? typed : undefined);
    } else if (!box.isConnected || !editor.isConnected) report('failed');
  };
  // The admin may edit the text there: what is in the box when it empties is what was sent.
  editor.addEventListener('input', check, { signal: until });
  watcher.onChange(check, until);
  window.addEventListener('pagehide', () => report('unknown'), { once: true, signal: until });
}

async function fill(
  { entryId, commentId, text }: BackgroundToContent,
  watcher: DomWatcher,
  signal: AbortSignal,
): Promise<ComposerFillReply> {
  const article = findCommentById(document, commentId);
  if (!article) return failure('no-comment');
  const control = findMessageControl(article);
  if (!control) return failure('no-control');
  const before = new Set(findMessageBoxes(document).map(({ box }) => box));
  // Opening Facebook's own message box is all the extension clicks: sending is the admin's press.
  control.click();
  const opened = await waitFor(
    watcher,
    () => findMessageBoxes(document).find(({ box }) => !before.has(box)) ?? null,
    MESSAGE_BOX_WAIT_MS,
    signal,
  );
  if (!opened) return failure('no-composer');
  if (editorText(opened.editor)) return failure('composer-busy');
  if (!(await insertText(opened.editor, text, watcher, signal))) return failure('not-accepted');
  watchOutcome(entryId, opened, text, watcher, signal);
  return { prepared: true };
}

/** Answers the background's requests to put a reserved message in Facebook's own message box. */
export function startComposerDelivery(watcher: DomWatcher, signal: AbortSignal): void {
  const listener = (message: unknown): Promise<ComposerFillReply> | undefined => {
    const fillRequest = message as BackgroundToContent;
    if (fillRequest?.type !== 'composer/fill') return undefined;
    return fill(fillRequest, watcher, signal);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
