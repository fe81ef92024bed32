import { expectedComments, LOCALE_FIXTURES } from '../fixtures/facebook-routes.mjs';
import { expect, pendingComment, sendActions, test } from './extension-test';

const LANGUAGES: Record<string, string> = {
  en: 'English',
  it: 'Italian',
  es: 'Spanish',
  de: 'German',
  fr: 'French',
  pt: 'Portuguese',
  ar: 'Arabic (right to left)',
};

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
