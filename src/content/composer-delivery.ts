import { answerMessages } from '../shared/extension-api';
import { request } from '../shared/background-client';
import type { ComposerFailure, ComposerFillReply, ExtensionToContent } from '../shared/messages';

type FillRequest = Extract<ExtensionToContent, { type: 'composer/fill' }>;
import type { Feature } from './context';
import type { DomWatcher } from './dom-watcher';
import { findCommentById, inspectComment } from './facebook/comments';
import {
  conversationBoxes,
  editorOf,
  editorText,
  findMessageBoxes,
  findMessageControl,
  threadTexts,
} from './facebook/message-box';
import { nextLook, observe, pageLeft, startWatch, type Observation, type Watch } from './outcome-watch';

/** How long Facebook may take to open its message box: it loads the chat's code on first use. */
export const MESSAGE_BOX_WAIT_MS = 8000;
/** How long the editor may take to show a paste it took: Facebook's editor renders in its own tick. */
export const PASTE_SETTLE_MS = 300;
/** How long it may take to show text typed in. */
export const EDITOR_SETTLE_MS = 1000;

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

/** Looks at every chat tab with the person: the one filled, and any Facebook put in its place. */
function lookAt(filled: Element, personName: string): Observation {
  const boxes = conversationBoxes(document, personName, filled);
  const shown = boxes.includes(filled) ? filled : boxes[0];
  const editor = shown && editorOf(shown);
  return {
    now: Date.now(),
    present: boxes.length > 0,
    editorText: editor ? editorText(editor) : '',
    rows: boxes.flatMap(threadTexts),
  };
}

/** Test builds only: on the page's root, the outcome watch's phase and how many looks it took. */
const WATCH_ATTRIBUTE = 'data-page-outreach-watch';

/**
 * Watches the person's chat tabs after the text went in, and tells the background how it ended (see
 * outcome-watch.ts): sent once the thread shows the message, not sent only when the tab closed with
 * the text still in it, unknown otherwise.
 */
function watchOutcome(
  entryId: string,
  filled: Element,
  personName: string,
  prepared: string,
  watcher: DomWatcher,
  signal: AbortSignal,
): void {
  let watch = startWatch(prepared, lookAt(filled, personName).rows);
  let timer = 0;
  let looks = 0;
  const stop = new AbortController();
  const until = AbortSignal.any([signal, stop.signal]);
  const step = (next: Watch): void => {
    watch = next;
    // Test builds say what each look concluded, so tests wait for a look instead of for time.
    if (__TEST_BUILD__) document.documentElement.setAttribute(WATCH_ATTRIBUTE, `${watch.phase} ${++looks}`);
    clearTimeout(timer);
    if (watch.phase === 'settled') {
      stop.abort();
      const { outcome, sentText } = watch;
      request({ type: 'composer/outcome', entryId, outcome, ...(sentText ? { sentText } : {}) }).catch(
        (error: unknown) => console.warn('Page Outreach:', error),
      );
      return;
    }
    const at = nextLook(watch);
    if (at !== null) timer = window.setTimeout(look, Math.max(0, at - Date.now()));
  };
  const look = (): void => step(observe(watch, lookAt(filled, personName)));
  watcher.onChange(look, until);
  until.addEventListener('abort', () => clearTimeout(timer), { once: true });
  window.addEventListener('pagehide', () => step(pageLeft(watch)), { once: true, signal: until });
}

async function fill(
  { entryId, commentId, text }: FillRequest,
  watcher: DomWatcher,
  signal: AbortSignal,
): Promise<ComposerFillReply> {
  const article = findCommentById(document, commentId);
  const personName = article && inspectComment(article)?.comment.authorName;
  if (!article || !personName) return failure('no-comment');
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
  watchOutcome(entryId, opened.box, personName, text, watcher, signal);
  return { prepared: true };
}

/** Answers the background's requests to put a reserved message in Facebook's own message box. */
export const composerDelivery: Feature = {
  init({ watcher, signal }) {
    answerMessages((message) => {
      const fillRequest = message as ExtensionToContent;
      return fillRequest?.type === 'composer/fill' ? fill(fillRequest, watcher, signal) : undefined;
    }, signal);
  },
};
