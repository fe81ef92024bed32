import { beforeEach, describe, expect, test } from 'vitest';
import { choosePageLanguage, loadPageLanguages } from '../../src/background/settings/settings-store';
import { withDatabase } from '../../src/background/storage/database';
import type { ReplyOf } from '../../src/shared/messages';
import { MAX_PAGE_LANGUAGES, pageLanguageOf } from '../../src/shared/page-language';
import { routeMessage } from './checked-router';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';
import { giuliaComment } from './sample-comment';
import { facebookTab, popup } from './senders';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

/** The admin picks `comment` on a facebook.com page shown in `facebookLanguage`; what the popup opens on. */
async function openOn(comment = giuliaComment, facebookLanguage?: string) {
  await routeMessage({ type: 'target/select', comment, facebookLanguage }, facebookTab, NOW);
  const reply = await routeMessage({ type: 'popup/open' }, popup, NOW);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data as ReplyOf<'popup/open'>;
}

beforeEach(() => {
  freshIndexedDB();
  fakeBrowser.reset();
});

describe('the language of a Page’s messages', () => {
  test('the admin’s choice comes first, then facebook.com’s language, then the browser’s', () => {
    expect(pageLanguageOf('en', 'it-IT', 'it')).toBe('en');
    expect(pageLanguageOf(undefined, 'it-IT', 'en-US')).toBe('it');
    expect(pageLanguageOf(undefined, undefined, 'it')).toBe('it');
  });

  test('a facebook.com language we ship no templates in is passed over for the browser’s', () => {
    expect(pageLanguageOf(undefined, 'de-DE', 'it')).toBe('it');
    expect(pageLanguageOf(undefined, '', 'it')).toBe('it');
    expect(pageLanguageOf(undefined, 'not a tag <b>', 'pt-BR')).toBe('en');
  });

  test('a Page shown in Italian is offered Italian templates in an English browser', async () => {
    fakeBrowser.uiLanguage = 'en';
    expect((await openOn(giuliaComment, 'it')).pageLanguage).toBe('it');
  });

  test('a language chosen for a Page holds for its later comments, and only for that Page', async () => {
    await openOn(giuliaComment, 'it');
    await routeMessage({ type: 'page/language', pageId: giuliaComment.pageId, language: 'en' }, popup, NOW);
    const later = { ...giuliaComment, commentId: '999', graphCommentId: '123_999' };
    expect((await openOn(later, 'it')).pageLanguage).toBe('en');
    const otherPage = { ...giuliaComment, pageId: 'pizzeriaroma', pageName: 'Pizzeria Roma' };
    expect((await openOn(otherPage, 'it')).pageLanguage).toBe('it');
  });

  test('a Page named like an object’s prototype is one Page like any other', async () => {
    const odd = { ...giuliaComment, pageId: '__proto__' };
    expect((await openOn(odd, 'it')).pageLanguage).toBe('it');
    await routeMessage({ type: 'page/language', pageId: '__proto__', language: 'en' }, popup, NOW);
    expect((await openOn(odd, 'it')).pageLanguage).toBe('en');
    expect((await openOn(giuliaComment, 'it')).pageLanguage).toBe('it');
  });

  test('a content script cannot choose a Page’s language', async () => {
    const reply = await routeMessage(
      { type: 'page/language', pageId: giuliaComment.pageId, language: 'en' },
      facebookTab,
      NOW,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await withDatabase(loadPageLanguages)).toEqual({});
  });

  test('past the most Pages kept, the longest-kept choice goes and the newest stays', async () => {
    await withDatabase(async (db) => {
      for (let page = 0; page <= MAX_PAGE_LANGUAGES; page += 1)
        await choosePageLanguage(db, `page${page}`, 'it');
    });
    const kept = await withDatabase(loadPageLanguages);
    expect(Object.keys(kept)).toHaveLength(MAX_PAGE_LANGUAGES);
    expect(kept).not.toHaveProperty('page0');
    expect(kept[`page${MAX_PAGE_LANGUAGES}`]).toBe('it');
  });
});
