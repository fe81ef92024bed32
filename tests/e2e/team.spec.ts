import { launchWithExtension, extensionId as idOf } from '../../scripts/browser.mjs';
import { startCouchServer, type CouchServer } from '../team/couch-process.mjs';
import { expect, test, type BrowserContext, type Page } from './extension-test';

// The test build holds loopback, where the team server listens: no permission prompt to click.
test.use({ extensionPath: 'dist/chrome-test' });

let couch: CouchServer;
test.beforeAll(async () => (couch = await startCouchServer()));
test.afterAll(() => couch.stop());

async function openOptions(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await idOf(context)}/src/options/index.html`);
  return page;
}

/** The Page's owner sets up its team from the options page; returns the invite made for Bea. */
async function setUpTeam(options: Page, pageId: string): Promise<string> {
  await options.getByText('Set up a team (for the Page’s owner)').click();
  await options.getByLabel('Page', { exact: true }).selectOption({ label: 'Another Page…' });
  await options.getByLabel('Page id (as in its address, facebook.com/…)').fill(pageId);
  await options.getByLabel('Page name').fill('Acme Coffee');
  await options.getByLabel('Team server address').fill(couch.url);
  await options.getByLabel('Server admin name').fill(couch.admin.user);
  await options.getByLabel('Server admin password').fill(couch.admin.password);
  await options.getByLabel('Your name on the team').fill('Ann');
  await options.getByLabel('The other admins’ names (one per line)').fill('Bea');
  await options.getByRole('button', { name: 'Set up the team' }).click();
  await expect(
    options.getByText('The team of Acme Coffee is ready, and this browser has joined it.'),
  ).toBeVisible();
  return options.getByLabel('Invite for Bea').inputValue();
}

test('the owner sets up the Page’s team, and another admin joins it from their own browser', async ({
  context,
}) => {
  const pageId = `acme${Date.now()}`;
  const owner = await openOptions(context);
  const invite = await setUpTeam(owner, pageId);
  await expect(owner.getByText(`Acme Coffee: you are “Ann” on ${couch.url}.`)).toBeVisible();

  const second = await launchWithExtension({ extensionPath: 'dist/chrome-test' });
  try {
    const bea = await openOptions(second);
    await bea.getByLabel('Invite from the Page’s owner').fill(invite);
    await bea.getByRole('button', { name: 'Join the team' }).click();
    await expect(bea.getByRole('status')).toHaveText('You joined the team of Acme Coffee as “Bea”.');
    await expect(bea.getByText(`Acme Coffee: you are “Bea” on ${couch.url}.`)).toBeVisible();
  } finally {
    await second.close();
  }
});

test('a pasted text that is not an invite is refused with a clear error, and no team is joined', async ({
  context,
}) => {
  const options = await openOptions(context);
  await options.getByLabel('Invite from the Page’s owner').fill('join us at https://couch.example');
  await options.getByRole('button', { name: 'Join the team' }).click();
  await expect(options.getByRole('alert')).toHaveText(
    'This is not a Page Outreach team invite, or part of it is missing. Paste the whole invite as the Page’s owner sent it. Nothing was changed.',
  );
  await expect(options.getByRole('button', { name: /^Leave the team of/ })).toHaveCount(0);
});

test('leaving a team takes this browser back to its own limits', async ({ context }) => {
  const owner = await openOptions(context);
  await setUpTeam(owner, `acme${Date.now()}`);
  await owner.getByRole('button', { name: 'Leave the team of Acme Coffee' }).click();
  await expect(
    owner.getByText('You left the team of Acme Coffee: this browser uses its own limits again.'),
  ).toBeVisible();
  await expect(owner.getByRole('button', { name: /^Leave the team of/ })).toHaveCount(0);
});
