import { DEMO_POSTS, LOCALE_FIXTURES } from '../fixtures/facebook-routes.mjs';
import {
  expect,
  PREPARED,
  showCategory,
  test,
  type Page,
  type Worker,
  storedEntries,
} from './extension-test';

/** What the fixture's message boxes recorded of every press of their Send. */
function sendPresses(page: Page): Promise<Array<{ trusted: boolean; text: string }>> {
  return page.evaluate(() => (window as unknown as { fixtureSendPresses: [] }).fixtureSendPresses);
}

/** What the admin would paste into Facebook's message box. */
async function readClipboardOn(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read'], { origin: new URL(page.url()).origin });
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function statusOf(background: Worker): Promise<string | undefined> {
  return (await storedEntries(background))[0]?.status;
}

/** Picks Giulia's first comment, sends the first Thanks template, and returns the final text. */
async function sendThanksToGiulia(
  page: Page,
  openPopup: () => Promise<Page>,
): Promise<{ popup: Page; text: string }> {
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  const text = (await popup.locator('output').textContent()) ?? '';
  await popup.getByRole('button', { name: 'Review message' }).click();
  await expect(
    popup.getByText(/^After Send, the message goes into Facebook's own message box/),
  ).toBeVisible();
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  return { popup, text };
}

/** Sends the Thanks from the English demo post, and waits until it is in Facebook's box. */
async function prepareThanksToGiulia(
  page: Page,
  openPopup: () => Promise<Page>,
): Promise<{ popup: Page; text: string }> {
  await page.goto(DEMO_POSTS.en.url);
  const sent = await sendThanksToGiulia(page, openPopup);
  await expect(sent.popup.getByText(PREPARED)).toBeVisible();
  return sent;
}

test.describe('assisted delivery through Facebook’s own message box', () => {
  test('the confirmed text lands in Facebook’s message box exactly, and nothing presses its Send', async ({
    page,
    openPopup,
    background,
  }) => {
    const { text } = await prepareThanksToGiulia(page, openPopup);

    const box = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' });
    await expect(box.getByRole('textbox')).toHaveText(text);
    expect(await statusOf(background)).toBe('prepared');
    expect(await sendPresses(page)).toEqual([]);
    await expect(box.getByRole('row')).toHaveCount(0);
  });

  test('pressing Facebook’s Send marks the entry sent, and the open log shows it at once', async ({
    page,
    openPopup,
    background,
  }) => {
    const { popup, text } = await prepareThanksToGiulia(page, openPopup);
    await popup.getByRole('button', { name: 'Log' }).click();
    const status = popup.locator('tbody tr').first().locator('td').last();
    await expect(status).toHaveText("In Facebook's box — press Send there");

    const box = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' });
    await box.getByRole('button', { name: 'Press Enter to send' }).click();
    await expect(box.getByRole('row')).toHaveText([text]);
    await expect(status).toHaveText('Sent');
    expect(await storedEntries(background)).toMatchObject([{ status: 'sent', text }]);
  });

  test('what the admin edits in Facebook’s box before sending is kept beside the confirmed text', async ({
    page,
    openPopup,
    background,
  }) => {
    const { text } = await prepareThanksToGiulia(page, openPopup);
    const editor = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' }).getByRole('textbox');
    await page.bringToFront();
    await editor.press('End');
    await editor.pressSequentially(' See you soon!');
    await editor.press('Enter');
    await expect.poll(() => statusOf(background)).toBe('sent');
    expect((await storedEntries(background))[0]).toMatchObject({ text, sentText: `${text} See you soon!` });
  });

  test('closing Facebook’s box without sending leaves the entry not sent, and the fan can be messaged again', async ({
    page,
    openPopup,
    background,
  }) => {
    await prepareThanksToGiulia(page, openPopup);
    await page
      .getByRole('dialog', { name: 'Chat with Giulia Rossi' })
      .getByRole('button', { name: 'Close chat' })
      .click();
    await expect.poll(() => statusOf(background)).toBe('failed');

    await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
    const again = await openPopup();
    await again.getByRole('radio', { name: 'Thank you for commenting' }).check();
    await expect(again.locator('.verdict')).toHaveText('Giulia Rossi can be messaged now.');
  });

  test('reloading the tab while the message waits in Facebook’s box leaves it unknown', async ({
    page,
    openPopup,
    background,
  }) => {
    await prepareThanksToGiulia(page, openPopup);
    await page.reload();
    await expect.poll(() => statusOf(background)).toBe('unknown');
  });

  test('on Italian Facebook, whose box ignores paste events, the text goes in as typed input', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(DEMO_POSTS.it.url);
    await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
    const popup = await openPopup();
    // The Italian Page is offered its Italian templates, whatever the browser's language.
    await popup.getByRole('radio', { name: 'Grazie per il commento' }).check();
    const text = (await popup.locator('output').textContent()) ?? '';
    await popup.getByRole('button', { name: 'Review message' }).click();
    await popup.getByRole('button', { name: 'Send', exact: true }).click();

    const box = page.getByRole('dialog', { name: 'Chat con Giulia Rossi' });
    await expect(box.getByRole('textbox')).toHaveText(text);
    await box.getByRole('button', { name: 'Premi Invio per inviare' }).click();
    await expect(box.getByRole('row')).toHaveText([text]);
    await expect.poll(() => statusOf(background)).toBe('sent');
  });

  test('a draft the admin left in Facebook’s box is never overwritten: the text is copied instead', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(DEMO_POSTS.en.url);
    const giulia = page.getByRole('article', { name: /^Comment by Giulia Rossi 2 days ago/ });
    await giulia.getByRole('button', { name: 'Message', exact: true }).first().click();
    const box = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' });
    await box.getByRole('textbox').pressSequentially('Draft for later');
    await box.getByRole('button', { name: 'Close chat' }).click();

    const { popup, text } = await sendThanksToGiulia(page, openPopup);
    await expect(
      popup.getByText(
        /^Message copied: Facebook's message box already holds a draft, which was left as it is\./,
      ),
    ).toBeVisible();
    await expect(box.getByRole('textbox')).toHaveText('Draft for later');
    expect(await readClipboardOn(page)).toBe(text);
    expect(await storedEntries(background)).toMatchObject([{ status: 'copied' }]);
  });

  test('where Facebook shows no Message control, the text is copied and the popup says why', async ({
    page,
    openPopup,
    background,
  }) => {
    const fixture = LOCALE_FIXTURES.find((entry) => entry.locale === 'en' && entry.layout === 'permalink')!;
    await page.goto(fixture.url);
    await page
      .getByRole('button', { name: /^Send message to / })
      .first()
      .click();
    const popup = await openPopup();
    await showCategory(popup, 'Thanks');
    await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
    const text = (await popup.locator('output').textContent()) ?? '';
    await popup.getByRole('button', { name: 'Review message' }).click();
    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(
      popup.getByText(
        /^Message copied: Facebook shows no Message control beside this comment\. Open the conversation/,
      ),
    ).toBeVisible();
    await expect(popup.getByRole('link', { name: "Open the Page's inbox" })).toHaveAttribute(
      'href',
      'https://business.facebook.com/latest/inbox/all',
    );
    expect(await readClipboardOn(page)).toBe(text);
    expect(await storedEntries(background)).toMatchObject([{ status: 'copied', text }]);
  });
});
