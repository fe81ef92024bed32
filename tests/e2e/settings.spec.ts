import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { categoryVerdict, expect, sendTemplate, test } from './extension-test';

const DAY_MS = 24 * 60 * 60 * 1000;

test('the weekly window set on the options page is the one the popup applies', async ({
  context,
  page,
  openPopup,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const window = options.getByLabel('Days between two messages to the same fan (not customer care)');
  await expect(window).toHaveValue('7');
  await window.fill('10');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');

  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const first = await openPopup();
  await sendTemplate(first, 'Thank you for commenting');
  await first.close();

  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).last().click();
  const second = await openPopup();
  const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(
    Date.now() + 10 * DAY_MS,
  );
  // Pre-ban warnings are held by the weekly window alone (promos also wait out quiet hours).
  await expect(await categoryVerdict(second, 'Pre-ban warning')).toHaveText(
    `Giulia Rossi was messaged just now; next message possible on ${day}.`,
  );
});

test('an out-of-range setting is flagged where it was typed and cannot be saved', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const cap = options.getByLabel('Private messages per Page in 24 hours');
  await cap.fill('0');
  await expect(cap).toHaveAttribute('aria-invalid', 'true');
  await expect(options.locator('#pageDailyMax-error')).toHaveText('Enter a whole number from 1 to 1000.');
  await expect(options.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  await options.reload();
  await expect(options.getByLabel('Private messages per Page in 24 hours')).toHaveValue('50');
});

test('restoring the defaults puts every number back', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await options.getByLabel('Customer-care messages per fan in 24 hours').fill('5');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');
  await options.reload();
  await expect(options.getByLabel('Customer-care messages per fan in 24 hours')).toHaveValue('5');
  await options.getByRole('button', { name: 'Restore defaults' }).click();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.reload();
  await expect(options.getByLabel('Customer-care messages per fan in 24 hours')).toHaveValue('3');
});

/** A time zone where the local hour is now `hour`, so the test never depends on when it runs. */
function zoneAtHour(hour: number): string {
  const now = Date.now();
  const zone = Intl.supportedValuesOf('timeZone').find(
    (candidate) =>
      Number(
        new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: candidate }).format(now),
      ) === hour,
  );
  if (!zone) throw new Error(`no time zone is at ${hour}:00 now`);
  return zone;
}

test('quiet hours follow the time zone picked on the options page', async ({
  context,
  page,
  openPopup,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const zone = options.getByLabel('Time zone of the quiet hours');
  await expect(zone.locator('option:checked')).toHaveText(/^This browser's \(.+\)$/);
  await zone.selectOption(zoneAtHour(3));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');

  await page.goto(DEMO_POSTS.en.url);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  const promoVerdict = async () => categoryVerdict(await openPopup(), 'Promo');
  await expect(await promoVerdict()).toHaveText(/^No promos during quiet hours/);

  await zone.selectOption(zoneAtHour(14));
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.reload();
  await expect(options.getByLabel('Time zone of the quiet hours')).toHaveValue(zoneAtHour(14));
  await expect(await promoVerdict()).toHaveText('Giulia Rossi can be messaged now.');
});

test('the time zone is found by typing its city: the list narrows to it, named with its offset, under its region', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const zone = options.getByLabel('Time zone of the quiet hours');
  await options.getByLabel('Find a time zone (city, region or offset)').fill('rome');
  // The browser's own zone, then Rome alone, in its region's group.
  await expect(zone.locator('option')).toHaveCount(2);
  const rome = zone.locator('optgroup[label="Europe"] option');
  await expect(rome).toHaveText(/^Rome \(UTC\+0[12]:00\)$/);
  await zone.selectOption('Europe/Rome');
  await options.getByLabel('Find a time zone (city, region or offset)').fill('tokyo');
  // The zone picked stays picked while the search shows others.
  await expect(zone).toHaveValue('Europe/Rome');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(options.getByRole('status')).toHaveText('Settings saved.');
  await options.reload();
  await expect(options.getByLabel('Time zone of the quiet hours')).toHaveValue('Europe/Rome');
});
