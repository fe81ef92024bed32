import type browser from 'webextension-polyfill';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { HEAVY_TEST_TIMEOUT_MS } from './heavy-test';
import { withDatabase } from '../../src/background/storage/database';
import { routeMessage } from './checked-router';
import { ContentToBackgroundSchema, PopupToBackgroundSchema } from '../../src/shared/messages';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { pickAndReserveThanks } from './pick-and-reserve';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const RANDOM_MESSAGES = 10_000;
const HAND_WRITTEN_MINIMUM = 200;
const STORES = ['outreach', 'fans', 'settings', 'templates', 'meta'] as const;

const MESSAGE_TYPES = [
  ...PopupToBackgroundSchema.options.map((option) => option.shape.type.value),
  ...ContentToBackgroundSchema.options.map((option) => option.shape.type.value),
];
/** Every field name any message has, to be filled with what it must not hold. */
const FIELD_NAMES = [
  ...new Set(
    [...PopupToBackgroundSchema.options, ...ContentToBackgroundSchema.options].flatMap((option) =>
      Object.keys(option.shape).filter((name) => name !== 'type'),
    ),
  ),
];
const WRONG_VALUES: unknown[] = [
  null,
  12,
  -1,
  1.5,
  true,
  {},
  [],
  '',
  'x'.repeat(100_000),
  '<img src=x onerror=alert(1)>',
];

/** Everything the background keeps, to prove a refused message changed nothing. */
async function everything(): Promise<string> {
  const stores = await withDatabase(async (db) =>
    Promise.all(STORES.map(async (store) => [store, await db.getAll(store), await db.getAllKeys(store)])),
  );
  const session = await fakeBrowser.storage.session.get(null);
  const local = await fakeBrowser.storage.local.get(null);
  return JSON.stringify({ stores, session, local, badge: fakeBrowser.badge });
}

function isProtocolMessage(message: unknown): boolean {
  return (
    PopupToBackgroundSchema.safeParse(message).success || ContentToBackgroundSchema.safeParse(message).success
  );
}

/** The refusal every malformed message must get: a code to act on and a sentence saying so. */
function expectClearRefusal(reply: unknown): void {
  expect(reply).toEqual({
    ok: false,
    error: {
      code: expect.stringMatching(/^(invalid-request|forbidden)$/),
      message: expect.stringMatching(
        /^(The request was not valid \(.+\)|This request is not allowed from here)\. Nothing was changed\.$/,
      ),
    },
  });
}

/** Malformed messages written out by rule, for every message type and every field. */
function handWritten(): unknown[] {
  const cases: unknown[] = [
    undefined,
    null,
    0,
    'popup/open',
    [],
    [{ type: 'popup/open' }],
    {},
    { type: null },
    { type: 42 },
    { type: 'popup/open ' },
    { type: 'POPUP/OPEN' },
    { type: 'nothing/like-this' },
    { type: 'constructor' },
    { type: '__proto__' },
    JSON.parse('{"type":"popup/open","__proto__":{"polluted":true}}'),
    JSON.parse('{"type":"settings/set","settings":{"__proto__":{"polluted":true}}}'),
  ];
  for (const type of MESSAGE_TYPES) {
    cases.push({ type, unexpected: true }, { type, tabId: 7 }, [type], { type: [type] });
    for (const field of FIELD_NAMES) {
      cases.push({ type, [field]: WRONG_VALUES[(type.length + field.length) % WRONG_VALUES.length] });
    }
  }
  return cases.filter((message) => !isProtocolMessage(message));
}

beforeAll(async () => {
  freshIndexedDB();
  fakeBrowser.reset();
  // A background with something to lose: a picked comment, a sent message, the default templates.
  const entryId = await pickAndReserveThanks(NOW);
  await routeMessage({ type: 'outreach/confirm', entryId, outcome: 'copied' }, popup, NOW);
});

describe('malformed messages to the background', () => {
  test(`${HAND_WRITTEN_MINIMUM} or more written by rule change nothing and each gets a clear error, from any sender`, async () => {
    const cases = handWritten();
    expect(cases.length).toBeGreaterThanOrEqual(HAND_WRITTEN_MINIMUM);
    const before = await everything();
    for (const message of cases) {
      for (const sender of [popup, facebookTab] as browser.Runtime.MessageSender[]) {
        expectClearRefusal(await routeMessage(message, sender, NOW));
      }
    }
    expect(await everything()).toBe(before);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  test(
    `${RANDOM_MESSAGES.toLocaleString('en')} random ones change nothing and each gets a clear error`,
    async () => {
      const before = await everything();
      const typed = fc
        .record({ type: fc.constantFrom(...MESSAGE_TYPES) }, { requiredKeys: [] })
        .chain((base) =>
          fc
            .dictionary(fc.constantFrom(...FIELD_NAMES, 'extra'), fc.anything(), { maxKeys: 4 })
            .map((fields) => ({
              ...fields,
              ...base,
            })),
        );
      const messages = fc.sample(fc.oneof(fc.anything(), fc.jsonValue(), typed, typed), {
        numRuns: RANDOM_MESSAGES * 2,
        seed: 20261125,
      });
      const malformed = messages.filter((message) => !isProtocolMessage(message)).slice(0, RANDOM_MESSAGES);
      expect(malformed).toHaveLength(RANDOM_MESSAGES);
      for (const [index, message] of malformed.entries()) {
        expectClearRefusal(await routeMessage(message, index % 2 === 0 ? popup : facebookTab, NOW));
      }
      expect(await everything()).toBe(before);
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
