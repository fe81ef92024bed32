import { describe, expect, test } from 'vitest';
import { classifyAnswer } from '../../src/background/team/answers';
import type { CouchAnswer } from '../../src/background/team/couch-http';

const refusal = (status: number, error = 'forbidden', reason = ''): CouchAnswer<never> => ({
  ok: false,
  status,
  error,
  reason,
});

describe('classifying the team server’s answer', () => {
  test.each([
    ['a 401', refusal(401, 'unauthorized', 'Name or password is incorrect.'), 'denied'],
    ['a 403 that names none of the team’s rules', refusal(403, 'unknown'), 'denied'],
    [
      'a 403 by the team’s own rules',
      refusal(403, 'forbidden', 'page-outreach:fan-contact-foreign'),
      'refused',
    ],
    [
      'nothing at all',
      { ok: false, status: 0, error: 'unreachable', reason: 'ECONNREFUSED' } as const,
      'unreachable',
    ],
    ['a 502 from a gateway', refusal(502, 'unknown'), 'unreachable'],
    ['a 404', refusal(404, 'not_found', 'missing'), 'not-found'],
    ['a 409', refusal(409, 'conflict', 'Document update conflict.'), 'conflict'],
  ])('%s is %s', (_what, answer, kind) => {
    expect(classifyAnswer(answer).kind).toBe(kind);
  });

  test('an account refused is never a removal by itself: only a confirmation makes one', () => {
    const kinds = [401, 403].map((status) => classifyAnswer(refusal(status)).kind);
    expect(kinds).not.toContain('removed');
  });

  test('a success carries the body and the server’s date', () => {
    expect(classifyAnswer({ ok: true, status: 200, body: { a: 1 }, date: 5 })).toEqual({
      kind: 'ok',
      value: { a: 1 },
      date: 5,
    });
  });
});
