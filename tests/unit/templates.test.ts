import { beforeEach, describe, expect, test } from 'vitest';
import { routeMessage } from './checked-router';
import type { MessageType, ReplyOf } from '../../src/shared/messages';
import { DEFAULT_POLICY_SETTINGS } from '../../src/shared/policy-settings';
import { DEFAULT_TEMPLATES, type Template } from '../../src/shared/templates';
import { freshIndexedDB } from './indexeddb';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

async function call<K extends MessageType>(
  message: { type: K } & Record<string, unknown>,
): Promise<ReplyOf<K>> {
  const reply = await routeMessage(message, popup, NOW);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<K>;
}

const listed = async () => (await call({ type: 'templates/list' })).templates;
const ids = async () => (await listed()).map((template) => template.id);

const ORDER: Template = {
  id: 'own-order-it',
  category: 'care',
  language: 'it',
  title: 'Il tuo ordine',
  body: 'Ciao {first_name}, ci scrivi il numero d’ordine?',
  position: 0,
};

beforeEach(freshIndexedDB);

describe('templates', () => {
  test('a new install has the default templates in their shipped order', async () => {
    expect(await listed()).toEqual(DEFAULT_TEMPLATES);
  });

  test('a new template is placed last; editing one keeps its place', async () => {
    await call({ type: 'templates/save', template: ORDER });
    expect((await listed()).at(-1)).toEqual({ ...ORDER, position: DEFAULT_TEMPLATES.length });
    const first = DEFAULT_TEMPLATES[0]!;
    await call({ type: 'templates/save', template: { ...first, title: 'Grazie!', position: 99 } });
    expect((await listed())[0]).toEqual({ ...first, title: 'Grazie!' });
  });

  test('a template without a title or with a body over 2,000 characters is refused, naming the field', async () => {
    const reply = await routeMessage(
      { type: 'templates/save', template: { ...ORDER, title: '  ', body: 'x'.repeat(2001) } },
      popup,
      NOW,
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message: 'The request was not valid (template.title, template.body). Nothing was changed.',
      },
    });
    expect(await listed()).toEqual(DEFAULT_TEMPLATES);
  });

  test('deleting a template removes it; deleting it again says it is gone', async () => {
    await call({ type: 'templates/delete', id: 'default-promo-1-en' });
    expect(await ids()).not.toContain('default-promo-1-en');
    expect(
      await routeMessage({ type: 'templates/delete', id: 'default-promo-1-en' }, popup, NOW),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  test('reordering puts the templates in the given order', async () => {
    const reversed = (await ids()).reverse();
    await call({ type: 'templates/reorder', ids: reversed });
    expect(await ids()).toEqual(reversed);
  });

  test('an order that misses or repeats a template is refused and changes nothing', async () => {
    const order = await ids();
    for (const wrong of [order.slice(1), [...order.slice(1), order[1]!]]) {
      expect(await routeMessage({ type: 'templates/reorder', ids: wrong }, popup, NOW)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(await ids()).toEqual(order);
  });

  test('a content script can neither read nor change templates', async () => {
    for (const message of [
      { type: 'templates/list' },
      { type: 'templates/delete', id: 'default-promo-1-en' },
    ]) {
      expect(await routeMessage(message, facebookTab, NOW)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });
});

describe('import and export of templates and settings', () => {
  test('an export imported into a fresh install reproduces templates and settings exactly', async () => {
    await call({ type: 'templates/save', template: ORDER });
    const settings = { ...DEFAULT_POLICY_SETTINGS, fanWindowDays: 10, timeZone: 'Europe/Rome' };
    await call({ type: 'settings/set', settings });
    await call({ type: 'placeholders/set', placeholders: { discount_code: 'WELCOME10' } });
    const { document } = await call({ type: 'templates/export' });
    expect(document).toMatchObject({ format: 'page-outreach/templates-and-settings', version: 1 });
    const exported = await listed();

    freshIndexedDB();
    expect(
      await call({
        type: 'templates/import',
        document: JSON.parse(JSON.stringify(document)),
        mode: 'replace',
      }),
    ).toEqual({ templates: exported.length, settings: true });
    expect(await listed()).toEqual(exported);
    expect((await call({ type: 'settings/get' })).settings).toEqual(settings);
    expect((await call({ type: 'placeholders/get' })).placeholders).toEqual({ discount_code: 'WELCOME10' });
  });

  test('merging adds new templates after the existing ones, updates same ids in place and deletes nothing', async () => {
    const { document } = await call({ type: 'templates/export' });
    const edited = { ...DEFAULT_TEMPLATES[1]!, title: 'Edited' };
    await call({ type: 'templates/delete', id: 'default-care-2-it' });
    await call({ type: 'templates/save', template: ORDER });
    await call({
      type: 'templates/import',
      document: { ...document, templates: [edited, { ...ORDER, id: 'imported-1' }], settings: undefined },
      mode: 'merge',
    });
    const after = await listed();
    expect(after.find((template) => template.id === edited.id)).toEqual(edited);
    expect(after.map((template) => template.id).slice(-2)).toEqual(['own-order-it', 'imported-1']);
    expect(after).toHaveLength(DEFAULT_TEMPLATES.length + 1);
  });

  test('replacing removes the templates the file does not have', async () => {
    const { document } = await call({ type: 'templates/export' });
    await call({ type: 'templates/save', template: ORDER });
    await call({ type: 'templates/import', document: { ...document, templates: [ORDER] }, mode: 'replace' });
    expect(await listed()).toEqual([{ ...ORDER, position: 0 }]);
  });

  test('a file with mistakes is refused whole, naming each offending path, and changes nothing', async () => {
    const { document } = await call({ type: 'templates/export' });
    const broken = {
      ...document,
      templates: [
        { ...ORDER, id: 'good' },
        { ...ORDER, id: 'bad', category: 'spam' },
        { ...ORDER, id: 'x', title: '' },
      ],
      settings: { ...DEFAULT_POLICY_SETTINGS, pageDailyMax: 0 },
    };
    const reply = await routeMessage(
      { type: 'templates/import', document: broken, mode: 'replace' },
      popup,
      NOW,
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'This file cannot be imported: check templates.1.category, templates.2.title, settings.pageDailyMax. Nothing was changed.',
      },
    });
    expect(await listed()).toEqual(DEFAULT_TEMPLATES);
  });

  test('a file that is not a Page Outreach export says so', async () => {
    const reply = await routeMessage(
      { type: 'templates/import', document: [1, 2, 3], mode: 'merge' },
      popup,
      NOW,
    );
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('(file)') } });
  });
});

describe('the Page’s own placeholders', () => {
  test('are saved and given to the popup with the templates', async () => {
    await call({
      type: 'placeholders/set',
      placeholders: { discount_code: 'WELCOME10', shop_2: 'Via Roma 1' },
    });
    expect((await call({ type: 'placeholders/get' })).placeholders).toEqual({
      discount_code: 'WELCOME10',
      shop_2: 'Via Roma 1',
    });
    expect((await call({ type: 'popup/open' })).placeholders).toEqual({
      discount_code: 'WELCOME10',
      shop_2: 'Via Roma 1',
    });
  });

  test('a built-in name, a malformed name or a value over 200 characters is refused and changes nothing', async () => {
    for (const placeholders of [{ first_name: 'X' }, { 'Bad-Name': 'X' }, { code: 'x'.repeat(201) }]) {
      expect(await routeMessage({ type: 'placeholders/set', placeholders }, popup, NOW)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect((await call({ type: 'placeholders/get' })).placeholders).toEqual({});
  });
});
