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

/** The box lies wholly inside the popup's 600 px with the page not scrolled. */
async function expectInView(page: Page, box: Locator): Promise<void> {
  await expect(box).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const { y, height } = (await box.boundingBox())!;
  expect(y).toBeGreaterThanOrEqual(0);
  expect(y + height).toBeLessThanOrEqual(POPUP_HEIGHT);
}

/** The popup page as the toolbar would size it, opened on whatever is picked. */
async function popupAt(openPopup: () => Promise<Page>, width: number): Promise<Page> {
  const popup = await openPopup();
  await popup.setViewportSize({ width, height: POPUP_HEIGHT });
  return popup;
}

const review = (popup: Page) => popup.locator('form.compose button.send');
const confirmSend = (popup: Page) => popup.locator('.confirm-actions button.send');

for (const language of ['en', 'it'] as const) {
  test.describe(`the compose view in ${language}`, () => {
    test.use({ uiLanguage: language });
    const post = DEMO_POSTS[language].url;

    for (const width of WIDTHS) {
      test(`at ${width} × ${POPUP_HEIGHT}, compose, confirm and the outcome each show their action without scrolling`, async ({
        page,
        openPopup,
      }) => {
        await page.goto(post);
        await sendActions(page).first().click();
        const popup = await popupAt(openPopup, width);
        await popup.locator('input[name="template"]').first().check();
        await expectInView(popup, review(popup));
        await review(popup).click();
        await expectInView(popup, confirmSend(popup));
        await confirmSend(popup).click();
        await expectInView(popup, popup.locator('.outcome'));
      });

      test(`at ${width} × ${POPUP_HEIGHT}, a refusal shows its reason once and the override field with the action`, async ({
        page,
        openPopup,
      }) => {
        await page.goto(post);
        await sendActions(page).first().click();
        const first = await popupAt(openPopup, width);
        await first.locator('input[name="template"]').first().check();
        await review(first).click();
        await confirmSend(first).click();
        await expect(first.locator('.outcome')).toBeVisible();
        await first.close();
        // The same fan's other comment: the thank-you just sent holds the next one.
        const sameFan = await sendActions(page).first().getAttribute('aria-label');
        await page.getByRole('button', { name: sameFan! }).nth(1).click();
        const popup = await popupAt(openPopup, width);
        const refusal = popup.locator('.verdict.refused');
        await expect(refusal).toBeVisible();
        await expect(popup.getByText((await refusal.textContent())!, { exact: true })).toHaveCount(1);
        await expectInView(popup, popup.locator('#override-reason'));
        await expectInView(popup, review(popup));
      });

      test(`at ${width} × ${POPUP_HEIGHT}, the hint with no comment picked and the recognition notice are in view`, async ({
        page,
        openPopup,
      }) => {
        const empty = await popupAt(openPopup, width);
        await expectInView(empty, empty.locator('.empty'));
        await empty.close();
        await serveUnknownLayout(page, post);
        await page.goto(post);
        await expect(sendActions(page)).toHaveCount(0);
        const popup = await popupAt(openPopup, width);
        await untilRecognitionNotice(popup);
        await expectInView(popup, popup.locator('.notice'));
      });
    }
  });
}
