import { describe, expect, test } from 'vitest';
import { isStale, noHistory, STATUS_TTL_MS } from '../../src/shared/fan-status';

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
