import { DEMO_POSTS, generatedPostUrl } from '../fixtures/facebook-routes.mjs';
import { generateComments } from '../fixtures/generate-post.mjs';
import { expect, pendingComment, sendActions, settle, test } from './extension-test';

/** Fans who commented or replied on the English demo post, in page order (the Page's reply excluded). */
const ENGLISH_FANS = [
  'Giulia Rossi',
  'Luca Verdi',
  'Marco Bianchi',
  'Sara Neri',
  'Paolo Galli',
  'Giulia Rossi',
];
/** Fans in the comments "View more comments" loads. */
const MORE_FANS = ['Elena Russo', 'Chiara Costa', 'Tommaso Ferri'];

test.describe('English Facebook UI', () => {
  test('every fan comment and reply gets exactly one "Send message" action', async ({ page }) => {
    await page.goto(DEMO_POSTS.en.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    await expect(sendActions(page)).toHaveText(ENGLISH_FANS.map(() => 'Send message'));
    const names = await sendActions(page).evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('aria-label')),
    );
    expect(names).toEqual(ENGLISH_FANS.map((fan) => `Send message to ${fan}`));
  });

  test('the post itself and the Page’s own reply get no action', async ({ page }) => {
    await page.goto(DEMO_POSTS.en.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    const onPost = await sendActions(page).evaluateAll(
      (buttons) =>
        buttons.filter((button) => button.closest('[role="article"]')?.hasAttribute('aria-posinset')).length,
    );
    expect(onPost).toBe(0);
    const pageReply = page.getByRole('article', { name: /^Reply by Acme Coffee/ });
    await expect(pageReply.locator('button[data-page-outreach]')).toHaveCount(0);
  });

  test('the action sits in the comment’s own row, right after Facebook’s own controls', async ({ page }) => {
    await page.goto(DEMO_POSTS.en.url);
    const comment = page.getByRole('article', { name: /^Comment by Marco Bianchi/ });
    const row = comment.locator('ul').filter({ has: page.getByRole('button', { name: 'Reply' }) });
    await expect(row.locator('li')).toHaveText(['5h', 'Like', 'Reply', 'Message', 'Send message']);
  });

  test('comments loaded later by "View more comments" get actions too', async ({ page }) => {
    await page.goto(DEMO_POSTS.en.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    await page.getByRole('button', { name: 'View more comments' }).click();
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length + MORE_FANS.length);
    for (const fan of MORE_FANS) {
      await expect(page.getByRole('button', { name: `Send message to ${fan}` })).toHaveCount(1);
    }
  });

  test('a comment re-rendered by the page still has exactly one action', async ({ page }) => {
    await page.goto(DEMO_POSTS.en.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    // React replaces subtrees wholesale: once with our action copied along, once rebuilt without it.
    await page.evaluate(() => {
      const items = document.querySelectorAll('#comment-list > li');
      const withAction = items[1]!;
      withAction.replaceWith(withAction.cloneNode(true));
      const row = items[2]!.querySelector('ul')!;
      const rebuilt = row.cloneNode(true) as Element;
      rebuilt.querySelector('[data-page-outreach]')?.remove();
      row.replaceWith(rebuilt);
    });
    await settle(page);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    await expect(page.getByRole('button', { name: 'Send message to Marco Bianchi' })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Send message to Sara Neri' })).toHaveCount(1);
  });

  test('switching the sort order re-renders the list and every comment keeps exactly one action', async ({
    page,
  }) => {
    await page.goto(DEMO_POSTS.en.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    // "Newest first": Facebook re-renders the list in another order, moving and recreating nodes.
    await page.evaluate(() => {
      const list = document.getElementById('comment-list')!;
      const items = [...list.children].reverse();
      list.replaceChildren(...items.map((item, index) => (index % 2 === 0 ? item : item.cloneNode(true))));
    });
    await settle(page);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    const names = await sendActions(page).evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('aria-label')),
    );
    expect(names).toEqual([
      'Send message to Giulia Rossi',
      'Send message to Sara Neri',
      'Send message to Paolo Galli',
      'Send message to Marco Bianchi',
      'Send message to Giulia Rossi',
      'Send message to Luca Verdi',
    ]);
  });

  test('a post with 300 comments and replies gets one action each', async ({ page }) => {
    const count = 300;
    await page.goto(generatedPostUrl(count));
    await expect(sendActions(page)).toHaveCount(generateComments({ count }).length);
  });
});

test.describe('Italian Facebook and browser UI', () => {
  test.use({ uiLanguage: 'it' });

  test('every fan comment gets "Invia messaggio", named for its author', async ({ page }) => {
    await page.goto(DEMO_POSTS.it.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    await expect(sendActions(page).first()).toHaveText('Invia messaggio');
    await expect(page.getByRole('button', { name: 'Invia messaggio a Giulia Rossi' })).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Invia messaggio a Caffè Aurora' })).toHaveCount(0);
  });

  test('"Visualizza altri commenti" loads comments that get actions too', async ({ page }) => {
    await page.goto(DEMO_POSTS.it.url);
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
    await page.getByRole('button', { name: 'Visualizza altri commenti' }).click();
    await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length + MORE_FANS.length);
  });
});

test('the demo post served at web.facebook.com gets its actions, and a click hands over its web.facebook.com comment', async ({
  page,
  background,
}) => {
  const webUrl = DEMO_POSTS.en.url.replace('https://www.', 'https://web.');
  await page.goto(webUrl);
  await expect(sendActions(page)).toHaveCount(ENGLISH_FANS.length);
  await page.getByRole('button', { name: 'Send message to Luca Verdi' }).click();
  // Pressed once the background accepted the web.facebook.com tab as a sender.
  await expect(page.getByRole('button', { name: 'Send message to Luca Verdi' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await pendingComment(background)).toMatchObject({
    authorName: 'Luca Verdi',
    postUrl: expect.stringMatching(/^https:\/\/web\.facebook\.com\/acmecoffee\/posts\//),
    authorUrl: expect.stringMatching(/^https:\/\/web\.facebook\.com\//),
  });
});
