import type { Storage } from 'webextension-polyfill';
import { browser } from '../shared/extension-api';
import { request } from '../shared/background-client';
import {
  hasHistory,
  isStale,
  noHistory,
  OUTREACH_CHANGE_KEY,
  type FanKey,
  type OutreachChange,
} from '../shared/fan-status';
import type { FanStatus } from '../shared/messages';
import { MAX_STATUS_BATCH } from '../shared/limits';
import { OWN_NODE_ATTRIBUTE } from './action-button';
import { ARTICLE_SELECTOR, commentText } from './facebook/comments';
import { watchNearViewport, type NearViewport } from './near-viewport';
import { markKind } from './triage-mark';

/**
 * New comments' statuses are asked for once no new comment has come for this long: one message per
 * burst of comments, not per React commit (each message costs the page's main thread a fixed price).
 */
export const STATUS_QUIET_MS = 200;
/** ...or at the latest this long after the first of them, on a page whose comments never stop coming. */
export const STATUS_MAX_WAIT_MS = 1000;
/** How often the statuses on screen are checked for staleness; a minute keeps "until" dates right. */
const STATUS_REFRESH_MS = 60_000;

export interface FanStatuses {
  /**
   * Shows the fan's status in this action slot once it is near the viewport (at once if known, else
   * once the background answers), and marks the action with the comment's suggested kind.
   */
  track(slot: Element, fan: FanKey, commentId: string): void;
}

function keyOf(fan: FanKey): string {
  return `${fan.pageId}/${fan.fanId}`;
}

/** How wide every status box is: room for "messaged 3d ago · 1 warning"; longer texts end in "…". */
const STATUS_WIDTH_EM = 14;
/** Distinct status texts whose stylesheets are kept for reuse: a Page's fans share a handful. */
const MAX_TEXT_SHEETS = 256;

/**
 * Every box's own styles, inside its shadow root. Every tracked comment gets a box of this one size,
 * whatever the fan's standing and whether there is anything to say: the page can see our box, but its
 * presence and size then tell nothing (S25). `!important` in a shadow root's `:host` outranks anything
 * the page sets on the box, inline styles included. `contain: strict` keeps the text from sizing the
 * box and clips it, and the text clips itself, so the box's scroll size (`scrollWidth`) does not tell
 * its length.
 */
const STATUS_BOX_CSS =
  ':host{display:inline-block!important;contain:strict!important;' +
  `inline-size:${STATUS_WIDTH_EM}em!important;block-size:1.3em!important;vertical-align:middle;` +
  'margin-inline-start:6px;font-size:.92em;opacity:.75}' +
  ':host::after{display:block!important;inline-size:100%!important;block-size:100%!important;' +
  'overflow:hidden!important;white-space:nowrap;text-overflow:ellipsis}';

/**
 * The text is drawn as generated content, from a stylesheet only the box's closed shadow root holds: the
 * page's `window.find` and selections reach text nodes even inside closed shadow roots, never CSS
 * content, while screen readers still read it. JSON's string syntax is a valid CSS string.
 */
const textCss = (text: string): string => `:host::after{content:${JSON.stringify(text)}}`;

interface StatusBox {
  root: ShadowRoot;
  text: string;
}

/** Each slot's box, kept where only this content script reaches: its shadow root is closed. */
const statusBoxes = new WeakMap<Element, StatusBox>();
/** Stylesheets adopted by the boxes, shared: a `<style>` in each would be parsed and matched per box. */
let sheets: {
  document: Document;
  box: Element;
  base: CSSStyleSheet;
  texts: Map<string, CSSStyleSheet>;
} | null = null;

function sheetsFor(document: Document): NonNullable<typeof sheets> {
  if (sheets?.document !== document) {
    const base = new CSSStyleSheet();
    base.replaceSync(STATUS_BOX_CSS);
    const box = document.createElement('span');
    box.setAttribute(OWN_NODE_ATTRIBUTE, 'status');
    sheets = { document, box, base, texts: new Map() };
  }
  return sheets;
}

function textSheet(document: Document, text: string): CSSStyleSheet {
  const { texts } = sheetsFor(document);
  let sheet = texts.get(text);
  if (!sheet) {
    if (texts.size >= MAX_TEXT_SHEETS) texts.clear();
    sheet = new CSSStyleSheet();
    sheet.replaceSync(textCss(text));
    texts.set(text, sheet);
  }
  return sheet;
}

/** Gives a tracked slot its status box, empty until the fan's standing is known. */
function addStatusBox(slot: Element): StatusBox {
  const { box, base } = sheetsFor(slot.ownerDocument);
  const host = box.cloneNode(false) as Element;
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [base];
  const added = { root, text: '' };
  statusBoxes.set(slot, added);
  slot.append(host);
  return added;
}

function render(slot: Element, { text }: FanStatus): void {
  const box = statusBoxes.get(slot) ?? addStatusBox(slot);
  if (box.text === text) return;
  box.text = text;
  const { base } = sheetsFor(slot.ownerDocument);
  box.root.adoptedStyleSheets = text ? [base, textSheet(slot.ownerDocument, text)] : [base];
}

/**
 * What the background tells beside each action, asked as comments come near the viewport: the fan's
 * status (every comment near it gets its box, so a box tells only where the admin is) and the comment's
 * suggested kind (its words go to the background, which triages them). Both are asked in one message
 * per burst of comments rather than one per comment; statuses are refreshed live when any tab records
 * outreach to a fan.
 */
export function startFanStatuses(
  document: Document,
  signal: AbortSignal,
  nearViewport: NearViewport = watchNearViewport(signal),
): FanStatuses {
  /** What the background said of each fan, and when: asked again once stale (isStale). */
  const known = new Map<string, { status: FanStatus; fetchedAt: number }>();
  /** Every fan whose status is drawn on the page, to ask afresh when everything changed. */
  const tracked = new Map<string, FanKey>();
  /** Fans whose status has been written into the page at least once. */
  const shown = new Set<string>();
  const wanted = new Map<string, FanKey>();
  /** Comments near the viewport whose kind is still to ask, by id, with the action to mark. */
  const unread = new Map<string, { pageId: string; commentId: string; text: string; action: Element }>();
  let flushing = false;
  let timer = 0;
  let firstWantedAt = 0;
  let lastWantedAt = 0;

  const slotsOf = (key: string) =>
    document.querySelectorAll(`[${OWN_NODE_ATTRIBUTE}="slot"][data-fan="${CSS.escape(key)}"]`);

  const flush = async (): Promise<void> => {
    while ((wanted.size > 0 || unread.size > 0) && !signal.aborted) {
      const batch = [...wanted.entries()].slice(0, MAX_STATUS_BATCH);
      for (const [key] of batch) wanted.delete(key);
      const comments = [...unread.values()].slice(0, MAX_STATUS_BATCH);
      for (const { commentId } of comments) unread.delete(commentId);
      const reply = await request({
        type: 'comments/look',
        fans: batch.map(([, fan]) => fan),
        comments: comments.map(({ pageId, commentId, text }) => ({ pageId, commentId, text })),
      });
      if (!reply.ok) throw new Error(reply.error.message);
      const actions = new Map(comments.map(({ commentId, action }) => [commentId, action]));
      for (const kind of reply.data.kinds) {
        const action = actions.get(kind.commentId);
        if (action) markKind(action, kind);
      }
      const now = Date.now();
      const withHistory = new Map(reply.data.statuses.map((status) => [keyOf(status), status]));
      for (const [key, fan] of batch) {
        const status = withHistory.get(key) ?? noHistory(fan);
        known.set(key, { status, fetchedAt: now });
        // Most fans were never contacted: with nothing to show and nothing shown, skip the DOM search.
        if (!hasHistory(status) && !shown.has(key)) continue;
        shown.add(key);
        // Slots not yet near the viewport get it when they come near (from `known`).
        for (const slot of slotsOf(key)) if (statusBoxes.has(slot)) render(slot, status);
      }
    }
  };

  const flushNow = (): void => {
    timer = 0;
    flushing = true;
    flush()
      .catch((error: unknown) => console.warn('Page Outreach: fan status unavailable', error))
      .finally(() => {
        flushing = false;
        schedule();
      });
  };

  /** Waits for the burst to end (STATUS_QUIET_MS) but no longer than STATUS_MAX_WAIT_MS in all. */
  const wait = (): void => {
    const now = Date.now();
    const due = Math.min(lastWantedAt + STATUS_QUIET_MS, firstWantedAt + STATUS_MAX_WAIT_MS);
    if (now >= due) flushNow();
    else timer = window.setTimeout(wait, due - now);
  };

  const schedule = (): void => {
    if (flushing || timer !== 0 || (wanted.size === 0 && unread.size === 0) || signal.aborted) return;
    firstWantedAt = lastWantedAt;
    timer = window.setTimeout(wait, STATUS_QUIET_MS);
  };

  const ask = (fan: FanKey): void => {
    wanted.set(keyOf(fan), fan);
    // Date.now, not a timer per comment: re-arming a timer for each of thousands costs more.
    lastWantedAt = Date.now();
    schedule();
  };

  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string): void => {
    const change = changes[OUTREACH_CHANGE_KEY]?.newValue as OutreachChange | undefined;
    if (area !== 'local' || !change) return;
    if (change.kind === 'all') {
      known.clear();
      for (const fan of tracked.values()) ask(fan);
      return;
    }
    const fan = { pageId: change.pageId, fanId: change.fanId };
    if (known.has(keyOf(fan)) || slotsOf(keyOf(fan)).length > 0) ask(fan);
  };
  // A status on screen goes stale by itself ("limit reached until" passes): look again now and then.
  const refresh = setInterval(() => {
    const now = Date.now();
    for (const key of shown) {
      const told = known.get(key);
      const fan = tracked.get(key);
      if (fan && (!told || isStale(told.status, told.fetchedAt, now))) ask(fan);
    }
  }, STATUS_REFRESH_MS);
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(refresh);
      clearTimeout(timer);
    },
    { once: true },
  );
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });

  const draw = (slot: Element, fan: FanKey, commentId: string): void => {
    if (signal.aborted || !slot.isConnected) return;
    const article = slot.closest(ARTICLE_SELECTOR);
    const action = slot.firstElementChild;
    if (article && action && !action.hasAttribute('data-kind')) {
      unread.set(commentId, { pageId: fan.pageId, commentId, text: commentText(article), action });
    }
    const key = keyOf(fan);
    if (!statusBoxes.has(slot)) addStatusBox(slot);
    tracked.set(key, fan);
    const now = Date.now();
    const told = known.get(key);
    if (!told || isStale(told.status, told.fetchedAt, now)) ask(fan);
    else {
      if (hasHistory(told.status)) render(slot, told.status);
      // Nothing to ask of the fan: the comment's words are asked about on their own.
      lastWantedAt = now;
      schedule();
    }
  };

  return {
    track(slot, fan, commentId) {
      slot.setAttribute('data-fan', keyOf(fan));
      nearViewport(slot, () => draw(slot, fan, commentId));
    },
  };
}
