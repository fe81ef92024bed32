// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  startFanStatuses,
  STATUS_MAX_WAIT_MS,
  STATUS_QUIET_MS,
  type FanStatuses,
} from '../../src/content/fan-status';
import type { NearViewport } from '../../src/content/near-viewport';
import { isStale, noHistory, STATUS_TTL_MS } from '../../src/shared/fan-status';
import { answerMessages, fakeBrowser } from './fake-browser';

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const fan = { pageId: 'acmecoffee', fanId: 'giulia.rossi.77' };

describe('how long a tab trusts a fan’s status', () => {
  test('a status is trusted for a while, then asked for again', () => {
    const status = noHistory(fan);
    expect(isStale(status, NOW, NOW + STATUS_TTL_MS - 1)).toBe(false);
    expect(isStale(status, NOW, NOW + STATUS_TTL_MS)).toBe(true);
  });

  test('a status whose “limit reached until” has passed is asked for again at once', () => {
    const status = { ...noHistory(fan), lastContactAt: NOW - 1000, blockedUntil: NOW + 60_000 };
    expect(isStale(status, NOW, NOW + 59_999)).toBe(false);
    expect(isStale(status, NOW, NOW + 60_000)).toBe(true);
  });
});

describe('how a tab asks for the statuses of the fans whose comments appear', () => {
  const asked: number[][] = [];
  let stop: AbortController;

  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    fakeBrowser.reset();
    document.body.replaceChildren();
    asked.length = 0;
    answerMessages<{ type: string; fans: unknown[] }>('comments/look', (message) => {
      asked.push([Date.now() - NOW, message.fans.length]);
      return { ok: true, data: { statuses: [], kinds: [] } };
    });
    stop = new AbortController();
  });

  afterEach(() => {
    stop.abort();
    vi.useRealTimers();
  });

  /** Every comment near the viewport as soon as it appears. */
  const atOnce: NearViewport = (_slot, onNear) => onNear();

  /** A comment of a fan of its own appearing on the page, its action slot tracked. */
  function track(statuses: FanStatuses, index: number): void {
    const slot = document.createElement('span');
    document.body.append(slot);
    statuses.track(slot, { pageId: 'acmecoffee', fanId: `fan.${index}` }, `comment.${index}`);
  }

  test('a burst of new comments is asked about in one message once it is over', async () => {
    const statuses = startFanStatuses(document, stop.signal, atOnce);
    for (let index = 0; index < 300; index += 1) track(statuses, index);
    await vi.advanceTimersByTimeAsync(STATUS_QUIET_MS - 1);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual([[STATUS_QUIET_MS, 300]]);
  });

  test('comments that never stop coming are asked about at least every STATUS_MAX_WAIT_MS', async () => {
    const statuses = startFanStatuses(document, stop.signal, atOnce);
    const every = STATUS_QUIET_MS / 2;
    for (let index = 0; index * every < 3 * STATUS_MAX_WAIT_MS; index += 1) {
      track(statuses, index);
      await vi.advanceTimersByTimeAsync(every);
    }
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(asked[0]![0]).toBeLessThanOrEqual(STATUS_MAX_WAIT_MS);
    const gaps = asked.slice(1).map(([at], index) => at! - asked[index]![0]!);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(STATUS_MAX_WAIT_MS + every);
  });

  test('a comment’s status is asked for, and its box drawn, only once it comes near the viewport', async () => {
    const near: Array<() => void> = [];
    const statuses = startFanStatuses(document, stop.signal, (_slot, onNear) => near.push(onNear));
    for (let index = 0; index < 3; index += 1) track(statuses, index);
    await vi.advanceTimersByTimeAsync(STATUS_MAX_WAIT_MS);
    expect(asked).toEqual([]);
    expect(document.querySelectorAll('[data-page-outreach="status"]')).toHaveLength(0);

    near[1]!();
    await vi.advanceTimersByTimeAsync(STATUS_QUIET_MS);
    expect(asked).toEqual([[STATUS_MAX_WAIT_MS + STATUS_QUIET_MS, 1]]);
    expect(document.querySelectorAll('[data-page-outreach="status"]')).toHaveLength(1);
  });
});

describe('how a tab asks for the suggested kinds of the comments in view', () => {
  let stop: AbortController;
  const told: Array<{ commentId: string; text: string }[]> = [];

  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
    fakeBrowser.reset();
    told.length = 0;
    answerMessages<{ type: string; comments: { commentId: string; text: string }[] }>(
      'comments/look',
      (message) => {
        told.push(message.comments.map(({ commentId, text }) => ({ commentId, text })));
        return {
          ok: true,
          data: {
            statuses: [],
            kinds: message.comments.map(({ commentId }) => ({
              commentId,
              kind: 'complaint',
              label: 'reclamo',
            })),
          },
        };
      },
    );
    stop = new AbortController();
  });

  afterEach(() => {
    stop.abort();
    vi.useRealTimers();
  });

  /** A comment with its words and its action slot, as the content script builds it. */
  function comment(index: number): Element {
    const article = document.createElement('div');
    article.setAttribute('role', 'article');
    const words = document.createElement('div');
    words.dir = 'auto';
    words.textContent = `Ordine ${index} mai arrivato`;
    const slot = document.createElement('span');
    slot.append(document.createElement('button'));
    article.append(words, slot);
    document.body.append(article);
    return slot;
  }

  test('a comment near the viewport is asked about with its words, and its action carries the kind told', async () => {
    const near: Array<() => void> = [];
    const statuses = startFanStatuses(document, stop.signal, (_slot, onNear) => near.push(onNear));
    const slots = [comment(1), comment(2)];
    slots.forEach((slot, index) => statuses.track(slot, fan, `c${index + 1}`));
    await vi.advanceTimersByTimeAsync(STATUS_MAX_WAIT_MS);
    expect(told).toEqual([]);

    near[1]!();
    await vi.advanceTimersByTimeAsync(STATUS_QUIET_MS);
    expect(told).toEqual([[{ commentId: 'c2', text: 'Ordine 2 mai arrivato' }]]);
    const [first, second] = slots.map((slot) => slot.firstElementChild!);
    expect(second!.getAttribute('aria-description')).toBe('reclamo');
    expect(second!.getAttribute('data-kind')).toBe('complaint');
    expect(first!.hasAttribute('aria-description')).toBe(false);
  });

  test('a comment already marked is not asked about again when it comes near once more', async () => {
    const statuses = startFanStatuses(document, stop.signal, (_slot, onNear) => onNear());
    const slot = comment(1);
    statuses.track(slot, fan, 'c1');
    await vi.advanceTimersByTimeAsync(STATUS_QUIET_MS);
    statuses.track(slot, fan, 'c1');
    await vi.advanceTimersByTimeAsync(STATUS_MAX_WAIT_MS);
    expect(told).toHaveLength(1);
  });
});
