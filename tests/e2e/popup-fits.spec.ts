import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import {
  expect,
  sendActions,
  serveUnknownLayout,
  test,
  untilRecognitionNotice,
  type Locator,
  type Page,
} from './extension-test';

/** The most Chrome shows of a toolbar popup, and the widths an admin's popup takes. */
const POPUP_HEIGHT = 600;
const WIDTHS = [480, 360] as const;

/**
 * The box lies wholly inside the popup's 600 px with the page not scrolled, at each width the popup
 * takes (the same page resized: what is checked is the layout, not how it was reached).
 */
async function expectInView(page: Page, box: Locator): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: POPUP_HEIGHT });
    await expect(box).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const { y, height } = (await box.boundingBox())!;
    expect(y, `top at ${width} px wide`).toBeGreaterThanOrEqual(0);
    expect(y + height, `bottom at ${width} px wide`).toBeLessThanOrEqual(POPUP_HEIGHT);
  }
}

const review = (popup: Page) => popup.locator('form.compose button.send');
const confirmSend = (popup: Page) => popup.locator('.confirm-actions button.send');
const SIZES = `${WIDTHS.join(' and ')} × ${POPUP_HEIGHT}`;

for (const language of ['en', 'it'] as const) {
  test.describe(`the compose view in ${language}`, () => {
    test.use({ uiLanguage: language });
    const post = DEMO_POSTS[language].url;

    test(`at ${SIZES}, compose, confirm and the outcome each show their action without scrolling`, async ({
      page,
      openPopup,
    }) => {
      await page.goto(post);
      await sendActions(page).first().click();
      const popup = await openPopup();
      await popup.locator('input[name="template"]').first().check();
      await expectInView(popup, review(popup));
      await review(popup).click();
      await expectInView(popup, confirmSend(popup));
      await confirmSend(popup).click();
      await expectInView(popup, popup.locator('.outcome'));
    });

    test(`at ${SIZES}, a refusal shows its reason once and the override field with the action`, async ({
      page,
      openPopup,
    }) => {
      await page.goto(post);
      await sendActions(page).first().click();
      const first = await openPopup();
      await first.locator('input[name="template"]').first().check();
      await review(first).click();
      await confirmSend(first).click();
      await expect(first.locator('.outcome')).toBeVisible();
      await first.close();
      // The same fan's other comment: the thank-you just sent holds the next one.
      const sameFan = await sendActions(page).first().getAttribute('aria-label');
      await page.getByRole('button', { name: sameFan! }).nth(1).click();
      const popup = await openPopup();
      const refusal = popup.locator('.verdict.refused');
      await expect(refusal).toBeVisible();
      await expect(popup.getByText((await refusal.textContent())!, { exact: true })).toHaveCount(1);
      await expectInView(popup, popup.locator('#override-reason'));
      await expectInView(popup, review(popup));
    });

    test(`at ${SIZES}, the hint with no comment picked and the recognition notice are in view`, async ({
      page,
      openPopup,
    }) => {
      const empty = await openPopup();
      await expectInView(empty, empty.locator('.empty'));
      await empty.close();
      await serveUnknownLayout(page, post);
      await page.goto(post);
      await expect(sendActions(page)).toHaveCount(0);
      const popup = await openPopup();
      await untilRecognitionNotice(popup);
      await expectInView(popup, popup.locator('.notice'));
    });
  });
}
