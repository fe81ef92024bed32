import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { expect, showCategory, test, type Page } from './extension-test';

/** Picks a fan's comment on the Italian demo Page (whose facebook.com is shown in Italian). */
async function pickOnItalianPage(page: Page, name: string): Promise<void> {
  await page.goto(DEMO_POSTS.it.url);
  await page.getByRole('button', { name: `Send message to ${name}` }).click();
}

const pageLanguage = (popup: Page) => popup.getByLabel('Language of this Page’s messages');

test('an Italian Page gets its Italian templates in an English browser, and search still finds English ones', async ({
  page,
  openPopup,
}) => {
  await pickOnItalianPage(page, 'Marco Bianchi');
  const popup = await openPopup();
  await expect(pageLanguage(popup)).toHaveValue('it');
  await showCategory(popup, 'Thanks');
  await expect(popup.getByRole('radio', { name: 'Grazie per il commento' })).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Thank you for commenting' })).toHaveCount(0);

  await popup.getByRole('searchbox', { name: 'Search templates' }).fill('thank you for');
  await expect(
    popup.getByRole('radio', { name: 'Thank you for commenting · Thanks · English' }),
  ).toBeVisible();
});

test('a language chosen once for a Page is the one its next comments open in', async ({
  page,
  openPopup,
}) => {
  await pickOnItalianPage(page, 'Marco Bianchi');
  const first = await openPopup();
  await showCategory(first, 'Thanks');
  await first.getByRole('radio', { name: 'Grazie per il commento' }).check();
  await pageLanguage(first).selectOption('en');
  // The Italian template is let go with its language: nothing Italian is left to send by mistake.
  await expect(first.locator('output')).toHaveText('Pick a template to see the message.');
  await expect(first.getByRole('radio', { name: 'Thank you for commenting' })).toBeVisible();
  await first.close();

  await pickOnItalianPage(page, 'Sara Neri');
  const next = await openPopup();
  await expect(next.getByRole('heading', { name: /Sara Neri/ })).toBeVisible();
  await expect(pageLanguage(next)).toHaveValue('en');
  await showCategory(next, 'Thanks');
  await expect(next.getByRole('radio', { name: 'Thank you for commenting' })).toBeVisible();
});
