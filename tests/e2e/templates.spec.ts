import { readFileSync } from 'node:fs';
import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { expect, showCategory, test, type Page } from './extension-test';

const templateTitles = (options: Page) => options.locator('.template-title');

test.beforeEach(async ({ context, extensionId }) => {
  const options = context.pages()[0]!;
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await expect(templateTitles(options)).toHaveCount(16);
});

test('a template created, edited, duplicated, moved and deleted on the options page is what the popup offers', async ({
  context,
  page: options,
  openPopup,
}) => {
  await options.getByRole('button', { name: 'New template' }).click();
  await options.getByLabel('Category', { exact: true }).selectOption({ label: 'Customer care' });
  await options.getByLabel('Title', { exact: true }).fill('Order number');
  await options
    .getByLabel('Message', { exact: true })
    .fill('Hi {first_name}, could you send us your order number?');
  await options.getByRole('button', { name: 'Save template' }).click();
  await expect(templateTitles(options).last()).toHaveText('Order number');

  await options.getByRole('button', { name: 'Edit: Order number' }).click();
  await options.getByLabel('Title', { exact: true }).fill('Your order number');
  await options.getByRole('button', { name: 'Save template' }).click();
  await options.getByRole('button', { name: 'Duplicate: Your order number' }).click();
  await options.getByRole('button', { name: 'Save template' }).click();
  await expect(templateTitles(options).last()).toHaveText('Your order number (copy)');
  await options.getByRole('button', { name: 'Move “Your order number (copy)” up' }).click();
  await expect(templateTitles(options).nth(-2)).toHaveText('Your order number (copy)');
  await options.getByRole('button', { name: 'Delete: Your order number (copy)' }).click();
  await options.getByRole('button', { name: 'Delete “Your order number (copy)”' }).click();
  await expect(templateTitles(options)).toHaveCount(17);

  const facebook = await context.newPage();
  await facebook.goto(DEMO_POSTS.en.url);
  await facebook.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await showCategory(popup, 'Customer care');
  await expect(popup.getByRole('radio')).toHaveCount(3);
  await popup.getByRole('radio', { name: 'Your order number' }).check();
  await expect(popup.locator('output')).toHaveText('Hi Giulia, could you send us your order number?');
});

test('a template without a title or message is flagged where it was typed and not saved', async ({
  page: options,
}) => {
  await options.getByRole('button', { name: 'New template' }).click();
  await options.getByRole('button', { name: 'Save template' }).click();
  await expect(options.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(options.locator('#template-title-error')).toHaveText('Give the template a title.');
  await expect(options.locator('#template-body-error')).toHaveText('Write the message.');
  await options.getByRole('button', { name: 'Cancel' }).click();
  await expect(templateTitles(options)).toHaveCount(16);
});

test('exported templates and settings re-import unchanged; a file with mistakes changes nothing', async ({
  page: options,
}) => {
  const downloaded = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export templates and settings' }).click();
  const file = readFileSync((await (await downloaded).path())!, 'utf8');
  const exported = JSON.parse(file);
  expect(exported).toMatchObject({ format: 'page-outreach/templates-and-settings', version: 1 });
  expect(exported.templates).toHaveLength(16);

  const before = await templateTitles(options).allTextContents();
  const broken = { ...exported, templates: [{ ...exported.templates[0], category: 'spam' }] };
  await options.getByLabel('Replace all templates with those in the file').check();
  await options.getByLabel('Import a file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(options.getByRole('alert')).toHaveText(
    'This file cannot be imported: check templates.0.category. Nothing was changed.',
  );
  await options.getByLabel('Import a file').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not json'),
  });
  await expect(options.getByRole('alert')).toHaveText('“notes.txt” is not a JSON file. Nothing was changed.');
  await options.reload();
  await expect(templateTitles(options)).toHaveText(before);

  const renamed = { ...exported, templates: [{ ...exported.templates[0], title: 'Imported thanks' }] };
  await options.getByLabel('Replace all templates with those in the file').check();
  await options.getByLabel('Import a file').setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(renamed)),
  });
  await expect(options.getByRole('status')).toHaveText('Imported 1 template.');
  await expect(templateTitles(options)).toHaveText(['Imported thanks']);
});

test('a placeholder of the Page’s own, defined on the options page, is filled in the popup', async ({
  context,
  page: options,
  openPopup,
}) => {
  await options.getByRole('button', { name: 'Add a placeholder' }).click();
  await options.getByLabel('Name', { exact: true }).fill('first_name');
  await expect(options.locator('#placeholder-error-0')).toHaveText(
    '{first_name} is built in and filled from the comment.',
  );
  await expect(options.getByRole('button', { name: 'Save placeholders' })).toBeDisabled();
  await options.getByLabel('Name', { exact: true }).fill('discount_code');
  await options.getByLabel('Value', { exact: true }).fill('WELCOME10');
  await options.getByRole('button', { name: 'Save placeholders' }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');

  await options.getByRole('button', { name: 'New template' }).click();
  await options.getByLabel('Category', { exact: true }).selectOption({ label: 'Promo' });
  await options.getByLabel('Title', { exact: true }).fill('Welcome code');
  await options.getByLabel('Message', { exact: true }).fill('Hi {first_name}, your code is {discount_code}.');
  await options.getByRole('button', { name: 'Save template' }).click();

  const facebook = await context.newPage();
  await facebook.goto(DEMO_POSTS.en.url);
  await facebook.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const popup = await openPopup();
  await showCategory(popup, 'Promo');
  await popup.getByRole('radio', { name: 'Welcome code' }).check();
  await expect(popup.locator('output')).toHaveText('Hi Giulia, your code is WELCOME10.');
  await expect(popup.locator('.placeholder-warning')).toHaveCount(0);
});

test.describe('in an Italian browser', () => {
  test.use({ uiLanguage: 'it' });

  test('the editor refuses {nome}, inserts a placeholder from its menu, and the new Italian template is offered at once', async ({
    context,
    page: options,
    openPopup,
  }) => {
    await options.getByRole('button', { name: 'Nuovo modello' }).click();
    await options.getByLabel('Titolo', { exact: true }).fill('Grazie speciale');
    const body = options.getByLabel('Messaggio', { exact: true });
    await body.fill('Ciao {nome}, grazie!');
    await options.getByRole('button', { name: 'Salva modello' }).click();
    await expect(options.getByText(/^Segnaposto sconosciuto: \{nome\}\./)).toBeVisible();
    await expect(templateTitles(options)).toHaveCount(16);

    // The admin puts the caret after "Ciao " and picks the fan's first name from the menu.
    await body.fill('Ciao , grazie!');
    await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(5, 5));
    await options.getByLabel('Inserisci un segnaposto').selectOption('first_name');
    await expect(body).toHaveValue('Ciao {first_name}, grazie!');
    await options.getByRole('button', { name: 'Salva modello' }).click();
    await expect(templateTitles(options)).toHaveCount(17);

    const facebook = await context.newPage();
    await facebook.goto(DEMO_POSTS.it.url);
    await facebook.getByRole('button', { name: 'Invia messaggio a Marco Bianchi' }).click();
    const popup = await openPopup();
    await showCategory(popup, 'Ringraziamento');
    await popup.getByRole('radio', { name: 'Grazie speciale' }).check();
    await expect(popup.locator('output')).toHaveText('Ciao Marco, grazie!');
  });
});
