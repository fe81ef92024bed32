import { reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { categoryTab, expect, PREPARED, showCategory, test, type Page } from './extension-test';
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
  test('a complaint opens on customer care with its reason; a promo or a thanks to it is warned, and the admin’s choice stands', async ({
    page,
    openPopup,
  }) => {
    const popup = await composeFor(page, openPopup, firstOfKind('en', COMMENTS, 'complaint').id);
    await expect(categoryTab(popup, 'Customer care')).toHaveAttribute('aria-selected', 'true');
    await expect(popup.getByText('Suggested: complaint — negative words: ‘broken’')).toBeVisible();
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

  test('praise opens on thanks, with its reason', async ({ page, openPopup }) => {
    const popup = await composeFor(page, openPopup, firstOfKind('en', COMMENTS, 'praise').id);
    await expect(categoryTab(popup, 'Thanks')).toHaveAttribute('aria-selected', 'true');
    await expect(popup.locator('.triage-hint')).toHaveText(/^Suggested: praise — positive words: /);
  });
});

test.describe('the admin’s say', () => {
  test('a correction is noted, and the settings can make the triage forget what it learned', async ({
    page,
    openPopup,
    context,
    extensionId,
  }) => {
    const popup = await composeFor(page, openPopup, firstOfKind('en', COMMENTS, 'complaint').id);
    await popup.getByText('Not right?').click();
    await popup
      .getByRole('group', { name: 'This comment is:' })
      .getByRole('button', { name: 'question' })
      .click();
    await expect(
      popup.getByRole('status').filter({ hasText: 'Noted: the triage learns from it' }),
    ).toBeVisible();

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    const triage = options.getByRole('region', { name: 'Comment triage' });
    await triage.getByRole('checkbox', { name: /^Also learn from my teammates’ messages/ }).check();
    await expect(triage.getByText('Saved.')).toBeVisible();
    await triage.getByRole('button', { name: 'Forget what the triage learned' }).click();
    await expect(triage.getByText(/^Forgotten: your corrections are deleted/)).toBeVisible();
    await expect(triage.getByText(/^Last reset /)).toBeVisible();
  });
});

test.describe('the side panel’s queue', () => {
  test('lists the comments to answer, questions and complaints first, and moves on after a send', async ({
    context,
    page,
    extensionId,
  }) => {
    await page.goto(reactPostUrl('en', { comments: COMMENTS }));
    await expectOneActionPerFanComment(page);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/src/popup/panel.html`);
    // As in the real side panel, the facebook.com tab is the one in front.
    await page.bringToFront();
    await panel.getByRole('button', { name: 'Queue' }).click();
    await expect(panel.locator('section.queue')).toHaveAttribute('aria-busy', 'false');

    const groups = panel.getByRole('region', { name: /^(Questions and complaints|Abusive|Praise)$/ });
    await expect(groups.first()).toBeVisible();
    const order = await groups.evaluateAll((sections) =>
      sections.map((section) => section.getAttribute('aria-label')),
    );
    expect(order).toEqual(['Questions and complaints', 'Praise']);
    const kinds = await panel
      .locator('.queue-entry')
      .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-kind')));
    const firstPraise = kinds.indexOf('praise');
    expect(firstPraise).toBeGreaterThan(0);
    expect(kinds.slice(0, firstPraise).every((kind) => kind === 'question' || kind === 'complaint')).toBe(
      true,
    );
    expect(kinds.slice(firstPraise).every((kind) => kind === 'praise')).toBe(true);

    const names = await panel.locator('.queue-entry .queue-name').allTextContents();
    // The queue holds its tab: the panel may come to the front, as a real side panel is in view.
    await panel.bringToFront();
    await panel.locator('.queue-entry').first().click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(`To ${names[0]}`);
    await panel.getByRole('radio', { name: "Let's sort it out privately" }).check();
    await panel.getByRole('button', { name: 'Review message' }).click();
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(panel.getByText(PREPARED)).toBeVisible();

    await panel.getByRole('button', { name: 'Next comment' }).click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(`To ${names[1]}`);
    // Read again from the facebook.com tab, in front as the side panel's would be.
    await page.bringToFront();
    await panel.getByRole('button', { name: 'Queue' }).click();
    await expect(panel.locator('section.queue')).toHaveAttribute('aria-busy', 'false');
    await expect(panel.locator('.queue-entry').first().locator('.queue-name')).toHaveText(names[1]!);
    await expect(panel.locator('.queue-entry')).toHaveCount(names.length - 1);
  });
});
