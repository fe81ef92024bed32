import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { expect, fanStatusTexts, openFanDetails, sendTemplate, showCategory, test } from './extension-test';

test('forgetting a fan erases their name from the log, while their limits and status stay', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const giulia = page.getByRole('button', { name: 'Send message to Giulia Rossi' });
  await giulia.first().click();
  const first = await openPopup();
  await sendTemplate(first, 'Thank you for commenting');
  await first.close();

  await giulia.last().click();
  const popup = await openPopup();
  await openFanDetails(popup);
  await popup.getByRole('button', { name: 'Forget this fan…' }).click();
  const confirmation = popup.getByRole('group', { name: /^Erase Giulia Rossi's name/ });
  await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirmation.getByRole('button', { name: 'Forget Giulia Rossi' }).click();
  await expect(
    popup
      .getByRole('status')
      .filter({ hasText: 'Giulia Rossi was forgotten; 1 past contact is kept as an anonymous count.' }),
  ).toBeVisible();
  await expect(popup.locator('output')).toHaveCount(0);

  await popup.getByRole('button', { name: 'Log' }).click();
  await expect(popup.locator('tbody td').first()).toHaveText('Forgotten fan');
  await expect(popup.getByText('Giulia Rossi')).toHaveCount(0);

  // Giulia's other comment: her limits still hold, and her status still shows.
  await expect
    .poll(async () => (await fanStatusTexts(page, 'Giulia Rossi'))[0])
    .toMatch(/^messaged just now · limit reached until/);
  await giulia.last().click();
  const again = await openPopup();
  await showCategory(again, 'Pre-ban warning');
  await again.getByRole('radio', { name: 'Friendly warning' }).check();
  await expect(again.locator('.verdict')).toHaveText(
    /^Giulia Rossi was messaged just now; next message possible on/,
  );
});

test('notes about a fan typed in the popup are there again on their other comment', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const giulia = page.getByRole('button', { name: 'Send message to Giulia Rossi' });
  await giulia.first().click();
  const first = await openPopup();
  await openFanDetails(first);
  await first
    .getByLabel('Notes about Giulia Rossi (for the Page’s admins, never shown to the fan)')
    .fill('Promised a call back on Friday');
  await first.getByRole('button', { name: 'Save notes' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Notes saved.' })).toBeVisible();
  await first.close();

  await giulia.last().click();
  const second = await openPopup();
  await openFanDetails(second);
  await expect(
    second.getByLabel('Notes about Giulia Rossi (for the Page’s admins, never shown to the fan)'),
  ).toHaveValue('Promised a call back on Friday');
});
