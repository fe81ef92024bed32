import { reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { categoryTab, expect, showCategory, test, type Page } from './extension-test';
import { expectOneActionPerFanComment, firstOfKind } from './react-bed';

const COMMENTS = 12;

/** Picks a comment of the React bed by id and opens the compose view on it. */
async function composeFor(page: Page, openPopup: () => Promise<Page>, commentId: string): Promise<Page> {
  await page.goto(reactPostUrl('en', { comments: COMMENTS }));
  await expectOneActionPerFanComment(page);
  await page.locator(`button[data-page-outreach="send-message"][data-comment-id="${commentId}"]`).click();
  return openPopup();
}

test.describe('comment triage in the compose view', () => {
  test('a complaint opens on customer care, with the reason in the comment’s words', async ({
    page,
    openPopup,
  }) => {
    const popup = await composeFor(page, openPopup, firstOfKind('en', COMMENTS, 'complaint').id);
    await expect(categoryTab(popup, 'Customer care')).toHaveAttribute('aria-selected', 'true');
    await expect(popup.getByText('Suggested: complaint — negative words: ‘broken’')).toBeVisible();
  });

  test('praise opens on thanks, with its reason', async ({ page, openPopup }) => {
    const popup = await composeFor(page, openPopup, firstOfKind('en', COMMENTS, 'praise').id);
    await expect(categoryTab(popup, 'Thanks')).toHaveAttribute('aria-selected', 'true');
    await expect(popup.locator('.triage-hint')).toHaveText(/^Suggested: praise — positive words: /);
  });

  test('a promo or a thanks to a complaint is warned before Review, and the admin’s choice stands', async ({
    page,
    openPopup,
  }) => {
    const popup = await composeFor(page, openPopup, firstOfKind('en', COMMENTS, 'complaint').id);
    await expect(popup.getByRole('alert')).toHaveCount(0);
    await showCategory(popup, 'Promo');
    await expect(categoryTab(popup, 'Promo')).toHaveAttribute('aria-selected', 'true');
    await expect(popup.getByRole('alert')).toHaveText(
      /^This comment reads as a complaint \(negative words: ‘broken’\)/,
    );
    await showCategory(popup, 'Thanks');
    await expect(popup.getByRole('alert')).toHaveText(/reads as a complaint/);
    await showCategory(popup, 'Customer care');
    await expect(popup.getByRole('alert')).toHaveCount(0);
  });
});
