import { reactPostUrl } from '../fixtures/facebook-routes.mjs';
import {
  expect,
  PREPARED,
  showCategory,
  storedEntries,
  test,
  type Page,
  type Worker,
} from './extension-test';
import {
  actionOnLinkingComment,
  bedThread,
  expectOneActionPerFanComment,
  lexicalText,
  nextLookOfWatch,
  sendPresses,
} from './react-bed';

const COMMENTS = 12;
const THREAD = bedThread('en', COMMENTS);
/** The first top-level fan comment, and the one whose text links to it. */
const FIRST = THREAD[0]!;
const LINKING = THREAD.find((comment) => comment.linksTo)!;
async function statusOf(background: Worker): Promise<string | undefined> {
  return (await storedEntries(background))[0]?.status;
}

/** Picks a comment by id on the bed, sends the first Thanks to it, and waits until it is in the chat tab. */
async function prepareThanks(page: Page, openPopup: () => Promise<Page>, commentId: string) {
  await page.goto(reactPostUrl('en', { comments: COMMENTS }));
  await expectOneActionPerFanComment(page);
  const action = page.locator(`button[data-page-outreach="send-message"][data-comment-id="${commentId}"]`);
  const name = ((await action.getAttribute('aria-label')) ?? '').replace(/^Send message to /, '');
  await action.click();
  const popup = await openPopup();
  await showCategory(popup, 'Thanks');
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  const text = (await popup.locator('output').textContent()) ?? '';
  await popup.getByRole('button', { name: 'Review message' }).click();
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByText(PREPARED)).toBeVisible();
  await page.bringToFront();
  return { popup, text, name, tab: page.getByRole('dialog', { name }) };
}

test.describe('assisted delivery into the Lexical chat tab of the React bed', () => {
  test('Lexical’s own state holds exactly the previewed text, and nothing pressed Send', async ({
    page,
    openPopup,
    background,
  }) => {
    const { text, name } = await prepareThanks(page, openPopup, FIRST.id);
    await expect.poll(() => lexicalText(page, name)).toBe(text);
    expect(await sendPresses(page)).toEqual([]);
    expect(await statusOf(background)).toBe('prepared');
  });

  test('Enter, with the tab re-mounted as the thread, is logged sent', async ({
    page,
    openPopup,
    background,
  }) => {
    const { text, name, tab } = await prepareThanks(page, openPopup, FIRST.id);
    await tab.getByRole('textbox').press('Enter');
    await expect(
      page
        .getByRole('grid', { name: `Messages in conversation with ${name}` })
        .getByRole('row')
        .first(),
    ).toHaveText(text);
    await expect.poll(() => statusOf(background)).toBe('sent');
    expect(await sendPresses(page)).toEqual([{ name, text, trusted: true }]);
  });

  test('a message whose emoji Facebook draws as an image is logged sent, with the text as edited', async ({
    page,
    openPopup,
    background,
  }) => {
    const { text, tab } = await prepareThanks(page, openPopup, FIRST.id);
    const editor = tab.getByRole('textbox');
    await editor.press('Control+Home');
    await page.keyboard.type('☕ ');
    await editor.press('Enter');
    await expect(page.locator('[role="row"] img[alt="☕"]')).toHaveCount(1);
    await expect.poll(() => statusOf(background)).toBe('sent');
    expect((await storedEntries(background))[0]).toMatchObject({ text, sentText: `☕ ${text}` });
  });

  test.describe('with the test build, whose outcome watch says what each look concluded', () => {
    test.use({ extensionPath: 'dist/chrome-test' });

    test('a minimized tab is still waiting when the watch looks at it, and Enter after restoring it is sent', async ({
      page,
      openPopup,
      background,
    }) => {
      const { name, tab } = await prepareThanks(page, openPopup, FIRST.id);
      await tab.getByRole('button', { name: 'Minimize chat' }).click();
      await expect(tab.getByRole('textbox')).toBeHidden();
      expect(await nextLookOfWatch((inPage) => page.evaluate(inPage))).toBe('waiting');
      expect(await statusOf(background)).toBe('prepared');
      await tab.getByRole('button', { name }).click();
      await tab.getByRole('textbox').press('Enter');
      await expect.poll(() => statusOf(background)).toBe('sent');
    });
  });

  test('Enter and then closing the tab before the message shows is never logged not sent', async ({
    page,
    openPopup,
    background,
  }) => {
    const { tab } = await prepareThanks(page, openPopup, FIRST.id);
    await tab.getByRole('textbox').press('Enter');
    await tab.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => statusOf(background), { timeout: 25_000 }).toMatch(/^(sent|unknown)$/);
    expect(await statusOf(background)).not.toBe('failed');
  });

  test('closing the tab with the text still in it is logged not sent, and frees the comment', async ({
    page,
    openPopup,
    background,
  }) => {
    const { tab } = await prepareThanks(page, openPopup, FIRST.id);
    await tab.getByRole('button', { name: 'Close chat' }).click();
    await expect.poll(() => statusOf(background)).toBe('failed');
    expect(await sendPresses(page)).toEqual([]);
  });

  test('sending from the comment that links to another opens its own author’s chat, and only that', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(reactPostUrl('en', { comments: COMMENTS }));
    await expectOneActionPerFanComment(page);
    expect(await actionOnLinkingComment(page)).toBe(LINKING.id);
    const { text, name } = await prepareThanks(page, openPopup, LINKING.id);
    expect(name).toBe(LINKING.author.name);
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await expect.poll(() => lexicalText(page, LINKING.author.name)).toBe(text);
    expect(await lexicalText(page, FIRST.author.name)).toBeNull();
    expect(await storedEntries(background)).toMatchObject([
      { commentId: LINKING.id, fanName: LINKING.author.name },
    ]);
  });
});
