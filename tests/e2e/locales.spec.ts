import { expectedComments, LOCALE_FIXTURES } from '../fixtures/facebook-routes.mjs';
import { expect, sendActions, test, type Worker } from './extension-test';

const LANGUAGES: Record<string, string> = {
  en: 'English',
  it: 'Italian',
  es: 'Spanish',
  de: 'German',
  fr: 'French',
  pt: 'Portuguese',
  ar: 'Arabic (right to left)',
};

interface SessionStorageGlobals {
  chrome: {
    storage: { session: { get: (key: string) => Promise<{ pendingTarget?: { comment: unknown } }> } };
  };
}

/** The comment the background holds as the admin's pending target. */
async function pendingComment(background: Worker): Promise<unknown> {
  return background.evaluate(async () => {
    const { chrome } = globalThis as unknown as SessionStorageGlobals;
    const stored = await chrome.storage.session.get('pendingTarget');
    return stored.pendingTarget?.comment ?? null;
  });
}

for (const [locale, language] of Object.entries(LANGUAGES)) {
  test(`${language} Facebook: on a permalink page, a post dialog, the Page feed and a photo page every fan comment gets one action that hands over its exact context`, async ({
    page,
    background,
  }) => {
    for (const entry of LOCALE_FIXTURES.filter((candidate) => candidate.locale === locale)) {
      const expected = expectedComments(entry);
      await page.goto(entry.url);
      await expect(sendActions(page), `${entry.layout}: one action per fan comment`).toHaveCount(
        expected.length,
      );
      for (const [index, comment] of expected.entries()) {
        await sendActions(page).nth(index).click();
        await expect
          .poll(() => pendingComment(background), `${entry.layout}, comment ${index}`)
          .toEqual(comment);
      }
    }
  });
}
