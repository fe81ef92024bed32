import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import {
  expect,
  PREPARED,
  sendTemplate,
  showCategory,
  test,
  type ExtensionGlobals,
  type Page,
} from './extension-test';

async function pick(page: Page, name = 'Giulia Rossi'): Promise<void> {
  await page.goto(DEMO_POSTS.en.url);
  await page
    .getByRole('button', { name: `Send message to ${name}` })
    .first()
    .click();
}

function logRows(popup: Page) {
  return popup.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    return ((await chrome.runtime.sendMessage({ type: 'log/list' })) as { data: { entries: unknown[] } }).data
      .entries;
  });
}

test('nothing is sent before the confirmation, which shows the recipient and the exact text', async ({
  page,
  openPopup,
}) => {
  await pick(page);
  const popup = await openPopup();
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  const text = (await popup.locator('output').textContent())!;
  await popup.getByRole('button', { name: 'Review message' }).click();
  const confirmation = popup.getByRole('dialog', { name: 'Send this message to Giulia Rossi?' });
  await expect(confirmation.locator('blockquote')).toHaveText(text);
  await expect(confirmation.getByRole('link', { name: 'Giulia Rossi' })).toBeVisible();
  await expect(confirmation.getByRole('button', { name: 'Send', exact: true })).toBeFocused();
  expect(await logRows(popup)).toEqual([]);

  await confirmation.getByRole('button', { name: 'Back' }).click();
  await expect(popup.getByRole('radio', { name: 'Thank you for commenting' })).toBeChecked();
  expect(await logRows(popup)).toEqual([]);
});

test('a message edited for one fan is the one sent and logged, and the template stays as it was', async ({
  page,
  openPopup,
}) => {
  await pick(page);
  const popup = await openPopup();
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
  await popup.getByRole('button', { name: 'Edit this message' }).click();
  const editor = popup.getByLabel('Message to Giulia Rossi (the template stays as it is)');
  await editor.fill('Ciao Giulia, the hazelnut one it is! See you Saturday.');
  await expect(popup.getByText('54 / 2000 characters')).toBeVisible();
  await popup.getByRole('button', { name: 'Review message' }).click();
  await expect(popup.locator('.confirm-text')).toHaveText(
    'Ciao Giulia, the hazelnut one it is! See you Saturday.',
  );
  await popup.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(popup.getByText(PREPARED)).toBeVisible();
  expect(await logRows(popup)).toMatchObject([
    { text: 'Ciao Giulia, the hazelnut one it is! See you Saturday.' },
  ]);

  const templates = await popup.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    return (await chrome.runtime.sendMessage({ type: 'templates/list' })) as {
      data: { templates: Array<{ id: string; body: string }> };
    };
  });
  expect(templates.data.templates.find((template) => template.id === 'default-thanks-1-en')!.body).toMatch(
    /^Hi \{first_name\}, thank you for your comment!/,
  );
});

/** Saves a template through the extension's own messaging, as the options page would. */
async function saveTemplate(
  popup: Page,
  template: { id: string; category: string; language: string; title: string; body: string },
): Promise<void> {
  await popup.evaluate(async (saved) => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    await chrome.runtime.sendMessage({ type: 'templates/save', template: { ...saved, position: 0 } });
  }, template);
}

test('an unknown placeholder is named in the preview and keeps Review off', async ({ page, openPopup }) => {
  await saveTemplate(await openPopup(), {
    id: 'with-placeholders',
    category: 'care',
    language: 'en',
    title: 'Order follow-up',
    body: 'Hi {first_name}, about "{comment_excerpt}": your code is {discount_code}.',
  });
  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const composer = await openPopup();
  await showCategory(composer, 'Customer care');
  await composer.getByRole('radio', { name: 'Order follow-up' }).check();
  await expect(composer.locator('output')).toHaveText(
    'Hi Giulia, about "The hazelnut one, obviously ☕": your code is {discount_code}.',
  );
  await expect(composer.locator('.placeholder-warning')).toHaveText(
    'Not a placeholder Page Outreach knows, so it would go out as written: {discount_code}. Fix or remove it to review the message.',
  );
  await expect(composer.getByRole('button', { name: 'Review message' })).toBeDisabled();
});

test.describe('in an Italian browser', () => {
  test.use({ uiLanguage: 'it' });

  test('{nome} blocks Review in the preview and in the edited text, until it is gone', async ({
    page,
    openPopup,
  }) => {
    await saveTemplate(await openPopup(), {
      id: 'typo',
      category: 'thanks',
      language: 'it',
      title: 'Grazie con un errore',
      body: 'Ciao {nome}, grazie!',
    });
    await page.goto(DEMO_POSTS.it.url);
    await page.getByRole('button', { name: 'Invia messaggio a Marco Bianchi' }).click();
    const composer = await openPopup();
    await showCategory(composer, 'Ringraziamento');
    await composer.getByRole('radio', { name: 'Grazie con un errore' }).check();
    const review = composer.getByRole('button', { name: 'Rivedi il messaggio' });
    await expect(composer.locator('.placeholder-warning')).toHaveText(
      "Segnaposto sconosciuto, verrebbe inviato così com'è: {nome}. Correggilo o toglilo per rivedere il messaggio.",
    );
    await expect(review).toBeDisabled();
    // The button says why it is off: it is described by the warning.
    await expect(review).toHaveAccessibleDescription(/^Segnaposto sconosciuto/);

    await composer.getByRole('button', { name: 'Modifica questo messaggio' }).click();
    const text = composer.getByRole('textbox', { name: /Marco Bianchi/ });
    await expect(text).toHaveValue('Ciao {nome}, grazie!');
    await expect(review).toBeDisabled();
    await text.fill('Ciao Marco, grazie!');
    await expect(review).toBeEnabled();
    await text.fill('Ciao Marco, usa il codice {coupon}!');
    await expect(composer.locator('.placeholder-warning')).toContainText('{coupon}');
    await expect(review).toBeDisabled();
  });
});

test('the keyboard alone picks a template, reviews and sends', async ({ page, openPopup }) => {
  await pick(page);
  const popup = await openPopup();
  await popup.getByRole('radio', { name: 'Thank you for commenting' }).focus();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('radio', { name: 'Thanks for being a loyal fan' })).toBeChecked();
  await popup.keyboard.press('ControlOrMeta+Enter');
  await expect(popup.getByRole('dialog', { name: 'Send this message to Giulia Rossi?' })).toBeVisible();
  await popup.keyboard.press('ControlOrMeta+Enter');
  await expect(popup.getByText(PREPARED)).toBeVisible();
});

test('searching narrows the templates, and the one last sent is picked again next time', async ({
  page,
  openPopup,
}) => {
  await pick(page, 'Marco Bianchi');
  const popup = await openPopup();
  await popup.getByPlaceholder('Search templates').fill('WARNING');
  await expect(popup.getByRole('radio')).toHaveCount(2);
  await popup.getByPlaceholder('Search templates').fill('zzz');
  await expect(popup.getByText('No template matches “zzz”.')).toBeVisible();
  await popup.getByPlaceholder('Search templates').fill('');
  await sendTemplate(popup, "Let's sort it out privately", 'Customer care');

  await page.getByRole('button', { name: 'Send message to Sara Neri' }).click();
  const next = await openPopup();
  await expect(next.getByRole('radio', { name: "Let's sort it out privately" })).toBeChecked();
});

test('the fan’s history shows at a glance on the target card', async ({ page, openPopup }) => {
  await pick(page);
  const first = await openPopup();
  await sendTemplate(first, 'Friendly warning', 'Pre-ban warning');

  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).last().click();
  const second = await openPopup();
  await expect(second.locator('.history')).toHaveText('Warned just now · 1 pre-ban warning');
});
