import { readFileSync } from 'node:fs';
import { csvDateTime } from '../../src/log/csv';
import { BACKUP_PART_CHARS } from '../../src/shared/backup-parts';
import { seedLog } from '../fixtures/seed-log.mjs';
import {
  chooseBackupToRestore,
  expect,
  HEAVY_EXPECT_TIMEOUT_MS,
  HEAVY_TEST_TIMEOUT_MS,
  test,
  type BrowserContext,
  type ExtensionGlobals,
  type Page,
  type Worker,
} from './extension-test';

const SEEDED = 10_000;
const SEED = { count: SEEDED, fans: 2000, days: 60, pages: 3 };

async function openLog(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/src/log/index.html`);
}

async function seed(
  background: Worker,
  page: Page,
  extensionId: string,
  count = SEEDED,
  textChars = 0,
): Promise<void> {
  // The worker creates the database on its first request; the popup makes one.
  await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await expect(page.getByText(/^Click “Send message”/)).toBeVisible();
  await background.evaluate(seedLog, { ...SEED, count, textChars, now: Date.now() });
  await openLog(page, extensionId);
  await expect(page.getByText(`Showing ${count} of ${count} messages`)).toBeVisible({
    timeout: HEAVY_EXPECT_TIMEOUT_MS,
  });
}

const rows = (page: Page) => page.locator('.log-row');
/** The first row of the table as shown (rows are positioned, so their DOM order may differ). */
const firstRow = (page: Page) => page.locator('.log-row[aria-rowindex="2"]');

test.describe('the full-page log with 10,000 entries', () => {
  test.beforeEach(async ({ background, page, extensionId }) => seed(background, page, extensionId));

  test('search ignores case and accents, and filters combine', async ({ page }) => {
    await page.getByLabel('Search fan or message').fill('ZOE ROSSI 1908');
    await expect(page.getByText(`Showing 5 of ${SEEDED} messages`)).toBeVisible();
    await expect(firstRow(page).getByRole('button', { name: 'Zoë Rossi 1908', exact: true })).toBeVisible();
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Pre-ban warning' });
    await expect(page.getByText(`Showing 0 of ${SEEDED} messages`)).toBeVisible();
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Thanks' });
    await expect(page.getByText(`Showing 5 of ${SEEDED} messages`)).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Unknown — check the inbox' });
    await expect(page.getByText(`Showing ${SEEDED / 50} of ${SEEDED} messages`)).toBeVisible();
  });

  test('a date range keeps whole days, from the first to the last', async ({ page }) => {
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toLocaleDateString('sv');
    await page.getByLabel('From', { exact: true }).fill(day(0));
    await page.getByLabel('To', { exact: true }).fill(day(0));
    const today = Number((await page.locator('.count').textContent())!.match(/Showing (\d+)/)![1]);
    expect(today).toBeGreaterThan(0);
    expect(today).toBeLessThan(SEEDED);
    await page.getByLabel('From', { exact: true }).fill(day(60));
    await expect(page.getByText(`Showing ${SEEDED} of ${SEEDED} messages`)).toBeVisible();
  });

  test('columns sort both ways, and a fan’s name opens their history', async ({ page }) => {
    await page.getByRole('button', { name: 'Fan' }).click();
    await expect(page.getByRole('columnheader', { name: 'Fan' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(firstRow(page).getByRole('button').first()).toHaveText('Andrea Bianchi 19');
    await page.getByRole('button', { name: 'Fan' }).click();
    await expect(firstRow(page).getByRole('button').first()).toHaveText('Zoë Verdi 1928');
    await firstRow(page).getByRole('button', { name: 'Zoë Verdi 1928', exact: true }).click();
    await expect(page.getByText('History of Zoë Verdi 1928')).toBeVisible();
    await expect(page.getByText(`Showing 5 of ${SEEDED} messages`)).toBeVisible();
  });

  test('only the rows in view are rendered, and scrolling to the end shows the oldest', async ({ page }) => {
    expect(await rows(page).count()).toBeLessThan(100);
    await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(SEEDED + 1));
    await page.locator('.log-viewport').evaluate((viewport) => viewport.scrollTo(0, viewport.scrollHeight));
    await expect(rows(page).last()).toHaveAttribute('aria-rowindex', String(SEEDED + 1));
    expect(await rows(page).count()).toBeLessThan(100);
  });

  test('a deleted entry can be put back with Undo', async ({ page }) => {
    const first = await firstRow(page).getByRole('button').first().textContent();
    await rows(page)
      .first()
      .getByRole('button', { name: /^Delete the message to/ })
      .click();
    await expect(page.getByText(`Showing ${SEEDED - 1} of ${SEEDED - 1} messages`)).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(`Message to ${first} deleted from the log. Undo`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(`Showing ${SEEDED} of ${SEEDED} messages`)).toBeVisible();
    await page.reload();
    await expect(page.getByText(`Showing ${SEEDED} of ${SEEDED} messages`)).toBeVisible();
    await expect(firstRow(page).getByRole('button').first()).toHaveText(first!);
  });
});

test('the CSV export neutralizes cells a spreadsheet would run as formulas and keeps accents', async ({
  background,
  page,
  extensionId,
}) => {
  await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await expect(page.getByText(/^Click “Send message”/)).toBeVisible();
  await background.evaluate(seedLog, { count: 1, fans: 1, days: 1, pages: 1, now: Date.now() });
  await background.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('page-outreach');
        open.onsuccess = () => {
          const tx = open.result.transaction('outreach', 'readwrite');
          const store = tx.objectStore('outreach');
          const get = store.get('00000000-0000-4000-8000-000000000000');
          get.onsuccess = () =>
            store.put({
              ...get.result,
              fanName: '=HYPERLINK("https://evil.example","Niccolò")',
              text: '+SUM(1,2) perché',
              templateTitle: '@import',
              pageName: '-1+1',
            });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await openLog(page, extensionId);
  await expect(page.getByText('Showing 1 of 1 message')).toBeVisible();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const bytes = readFileSync((await (await downloaded).path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, row] = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(header).toBe(
    'Time (UTC),Page,Fan,Profile,Category,Template,Status,Message,Reason for overriding a limit,Sent as edited in Facebook',
  );
  const cells = row!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  expect(cells[1]).toBe("'-1+1");
  expect(cells[2]).toBe('"\'=HYPERLINK(""https://evil.example"",""Niccolò"")"');
  expect(cells[5]).toBe("'@import");
  expect(cells[7]).toBe('"\'+SUM(1,2) perché"');
});

test.describe('in an Italian browser', () => {
  test.use({ uiLanguage: 'it' });

  test('the CSV splits on “;” into one cell per column, with times in the admin’s time zone', async ({
    background,
    page,
    extensionId,
  }) => {
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    await expect(page.getByText(/^Fai clic su “Invia messaggio”/)).toBeVisible();
    // The admin works in New York; the browser runs in UTC.
    await page.evaluate(async () => {
      const { runtime } = (globalThis as unknown as ExtensionGlobals).chrome;
      const { data } = (await runtime.sendMessage({ type: 'settings/get' })) as {
        data: { settings: object };
      };
      await runtime.sendMessage({
        type: 'settings/set',
        settings: { ...data.settings, timeZone: 'America/New_York' },
      });
    });
    await background.evaluate(seedLog, { count: 1, fans: 1, days: 1, pages: 1, now: Date.now() });
    const createdAt = await background.evaluate(
      () =>
        new Promise<number>((resolve) => {
          indexedDB.open('page-outreach').onsuccess = (event) => {
            const db = (event.target as IDBOpenDBRequest).result;
            const get = db.transaction('outreach').objectStore('outreach').getAll();
            get.onsuccess = () => resolve((get.result[0] as { createdAt: number }).createdAt);
          };
        }),
    );
    await openLog(page, extensionId);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta CSV' }).click();
    const text = readFileSync((await (await downloaded).path())!, 'utf8').slice(1);
    const [header, row] = text.split('\r\n').map((line) => line.split(';'));
    expect(header).toHaveLength(10);
    expect(header![0]).toBe('Ora (America/New_York)');
    expect(row).toHaveLength(10);
    expect(row![0]).toBe(csvDateTime(createdAt, 'America/New_York'));
  });
});

test('the popup’s log links to the full-page log', async ({ openPopup, context }) => {
  const popup = await openPopup();
  await popup.getByRole('button', { name: 'Log' }).click();
  const opened = context.waitForEvent('page');
  await popup.getByRole('link', { name: 'Open the full log' }).click();
  const log = await opened;
  await expect(log.getByRole('heading', { name: 'Outreach log' })).toBeVisible();
});

/**
 * Enough entries for a backup bigger than one message can carry (BACKUP_PART_CHARS), each with a long
 * message (about 2.5 kB in all) so that few are needed.
 */
const BEYOND_ONE_PART = 4_500;
const LONG_MESSAGE_CHARS = 1_900;

/** Settings, where backup and restore live. */
async function openSettings(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  return options;
}

test('a backup bigger than one message, made and restored in Settings, restores the log exactly', async ({
  background,
  context,
  page,
  extensionId,
}) => {
  test.setTimeout(HEAVY_TEST_TIMEOUT_MS);
  await seed(background, page, extensionId, BEYOND_ONE_PART, LONG_MESSAGE_CHARS);
  const options = await openSettings(context, extensionId);
  const downloaded = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Back up everything' }).click();
  const backup = readFileSync((await (await downloaded).path())!);
  expect(backup.length).toBeGreaterThan(BACKUP_PART_CHARS);
  expect(JSON.parse(backup.toString('utf8'))).toMatchObject({ format: 'page-outreach/backup', version: 1 });

  await firstRow(page)
    .getByRole('button', { name: /^Delete the message to/ })
    .click();
  const fewer = BEYOND_ONE_PART - 1;
  await expect(page.getByText(`Showing ${fewer} of ${fewer} messages`)).toBeVisible();
  await chooseBackupToRestore(options, backup);
  await expect(options.getByRole('status').filter({ hasText: 'Backup restored' })).toHaveText(
    `Backup restored: ${BEYOND_ONE_PART} log entries.`,
    { timeout: HEAVY_EXPECT_TIMEOUT_MS },
  );
  // The open log follows the restore by itself.
  await expect(page.getByText(`Showing ${BEYOND_ONE_PART} of ${BEYOND_ONE_PART} messages`)).toBeVisible({
    timeout: HEAVY_EXPECT_TIMEOUT_MS,
  });
});

test('in Settings, a file that is not JSON is refused as a backup with a clear error', async ({
  context,
  extensionId,
}) => {
  const options = await openSettings(context, extensionId);
  await options.getByLabel('Restore a backup').setInputFiles({
    name: 'page-outreach-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "page-outreach/backup", '),
  });
  await expect(options.getByRole('alert')).toHaveText(
    'This file is not a Page Outreach backup: it is not JSON. Nothing was changed.',
  );
});

test('a fan can be forgotten from their history in the log; their entries stay as anonymous counts', async ({
  background,
  page,
  extensionId,
}) => {
  await seed(background, page, extensionId);
  await page.getByLabel('Search fan or message').fill('ZOE ROSSI 1908');
  await firstRow(page).getByRole('button', { name: 'Zoë Rossi 1908', exact: true }).click();
  await page.getByRole('button', { name: 'Forget this fan…' }).click();
  await page.getByRole('button', { name: 'Forget Zoë Rossi 1908' }).click();
  await expect(page.getByText(`Showing 0 of ${SEEDED} messages`)).toBeVisible();
  await page.getByLabel('Search fan or message').fill('');
  await page.getByLabel('Search fan or message').fill('Forgotten fan');
  await expect(page.getByText(`Showing 0 of ${SEEDED} messages`)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Fan', exact: true }).click();
  await expect(firstRow(page).getByRole('button').first()).toHaveText('Forgotten fan');
  await expect(page.getByRole('button', { name: 'Forgotten fan', exact: true })).toHaveCount(5);
});
