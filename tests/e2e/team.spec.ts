import { extensionId as idOf, launchWithExtension } from '../../scripts/browser.mjs';
import { DEMO_POSTS, routeFacebook } from '../fixtures/facebook-routes.mjs';
import { startCouchServer, type CouchServer } from '../team/couch-process.mjs';
import {
  categoryVerdict,
  expect,
  HEAVY_EXPECT_TIMEOUT_MS,
  openFanDetails,
  PREPARED,
  sendTemplate,
  showCategory,
  storedEntries,
  test,
  type BrowserContext,
  type Page,
  type Worker,
} from './extension-test';

// The test build holds loopback, where the team server listens: no permission prompt to click.
test.use({ extensionPath: 'dist/chrome-test' });

/** A customer-care template: the one kind of message a fan marked "do not contact" may still get. */
const CARE_TEMPLATE = "Let's sort it out privately";
/** The demo post's Page, as its comments name it. */
const DEMO_PAGE = 'acmecoffee';

// A server of its own per test: each test sets up the demo Page's team afresh.
let couch: CouchServer;
test.beforeEach(async () => (couch = await startCouchServer()));
test.afterEach(() => couch.stop());

async function openOptions(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await idOf(context)}/src/options/index.html`);
  return page;
}

/** The invite the last set-up made for Mal, a third member who talks to the server directly. */
let malInvite = '';

/** The Page's owner sets up its team from the options page; returns the invite made for Bea. */
async function setUpTeam(options: Page, pageId = DEMO_PAGE): Promise<string> {
  await options.getByText('Set up a team (for the Page’s owner)').click();
  await options.getByLabel('Page', { exact: true }).selectOption({ label: 'Another Page…' });
  await options.getByLabel('Page id (as in its address, facebook.com/…)').fill(pageId);
  await options.getByLabel('Page name').fill('Acme Coffee');
  await options.getByLabel('Team server address').fill(couch.url);
  await options.getByLabel('Server admin name').fill(couch.admin.user);
  await options.getByLabel('Server admin password').fill(couch.admin.password);
  await options.getByLabel('Your name on the team').fill('Ann');
  await options.getByLabel('The other admins’ names (one per line)').fill('Bea\nMal');
  await options.getByRole('button', { name: 'Set up the team' }).click();
  await expect(
    options.getByText('The team of Acme Coffee is ready, and this browser has joined it.'),
  ).toBeVisible();
  malInvite = await options.getByLabel('Invite for Mal').inputValue();
  return options.getByLabel('Invite for Bea').inputValue();
}

/**
 * Mal, a member of the team, writing to the server herself with her invite's credentials: what the
 * server answered each of her requests.
 */
async function asMal(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  // An invite is its prefix, then the account as base64url JSON.
  const encoded = malInvite.split(':').pop()!.replaceAll('-', '+').replaceAll('_', '/');
  const { server, database, user, password } = JSON.parse(
    Buffer.from(encoded, 'base64').toString('utf8'),
  ) as {
    server: string;
    database: string;
    user: string;
    password: string;
  };
  const response = await fetch(`${server}/${database}/${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${database}/${user}:${password}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

/** Every document of one kind on the team's server, as Mal reads them. */
async function documentsOf(
  kind: 'fan' | 'contact',
): Promise<Array<Record<string, unknown> & { _id: string }>> {
  const range = `startkey=${encodeURIComponent(`"${kind}:"`)}&endkey=${encodeURIComponent(`"${kind};"`)}`;
  const { body } = await asMal('GET', `_all_docs?include_docs=true&${range}`);
  return (body as { rows: Array<{ doc: Record<string, unknown> & { _id: string } }> }).rows.map(
    (row) => row.doc,
  );
}

async function join(context: BrowserContext, invite: string): Promise<Page> {
  const options = await openOptions(context);
  await options.getByLabel('Invite from the Page’s owner').fill(invite);
  await options.getByRole('button', { name: 'Join the team' }).click();
  await expect(options.getByRole('status')).toHaveText('You joined the team of Acme Coffee as “Bea”.');
  return options;
}

/** A second admin's own browser, with the facebook.com fixtures. */
async function secondBrowser(): Promise<BrowserContext> {
  const context = await launchWithExtension({ extensionPath: 'dist/chrome-test' });
  await routeFacebook(context);
  return context;
}

/** The admin clicks "Send message" under one of Giulia's comments and opens the popup. */
async function composeToGiulia(context: BrowserContext, which: 'first' | 'last'): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_POSTS.en.url);
  const action = page.getByRole('button', { name: 'Send message to Giulia Rossi' })[which]();
  await action.click();
  await expect(action).toHaveAttribute('aria-pressed', 'true');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await idOf(context)}/src/popup/index.html`);
  return popup;
}

/** The admin marks Giulia "do not contact" from the popup, and the box shows it. */
async function markGiuliaDoNotContact(context: BrowserContext): Promise<void> {
  const popup = await composeToGiulia(context, 'last');
  await openFanDetails(popup);
  const box = popup.getByRole('checkbox', { name: 'Do not contact this fan (customer care only)' });
  await box.check();
  await expect(box).toBeChecked();
}

/** Reviews a Thanks template (the comment's triage may have opened another category). */
async function review(popup: Page, title: string): Promise<void> {
  await showCategory(popup, 'Thanks');
  await popup.getByRole('radio', { name: title }).check();
  await popup.getByRole('button', { name: 'Review message' }).click();
}

const workerOf = async (context: BrowserContext): Promise<Worker> =>
  context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

test('the owner sets up the Page’s team, and another admin joins it from their own browser', async ({
  context,
}) => {
  const owner = await openOptions(context);
  const invite = await setUpTeam(owner, `acme${Date.now()}`);
  await expect(owner.getByText(`Acme Coffee: you are “Ann” on ${couch.url}.`)).toBeVisible();
  const second = await secondBrowser();
  try {
    const bea = await join(second, invite);
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
  await setUpTeam(owner);
  await owner.getByRole('button', { name: 'Leave the team of Acme Coffee' }).click();
  await expect(
    owner.getByText('You left the team of Acme Coffee: this browser uses its own limits again.'),
  ).toBeVisible();
  await expect(owner.getByRole('button', { name: /^Leave the team of/ })).toHaveCount(0);
});

test('the owner makes the team refuse sends its server cannot check, from the options page', async ({
  context,
}) => {
  const owner = await openOptions(context);
  await setUpTeam(owner);
  // The owner's changes take a server admin's password, typed for that change and not kept.
  await owner.getByText('Owner’s changes: the team’s settings, removing an admin').click();
  const tools = owner.getByRole('group').filter({ hasText: 'Owner’s changes' });
  await tools.getByLabel('Server admin name').fill(couch.admin.user);
  await tools.getByLabel('Server admin password').fill(couch.admin.password);
  const strict = tools.getByLabel(
    'Refuse a send when the team server cannot be checked (for the whole team)',
  );
  // Checked once the server has taken it: the box shows the team's setting, not a wish.
  await strict.click();
  await expect(
    owner.getByRole('status').filter({ hasText: 'The team’s settings are saved; every admin gets them' }),
  ).toBeVisible();
  await expect(strict).toBeChecked();
  await expect(tools.getByLabel('Server admin password')).toHaveValue('');
  await owner.reload();
  await owner.getByText('Owner’s changes: the team’s settings, removing an admin').click();
  await expect(strict).toBeChecked();
});

test('a gateway’s 403 does not remove the admin: the options page says so, and Check again clears it once the server answers', async ({
  context,
}) => {
  const owner = await openOptions(context);
  await setUpTeam(owner);
  const refused = owner.getByRole('alert').filter({ hasText: 'refused your account without confirming' });
  await couch.setOnline('gateway');
  try {
    await owner.getByRole('button', { name: 'Sync now' }).click();
    await expect(refused).toBeVisible();
    await expect(owner.getByText('The team server no longer accepts you')).toHaveCount(0);
  } finally {
    await couch.setOnline(true);
  }
  await owner.getByRole('button', { name: 'Check again' }).click();
  await expect(refused).toHaveCount(0);
  await expect(owner.getByRole('button', { name: 'Leave the team of Acme Coffee' })).toBeVisible();
});

test.describe('two admins of one Page, each in their own browser', () => {
  let second: BrowserContext;
  test.beforeEach(async ({ context }) => {
    const invite = await setUpTeam(await openOptions(context));
    second = await secondBrowser();
    await join(second, invite);
  });
  test.afterEach(() => second.close());

  test('when Ann has messaged a fan, Bea is refused that fan and told it was Ann, and until when', async ({
    context,
  }) => {
    await sendTemplate(await composeToGiulia(context, 'first'), 'Thank you for commenting');
    const bea = await composeToGiulia(second, 'last');
    // Said before she writes anything, once the team server has answered the popup.
    await expect(await categoryVerdict(bea, 'Thanks')).toContainText(
      /Giulia Rossi was thanked .+; next thank-you possible on .+\. It was Ann, of the Page’s team\./,
    );
    await bea.getByRole('radio', { name: 'Thanks for being a loyal fan' }).check();
    await expect(bea.getByRole('button', { name: 'Review message' })).toBeDisabled();
    // Bea holds Ann's message (her popup synced the team's log) and none of her own.
    expect((await storedEntries(await workerOf(second))).map((entry) => entry.author)).toEqual(['Ann']);
  });

  test('when both press Send for the same fan at the same moment, exactly one message is recorded', async ({
    context,
  }) => {
    const ann = await composeToGiulia(context, 'first');
    const bea = await composeToGiulia(second, 'last');
    await review(ann, 'Thank you for commenting');
    await review(bea, 'Thanks for being a loyal fan');
    await expect(ann.getByRole('dialog')).toContainText(
      'Checked first with the team of Acme Coffee (you are “Ann” there): of two admins sending to this fan at the same moment, only one can.',
    );
    await Promise.all([
      ann.getByRole('button', { name: 'Send', exact: true }).click(),
      bea.getByRole('button', { name: 'Send', exact: true }).click(),
    ]);
    const outcome = (popup: Page) => popup.locator('.outcome');
    await expect(outcome(ann)).toBeVisible();
    await expect(outcome(bea)).toBeVisible();
    const entries = [
      ...(await storedEntries(await workerOf(context))),
      ...(await storedEntries(await workerOf(second))),
    ];
    expect(entries).toHaveLength(1);
    const prepared = [await outcome(ann).textContent(), await outcome(bea).textContent()].filter((text) =>
      PREPARED.test(text ?? ''),
    );
    expect(prepared).toHaveLength(1);
  });

  test('when Bea marks a fan “do not contact”, Ann is refused everything but customer care', async ({
    context,
  }) => {
    await markGiuliaDoNotContact(second);

    const ann = await composeToGiulia(context, 'first');
    const marked =
      'Giulia Rossi is marked “do not contact”: only customer care is possible. It was Bea, of the Page’s team.';
    for (const category of ['Thanks', 'Promo', 'Pre-ban warning'])
      await expect(await categoryVerdict(ann, category)).toContainText(marked);
    await showCategory(ann, 'Thanks');
    await ann.getByRole('radio', { name: 'Thank you for commenting' }).check();
    await expect(ann.getByRole('button', { name: 'Review message' })).toBeDisabled();
    await showCategory(ann, 'Customer care');
    await ann.getByRole('radio', { name: CARE_TEMPLATE }).check();
    await expect(ann.getByRole('button', { name: 'Review message' })).toBeEnabled();
  });

  test('a third member writing to the server herself lifts no mark, hides no contact, blocks no other fan and forgets no fan in another’s name', async ({
    context,
  }) => {
    await sendTemplate(await composeToGiulia(context, 'first'), 'Thank you for commenting');
    await markGiuliaDoNotContact(second);

    // Bea's mark reaches the team server as soon as it is told (which a loaded machine may take a while to do).
    await expect
      .poll(async () => ((await documentsOf('fan'))[0]?.marks as unknown[] | undefined)?.length, {
        timeout: HEAVY_EXPECT_TIMEOUT_MS,
      })
      .toBe(1);
    const [fan] = await documentsOf('fan');
    const [contact] = await documentsOf('contact');
    // Erasing the mark and Ann's contact, over the revision read, and with a revision path of her own.
    expect((await asMal('PUT', encodeURIComponent(fan!._id), { ...fan, marks: [], recent: [] })).status).toBe(
      403,
    );
    const branch = {
      ...fan,
      _rev: '1000-ffff',
      _revisions: { start: 1000, ids: ['ffff'] },
      marks: [],
      recent: [],
    };
    expect((await asMal('POST', '_bulk_docs', { docs: [branch], new_edits: false })).body).toMatchObject([
      { error: 'forbidden' },
    ]);
    // Fifty far-future contacts, to block the Page's day for good.
    const future = Date.UTC(9999, 0, 1);
    const flood = Array.from({ length: 50 }, (_, index) => ({
      ...contact,
      _id: `contact:flood${index}:${future}:e${index}`,
      _rev: undefined,
      fanKey: `flood${index}`,
      entryId: `e${index}`,
      createdAt: future,
      author: 'Mal',
      category: 'care',
    }));
    const flooded = (await asMal('POST', '_bulk_docs', { docs: flood })).body as Array<{ error?: string }>;
    expect(flooded.every((answer) => answer.error === 'forbidden')).toBe(true);
    // Making every browser forget Giulia, in Ann's name.
    const inAnnsName = { ...contact, forgotten: true, forgottenBy: 'Ann', fanName: '', fanId: '', text: '' };
    expect((await asMal('PUT', encodeURIComponent(contact!._id), inAnnsName)).status).toBe(403);

    // Ann: Giulia is still marked (by Bea), and Bea still sees Ann's message to her.
    const ann = await composeToGiulia(context, 'last');
    await expect(await categoryVerdict(ann, 'Promo')).toContainText(
      'Giulia Rossi is marked “do not contact”: only customer care is possible. It was Bea, of the Page’s team.',
    );
    const beasEntries = await storedEntries(await workerOf(second));
    expect(beasEntries).toEqual(
      expect.arrayContaining([expect.objectContaining({ author: 'Ann', fanName: 'Giulia Rossi' })]),
    );
    // Another fan is not held by anything Mal wrote.
    const page = context.pages()[0]!;
    await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).first().click();
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${await idOf(context)}/src/popup/index.html`);
    await expect(popup.getByText('Marco Bianchi').first()).toBeVisible();
    // Held at most by this browser's own pace between sends, never by the Page's day or a teammate.
    const verdict = await categoryVerdict(popup, 'Thanks');
    await expect(verdict).not.toContainText('private messages in the last 24 hours');
    await expect(verdict).not.toContainText('of the Page’s team');
  });

  test('when Bea lifts Ann’s “do not contact” mark, Ann’s popup says who lifted it, and her own mark still holds', async ({
    context,
  }) => {
    await markGiuliaDoNotContact(context);
    const decisions = async (kind: 'marks' | 'lifts') =>
      ((await documentsOf('fan'))[0]?.[kind] as unknown[] | undefined)?.length ?? 0;
    await expect.poll(() => decisions('marks'), { timeout: HEAVY_EXPECT_TIMEOUT_MS }).toBe(1);
    const bea = await composeToGiulia(second, 'last');
    await openFanDetails(bea);
    const box = bea.getByRole('checkbox', { name: 'Do not contact this fan (customer care only)' });
    // Bea sees Ann's mark, and lifts it.
    await expect(box).toBeChecked();
    await box.uncheck();
    await expect(box).not.toBeChecked();
    await expect.poll(() => decisions('lifts'), { timeout: HEAVY_EXPECT_TIMEOUT_MS }).toBe(1);

    const ann = await composeToGiulia(context, 'first');
    await expect(
      ann.getByRole('status').filter({ hasText: 'Bea lifted your “do not contact” mark' }),
    ).toContainText('It still holds in this browser until you untick it below.');
    await expect(await categoryVerdict(ann, 'Thanks')).toContainText('is marked “do not contact”');
  });

  test('a template Ann shares with the team is offered to Bea as soon as she opens the popup', async ({
    context,
  }) => {
    const annOptions = await openOptions(context);
    await annOptions.getByRole('button', { name: 'New template' }).click();
    await annOptions.getByLabel('Category', { exact: true }).selectOption({ label: 'Customer care' });
    // A template is the admin's own unless they share it with a Page's team.
    await annOptions
      .getByLabel('Shared with', { exact: true })
      .selectOption({ label: 'The team of Acme Coffee' });
    await annOptions.getByLabel('Title', { exact: true }).fill('Order number');
    await annOptions
      .getByLabel('Message', { exact: true })
      .fill('Hi {first_name}, could you send us your order number?');
    await annOptions.getByRole('button', { name: 'Save template' }).click();
    await annOptions.getByRole('button', { name: 'Sync now' }).click();
    await expect(annOptions.getByText(/^Last synced .+; 0 waiting to be told\.$/)).toBeVisible();

    // Bea presses nothing: opening the popup syncs the team.
    const bea = await composeToGiulia(second, 'last');
    await showCategory(bea, 'Customer care');
    await bea.getByRole('radio', { name: 'Order number' }).check();
    await expect(bea.locator('output')).toHaveText('Hi Giulia, could you send us your order number?');
  });

  test('Ann’s message shows in Bea’s log with Ann’s name; when Bea forgets the fan, Ann’s copy is stripped too', async ({
    context,
  }) => {
    await sendTemplate(await composeToGiulia(context, 'first'), 'Thank you for commenting');
    const beaOptions = await openOptions(second);
    await beaOptions.getByRole('button', { name: 'Sync now' }).click();
    await expect(beaOptions.getByText(/^Last synced /)).toBeVisible();
    const bea = await composeToGiulia(second, 'last');
    await bea.getByRole('button', { name: 'Log' }).click();
    await expect(bea.getByText('sent by Ann (team)')).toBeVisible();
    await bea.reload();
    await openFanDetails(bea);
    await bea.getByRole('button', { name: 'Forget this fan…' }).click();
    await expect(bea.getByText(/Every admin of the Page’s team loses their copies too/)).toBeVisible();
    await bea.getByRole('button', { name: 'Forget Giulia Rossi' }).click();
    await expect(bea.getByRole('status').filter({ hasText: 'Giulia Rossi was forgotten' })).toBeVisible();

    const annOptions = await openOptions(context);
    await annOptions.getByRole('button', { name: 'Sync now' }).click();
    await expect(annOptions.getByText(/^Last synced .+; 0 waiting to be told\.$/)).toBeVisible();
    await expect
      .poll(async () => JSON.stringify(await storedEntries(await workerOf(context))))
      .toMatch(/"forgotten":true/);
    expect(JSON.stringify(await storedEntries(await workerOf(context)))).not.toContain('Giulia');
  });

  test('with the team server away, the popup says so; once it is back, the contact reaches the other admin and one over the limits is marked', async ({
    context,
  }) => {
    await sendTemplate(await composeToGiulia(context, 'first'), 'Thank you for commenting');
    await couch.setOnline(false);
    const bea = await composeToGiulia(second, 'last');
    await sendTemplate(bea, 'Thanks for being a loyal fan', 'Thanks');
    await expect(bea.getByText(/^The team server did not answer/)).toBeVisible();

    await couch.setOnline(true);
    const options = await openOptions(second);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect(options.getByText(/^Last synced .+; 0 waiting to be told\.$/)).toBeVisible();
    const entries = (await storedEntries(await workerOf(second))) as Array<{
      overTeamLimit?: boolean;
      author?: string;
    }>;
    // Bea's own message, beside her copy of Ann's from the team's log.
    expect(entries.find((entry) => entry.author === undefined)).toMatchObject({ overTeamLimit: true });
    expect(entries.find((entry) => entry.author !== undefined)).toMatchObject({ author: 'Ann' });
    await bea.reload();
    await bea.getByRole('button', { name: 'Log' }).click();
    await expect(bea.getByText('over the team’s limits (sent while the team server was away)')).toBeVisible();
  });
});
