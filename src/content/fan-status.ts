import browser from 'webextension-polyfill';
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
import { formatAgo, formatDay } from '../shared/format';
import { t, uiLanguage } from '../shared/i18n';
import { MAX_STATUS_BATCH } from '../shared/limits';
import { OWN_NODE_ATTRIBUTE } from './action-button';

const STATUS_CLASS = 'page-outreach-status';
/**
 * New comments' statuses are asked for once no new comment has come for this long: one message per
 * burst of comments, not per React commit (each message costs the page's main thread a fixed price).
 */
export const STATUS_QUIET_MS = 200;
/** ...or at the latest this long after the first of them, on a page whose comments never stop coming. */
export const STATUS_MAX_WAIT_MS = 1000;
const SEPARATOR = ' · ';
/** How often the statuses on screen are checked for staleness; a minute keeps "until" dates right. */
const STATUS_REFRESH_MS = 60_000;

export interface FanStatuses {
  /** Shows the fan's status in this action slot now if known, else once the background answers. */
  track(slot: Element, fan: FanKey): void;
}

function keyOf(fan: FanKey): string {
  return `${fan.pageId}/${fan.fanId}`;
}

/**
 * "do not contact · messaged 3d ago · limit reached until 2 Dec · 1 warning", or nothing for a fan the
 * Page never contacted nor marked.
 */
export function describeFanStatus(status: FanStatus, now: number): string {
  const parts: string[] = [];
  if (status.doNotContact) parts.push(t('fanDoNotContact'));
  if (status.lastContactAt !== null)
    parts.push(t('fanMessagedAgo', formatAgo(status.lastContactAt, now, 'narrow')));
  if (status.blockedUntil !== null) parts.push(t('fanLimitUntil', formatDay(status.blockedUntil)));
  if (status.warnings > 0) {
    const plural = new Intl.PluralRules(uiLanguage()).select(status.warnings) === 'one';
    parts.push(t(plural ? 'fanWarningsOne' : 'fanWarningsOther', String(status.warnings)));
  }
  return parts.join(SEPARATOR);
}

/**
 * Where each status's text lives: a closed shadow root, so facebook.com's scripts (and its telemetry)
 * cannot read a fan's standing from the page, while the admin sees it and screen readers read it.
 */
const statusTexts = new WeakMap<Element, ShadowRoot>();

function render(slot: Element, status: FanStatus, now: number): void {
  const text = describeFanStatus(status, now);
  let label = slot.querySelector(`.${STATUS_CLASS}`);
  if (!text) return label?.remove();
  let root = label && statusTexts.get(label);
  if (!label || !root) {
    label?.remove();
    label = slot.ownerDocument.createElement('span');
    label.className = STATUS_CLASS;
    label.setAttribute(OWN_NODE_ATTRIBUTE, 'status');
    root = label.attachShadow({ mode: 'closed' });
    statusTexts.set(label, root);
    slot.append(label);
  }
  if (root.textContent !== text) root.textContent = text;
}

/**
 * Per-fan status beside the actions. Statuses are asked for in batches, one message per burst of new
 * comments rather than one per comment, and refreshed live when any tab records outreach to a fan.
 */
export function startFanStatuses(document: Document, signal: AbortSignal): FanStatuses {
  /** What the background said of each fan, and when: asked again once stale (isStale). */
  const known = new Map<string, { status: FanStatus; fetchedAt: number }>();
  /** Every fan with an action on the page, to ask afresh when everything changed. */
  const tracked = new Map<string, FanKey>();
  /** Fans whose status has been written into the page at least once. */
  const shown = new Set<string>();
  const wanted = new Map<string, FanKey>();
  let flushing = false;
  let timer = 0;
  let firstWantedAt = 0;
  let lastWantedAt = 0;

  const slotsOf = (key: string) =>
    document.querySelectorAll(`[${OWN_NODE_ATTRIBUTE}="slot"][data-fan="${CSS.escape(key)}"]`);

  const flush = async (): Promise<void> => {
    while (wanted.size > 0 && !signal.aborted) {
      const batch = [...wanted.entries()].slice(0, MAX_STATUS_BATCH);
      for (const [key] of batch) wanted.delete(key);
      const reply = await request({ type: 'fans/status', fans: batch.map(([, fan]) => fan) });
      if (!reply.ok) throw new Error(reply.error.message);
      const now = Date.now();
      const withHistory = new Map(reply.data.statuses.map((status) => [keyOf(status), status]));
      for (const [key, fan] of batch) {
        const status = withHistory.get(key) ?? noHistory(fan);
        known.set(key, { status, fetchedAt: now });
        // Most fans were never contacted: with nothing to show and nothing shown, skip the DOM search.
        if (!hasHistory(status) && !shown.has(key)) continue;
        shown.add(key);
        for (const slot of slotsOf(key)) render(slot, status, now);
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
    if (flushing || timer !== 0 || wanted.size === 0 || signal.aborted) return;
    firstWantedAt = lastWantedAt;
    timer = window.setTimeout(wait, STATUS_QUIET_MS);
  };

  const ask = (fan: FanKey): void => {
    wanted.set(keyOf(fan), fan);
    // Date.now, not a timer per comment: re-arming a timer for each of thousands costs more.
    lastWantedAt = Date.now();
    schedule();
  };

  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
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

  return {
    track(slot, fan) {
      const key = keyOf(fan);
      slot.setAttribute('data-fan', key);
      tracked.set(key, fan);
      const now = Date.now();
      const told = known.get(key);
      if (!told || isStale(told.status, told.fetchedAt, now)) ask(fan);
      else if (hasHistory(told.status)) render(slot, told.status, now);
    },
  };
}
