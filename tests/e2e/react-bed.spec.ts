import { reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { expect, sendActions, test, type Page } from './extension-test';
import {
  actionOnLinkingComment,
  actionsAgainstComments,
  bedThread,
  commits,
  expectedKinds,
  expectOneActionPerFanComment,
  shownFanComments,
} from './react-bed';

/** A thread with every shape the bed has: replies, the Page's own replies, hidden copies, body links. */
const COMMENTS = 40;
const PAGE_SIZE = 8;

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const language of ['en', 'it'] as const) {
  const words = {
    en: {
      more: 'View more comments',
      newest: 'Newest',
      relevant: 'Most relevant',
      hide: 'Hide replies',
      like: 'Like',
      reply: 'Reply',
      message: 'Message',
      send: 'Send message',
      kinds: { question: 'question', complaint: 'complaint', praise: 'praise' },
    },
    it: {
      more: 'Visualizza altri commenti',
      newest: 'Più recenti',
      relevant: 'Più pertinenti',
      hide: 'Nascondi risposte',
      like: 'Mi piace',
      reply: 'Rispondi',
      message: 'Messaggio',
      send: 'Invia messaggio',
      kinds: { question: 'domanda', complaint: 'reclamo', praise: 'apprezzamento' },
    },
  }[language];

  test.describe(`React and Lexical test bed, ${language}`, () => {
    test.use({ uiLanguage: language });

    test('comments arriving in two commits each get exactly one action, the Page’s own and hidden copies none', async ({
      page,
    }) => {
      const errors = collectPageErrors(page);
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      // The Page's own replies are among the shown comments, so "no extra action" covers them.
      expect((await actionsAgainstComments(page)).pageOwn).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });

    test('the action sits in the comment’s own row, right after Facebook’s own controls', async ({
      page,
    }) => {
      const first = bedThread(language, COMMENTS)[0]!;
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const row = page.locator(`ul:has(> li > button[data-comment-id="${first.id}"])`);
      await expect(row.locator('> li')).toHaveText([
        /\S/,
        words.like,
        words.reply,
        words.message,
        words.send,
      ]);
    });

    test('each action carries its comment’s suggested kind in its accessible description, and a mark', async ({
      page,
    }) => {
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const expected = expectedKinds(language, COMMENTS, await shownFanComments(page));
      expect(Object.keys(expected).length).toBeGreaterThan(3);
      for (const [id, kind] of Object.entries(expected)) {
        const action = page.locator(`button[data-comment-id="${id}"]`);
        await action.scrollIntoViewIfNeeded();
        await expect(action).toHaveAccessibleDescription(words.kinds[kind]);
        await expect(action).toHaveAttribute('data-kind', kind);
      }
    });

    test('relative times re-rendering leave every comment with exactly one action', async ({ page }) => {
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE, tick: 150 }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const before = await commits(page);
      await expect.poll(() => commits(page)).toBeGreaterThan(before + 3);
      await expectOneActionPerFanComment(page, PAGE_SIZE);
    });

    test('re-sorting the keyed comments keeps exactly one action on each', async ({ page }) => {
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const order = await sendActions(page).evaluateAll((buttons) => buttons.map((b) => b.dataset.commentId));
      await page.getByRole('button', { name: words.relevant }).click();
      await expect(page.getByRole('button', { name: words.newest })).toBeVisible();
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const resorted = await sendActions(page).evaluateAll((buttons) =>
        buttons.map((b) => b.dataset.commentId),
      );
      expect(resorted).not.toEqual(order);
      expect([...resorted].sort()).toEqual([...order].sort());
    });

    test('replies collapsed and expanded again get their actions back, once each', async ({ page }) => {
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const before = await sendActions(page).count();
      const toggle = page.getByRole('button', { name: words.hide }).first();
      await toggle.click();
      await expect.poll(() => sendActions(page).count()).toBeLessThan(before);
      await expectOneActionPerFanComment(page);
      await page
        .getByRole('button', { name: /^(View|Visualizza)/ })
        .first()
        .click();
      await expectOneActionPerFanComment(page);
      await expect(sendActions(page)).toHaveCount(before);
    });

    test('comments appended by "View more comments" get actions as they complete', async ({ page }) => {
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      const before = await sendActions(page).count();
      await page.getByRole('button', { name: words.more }).click();
      await expect.poll(() => sendActions(page).count()).toBeGreaterThan(before);
      await expectOneActionPerFanComment(page, 2 * PAGE_SIZE);
    });

    test('the comment whose text links to another comment gets an action for its own id', async ({
      page,
    }) => {
      const thread = bedThread(language, COMMENTS);
      const linking = thread.find((comment) => comment.linksTo)!;
      await page.goto(reactPostUrl(language, { comments: COMMENTS, page: PAGE_SIZE }));
      await expectOneActionPerFanComment(page, PAGE_SIZE);
      expect(await actionOnLinkingComment(page)).toBe(linking.id);
      expect(linking.linksTo).not.toBe(linking.id);
    });
  });
}
