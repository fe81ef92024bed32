import { DEMO_POSTS, fixtureResponse } from '../fixtures/facebook-routes.mjs';
import { categoryVerdict, expect, showCategory, storedEntries, test, type Page } from './extension-test';

/** Where Giulia's first comment's action row ends, on the English demo post. */
const AFTER_GIULIAS_ROW = '</ul>\n                    <div class="replies-c3">';

/** The English demo post, where Facebook notes under Giulia's first comment that the Page answered it privately. */
async function openPostAnsweredUnderGiulia(page: Page): Promise<void> {
  const post = fixtureResponse(DEMO_POSTS.en.url);
  expect(post.body).toContain(AFTER_GIULIAS_ROW);
  await page.route(DEMO_POSTS.en.url, (route) =>
    route.fulfill({
      ...post,
      body: post.body.replace(
        AFTER_GIULIAS_ROW,
        `</ul><div><span>Acme Coffee responded privately</span></div><div class="replies-c3">`,
      ),
    }),
  );
  await page.goto(DEMO_POSTS.en.url);
}

test('a comment Facebook notes the Page answered privately is refused as answered, whoever answered it', async ({
  page,
  openPopup,
  background,
}) => {
  await openPostAnsweredUnderGiulia(page);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  const refusal =
    'Facebook shows that the Page already answered this comment privately, and it allows one private message per comment.';
  // Every category says so, customer care included.
  for (const category of ['Thanks', 'Promo', 'Pre-ban warning', 'Customer care']) {
    await expect(await categoryVerdict(popup, category)).toHaveText(refusal);
  }
  await showCategory(popup, 'Thanks');
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await expect(popup.getByRole('button', { name: 'Review message' })).toBeDisabled();
  expect(await storedEntries(background)).toEqual([]);
});

test('a private reply Facebook notes under one of a fan’s comments holds their other comments, customer care aside', async ({
  page,
  openPopup,
}) => {
  await openPostAnsweredUnderGiulia(page);
  const giulias = page.getByRole('button', { name: 'Send message to Giulia Rossi' });
  await giulias.first().click();
  await (await openPopup()).close();
  await giulias.nth(1).click();
  const popup = await openPopup();
  await expect(await categoryVerdict(popup, 'Thanks')).toContainText(
    /Giulia Rossi was messaged .+; next message possible on .+\. Facebook shows that the Page answered another of their comments privately/,
  );
  await showCategory(popup, 'Customer care');
  await popup.getByRole('radio', { name: 'Follow-up on your question' }).check();
  await expect(popup.getByRole('button', { name: 'Review message' })).toBeEnabled();
});
