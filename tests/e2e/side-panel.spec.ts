import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import {
  expect,
  type ExtensionGlobals,
  PREPARED,
  storedEntries,
  test,
  type Page,
  type Worker,
} from './extension-test';

/**
 * The browser's own side panel, as it shows now: Playwright lists no side panel among a context's
 * pages, so its text is read over the DevTools protocol. `id` tells whether it is the same panel.
 */
async function sidePanel(page: Page): Promise<{ id: string; text: string } | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const panel = targetInfos.find((target) => target.url.endsWith('/src/popup/panel.html'));
    if (!panel) return null;
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: panel.targetId,
      flatten: false,
    });
    const answer = new Promise<string>((resolve) =>
      session.on('Target.receivedMessageFromTarget', (event) => {
        const reply = JSON.parse(event.message) as { id?: number; result?: { result: { value: string } } };
        if (reply.id === 1) resolve(reply.result?.result.value ?? '');
      }),
    );
    const expression = 'document.body.innerText';
    await session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true },
      }),
    });
    return { id: panel.targetId, text: await answer };
  } finally {
    await session.detach();
  }
}

interface ExtensionRuntime {
  getContexts(filter: object): Promise<Array<{ contextType: string }>>;
}

/** The extension's pages the browser holds open, by kind (popup, side panel, tab). */
function openContexts(background: Worker): Promise<string[]> {
  return background.evaluate(async () => {
    const { runtime } = (globalThis as unknown as { chrome: { runtime: ExtensionRuntime } }).chrome;
    const contexts = await runtime.getContexts({});
    return contexts.map((context) => context.contextType).filter((type) => type !== 'BACKGROUND');
  });
}

/**
 * Picks a template (under its category's tab, when named) and sends it from the keyboard, review then
 * Send, until it waits in Facebook's message box.
 */
async function sendByKeyboard(view: Page, template: string, category?: string): Promise<void> {
  if (category) await view.getByRole('tab', { name: category }).click();
  await view.getByRole('radio', { name: template }).check();
  await view.keyboard.press('ControlOrMeta+Enter');
  await view.keyboard.press('ControlOrMeta+Enter');
  await expect(view.getByText(PREPARED)).toBeVisible();
}

test('“Send message” opens the side panel, which then follows each comment picked without opening again', async ({
  page,
  background,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const panelShows = async (name: string) => {
    await expect.poll(async () => (await sidePanel(page))?.text ?? '').toContain(`To ${name}`);
    return (await sidePanel(page))!.id;
  };
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const panel = await panelShows('Giulia Rossi');
  for (const name of ['Marco Bianchi', 'Sara Neri']) {
    await page.getByRole('button', { name: `Send message to ${name}` }).click();
    expect(await panelShows(name)).toBe(panel);
  }
  expect(await openContexts(background)).toEqual(['SIDE_PANEL']);
});

test('an admin who chose the popup gets the popup, and no side panel', async ({
  page,
  context,
  background,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await options.getByRole('radio', { name: /^In the toolbar popup/ }).check();
  await expect(options.getByText('Saved.')).toBeVisible();
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  await expect.poll(() => openContexts(background)).toContain('POPUP');
  expect(await openContexts(background)).not.toContain('SIDE_PANEL');
  expect(await sidePanel(page)).toBeNull();
});

test('the main flow runs from the side panel’s page: pick, template, review, send, Facebook’s Send, “Sent”', async ({
  page,
  context,
  extensionId,
  background,
}) => {
  // The side panel's own page, in a tab Playwright can drive, open before anything is picked.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/popup/panel.html`);
  await expect(panel.getByText(/^Click “Send message”/)).toBeVisible();
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  await expect(panel.getByRole('heading', { name: 'To Giulia Rossi' })).toBeVisible();
  await panel.getByRole('radio', { name: 'Thank you for commenting' }).check();
  const text = (await panel.locator('output').textContent()) ?? '';
  await panel.keyboard.press('ControlOrMeta+Enter');
  await expect(panel.getByRole('dialog', { name: 'Send this message to Giulia Rossi?' })).toBeVisible();
  await panel.keyboard.press('ControlOrMeta+Enter');
  await expect(panel.getByText(PREPARED)).toBeVisible();

  const box = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' });
  await box.getByRole('button', { name: 'Press Enter to send' }).click();
  await expect(box.getByRole('row')).toHaveText([text]);
  await panel.getByRole('button', { name: 'Log' }).click();
  await expect(panel.locator('tbody tr').first().locator('td').last()).toHaveText('Sent');
  expect(await storedEntries(background)).toMatchObject([{ status: 'sent', text }]);

  // Ready for the next comment at once.
  await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).click();
  await expect(panel.getByRole('heading', { name: 'To Marco Bianchi' })).toBeVisible();
  await expect(panel.locator('.outcome')).toHaveCount(0);
});

test('after a send the panel shows the outcome, never the same confirmation again, and goes on to the next comment', async ({
  page,
  context,
  extensionId,
}) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/popup/panel.html`);
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  await expect(panel.getByRole('heading', { name: 'To Giulia Rossi' })).toBeVisible();
  await sendByKeyboard(panel, "Let's sort it out privately", 'Customer care');

  // Customer care may go to the same fan again today: only the done view keeps it from this comment.
  const next = panel.getByRole('button', { name: 'Next comment' });
  await expect(next).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Review message' })).toHaveCount(0);
  await panel.keyboard.press('ControlOrMeta+Enter');
  await expect(panel.getByRole('dialog')).toHaveCount(0);

  await next.click();
  await expect(panel.getByRole('heading', { name: 'To Luca Verdi' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Review message' })).toBeVisible();
  await expect(panel.getByText(PREPARED)).toHaveCount(0);
  const picked = page.getByRole('button', { name: 'Send message to Luca Verdi' });
  await expect(picked).toHaveAttribute('aria-pressed', 'true');
  await expect(picked).toBeInViewport();
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(1);
});

test('after a send on the last comment, “Next comment” says there is none below and stays', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  // The last comment shown until "View more comments" loads more.
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).last().click();
  const popup = await openPopup();
  await sendByKeyboard(popup, 'Thank you for commenting', 'Thanks');
  await popup.getByRole('button', { name: 'Next comment' }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: /^No more comments below this one/ }),
  ).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'To Giulia Rossi' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Review message' })).toHaveCount(0);
});

test('Esc goes back from the confirmation to the message', async ({ page, openPopup }) => {
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await popup.keyboard.press('ControlOrMeta+Enter');
  await expect(popup.getByRole('dialog')).toBeVisible();
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('dialog')).toHaveCount(0);
  await expect(popup.getByRole('radio', { name: 'Thank you for commenting' })).toBeChecked();
});

test('the keyboard alone: Tab to the kinds of message, arrows to customer care and its second template, Ctrl+Enter twice', async ({
  page,
  openPopup,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  const focused = () =>
    popup.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);
  /** Presses Tab until the focus is on an element of `role`, as someone without a mouse would. */
  const tabTo = async (role: string) => {
    for (let presses = 0; presses < 20 && (await focused()) !== role; presses += 1)
      await popup.keyboard.press('Tab');
    expect(await focused()).toBe(role);
  };
  await tabTo('tab');
  await popup.keyboard.press('End');
  await expect(popup.getByRole('tab', { name: 'Customer care' })).toBeFocused();
  await expect(popup.getByRole('tab', { name: 'Customer care' })).toHaveAttribute('aria-selected', 'true');
  await tabTo('INPUT'); // the search box
  await popup.keyboard.press('Tab');
  await expect(popup.getByLabel('Language of this Page’s messages')).toBeFocused();
  await popup.keyboard.press('Tab'); // onto the templates
  await expect(popup.getByRole('radio', { name: "Let's sort it out privately" })).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('radio', { name: 'Follow-up on your question' })).toBeChecked();
  await popup.keyboard.press('ControlOrMeta+Enter');
  await expect(popup.getByRole('dialog', { name: 'Send this message to Giulia Rossi?' })).toBeVisible();
  await popup.keyboard.press('ControlOrMeta+Enter');
  await expect(popup.getByText(PREPARED)).toBeVisible();
});

test('the per-post cap: the side panel counts the post’s private replies, refuses one more, and lets customer care through', async ({
  page,
  context,
  extensionId,
}) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/src/popup/panel.html`);
  // One private reply per post a day, and no pause between sends, to reach the cap in one test.
  await panel.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    const got = (await chrome.runtime.sendMessage({ type: 'settings/get' })) as {
      data: { settings: Record<string, unknown> };
    };
    const settings = { ...got.data.settings, postDailyMax: 1, paceSeconds: 0 };
    await chrome.runtime.sendMessage({ type: 'settings/set', settings });
  });
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  await expect(panel.getByText('Private replies under this post in the last 24 hours: 0 of 1')).toBeVisible();
  await sendByKeyboard(panel, 'Thank you for commenting');

  await panel.getByRole('button', { name: 'Next comment' }).click();
  await expect(panel.getByRole('heading', { name: 'To Luca Verdi' })).toBeVisible();
  await expect(panel.getByText('Private replies under this post in the last 24 hours: 1 of 1')).toBeVisible();
  await panel.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await expect(panel.getByText(/^Your Page already answered 1 comment on this post privately/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Review message' })).toBeDisabled();

  await sendByKeyboard(panel, "Let's sort it out privately", 'Customer care');
});
