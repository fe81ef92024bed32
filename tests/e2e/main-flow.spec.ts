import { DEMO_POSTS, fixtureResponse } from '../fixtures/facebook-routes.mjs';
import {
  categoryTab,
  categoryVerdict,
  expect,
  showCategory,
  test,
  type ExtensionGlobals,
  type Page,
  sendTemplate,
  storedEntries,
  PREPARED,
} from './extension-test';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** More than the default pace between two sends (20 s). */
const PACE_SKIP_MS = 25_000;

async function pickTarget(page: Page, name: string, which: 'first' | 'last' = 'first') {
  await page.getByRole('button', { name })[which]().click();
}

test.describe('sending from a comment', () => {
  test('click, pick a Thanks template, preview, send through Facebook’s box, and see it in the log', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Giulia Rossi');

    const popup = await openPopup();
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('To Giulia Rossi');
    await expect(popup.locator('.comment')).toHaveText('The hazelnut one, obviously ☕');
    // Each kind of message is a tab that says whether it is possible now (promos wait out quiet hours).
    for (const category of ['Thanks', 'Pre-ban warning', 'Customer care']) {
      await expect(categoryTab(popup, category)).toHaveAccessibleDescription('possible now');
    }
    await expect(categoryTab(popup, 'Promo')).toHaveAccessibleDescription(/^possible/);

    await popup.getByRole('radio', { name: 'Thank you for commenting' }).check();
    await expect(popup.locator('.verdict')).toHaveText('Giulia Rossi can be messaged now.');
    const preview = popup.locator('output');
    await expect(preview).toHaveText(/^Hi Giulia, thank you for your comment! .* at Acme Coffee\./);
    const finalText = await preview.textContent();

    await popup.getByRole('button', { name: 'Review message' }).click();
    await popup.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(popup.getByText(PREPARED)).toHaveText(/for Giulia Rossi\./);
    const box = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' });
    await expect(box.getByRole('textbox')).toHaveText(finalText!);
    await box.getByRole('button', { name: 'Press Enter to send' }).click();

    await popup.getByRole('button', { name: 'Log' }).click();
    const rows = popup.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('td')).toHaveText([
      'Giulia Rossi',
      'Thanks',
      'Thank you for commenting',
      /\d/,
      'Sent',
    ]);
    const entries = await storedEntries(background);
    expect(entries).toMatchObject([
      { fanName: 'Giulia Rossi', commentId: '456', status: 'sent', text: finalText },
    ]);
  });

  test('a second message to the same fan through another comment is refused, with the reason and next date', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Giulia Rossi', 'first');
    const first = await openPopup();
    await sendTemplate(first, 'Thank you for commenting');
    const [sent] = await storedEntries(background);
    await first.close();

    await pickTarget(page, 'Send message to Giulia Rossi', 'last');
    const second = await openPopup();
    await expect(second.locator('.comment')).toHaveText('Also, do you ship to Rome?');
    const day = (time: number) =>
      new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(time);
    // Each kind of message the fan cannot get now says why and until when, before anything is picked.
    await expect(categoryTab(second, 'Pre-ban warning')).toHaveAccessibleDescription(/^possible from /);
    await expect(await categoryVerdict(second, 'Pre-ban warning')).toHaveText(
      `Giulia Rossi was messaged just now; next message possible on ${day(sent!.createdAt + WEEK_MS)}.`,
    );
    await showCategory(second, 'Thanks');
    await second.getByRole('radio', { name: 'Thanks for being a loyal fan' }).check();
    await expect(second.locator('.verdict')).toHaveText(
      `Giulia Rossi was thanked just now; next thank-you possible on ${day(sent!.createdAt + 2 * WEEK_MS)}.`,
    );
    await expect(second.getByRole('button', { name: 'Review message' })).toBeDisabled();
    // Customer care answers the fan and is exempt from the weekly rule: only the short pace between two
    // sends holds it back.
    await expect(await categoryVerdict(second, 'Customer care')).toHaveText(
      /^You just sent a message: the next one is possible at /,
    );

    // Even a request that skips the disabled button is refused by the background, and writes nothing.
    const reply = await second.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({
        type: 'outreach/reserve',
        commentId: '459',
        category: 'thanks',
        templateId: 'default-thanks-2-en',
        text: 'Hi again!',
      }),
    );
    expect(reply).toMatchObject({
      ok: true,
      data: { entry: null, verdict: { allowed: false, rule: 'thanks-window' } },
    });
    expect(await storedEntries(background)).toHaveLength(1);
  });

  test('a soft limit can be overridden with a reason, which the log keeps', async ({ page, openPopup }) => {
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Giulia Rossi', 'first');
    const first = await openPopup();
    await sendTemplate(first, 'Thank you for commenting');
    await first.close();

    await pickTarget(page, 'Send message to Giulia Rossi', 'last');
    const second = await openPopup();
    await showCategory(second, 'Thanks');
    await second.getByRole('radio', { name: 'Thanks for being a loyal fan' }).check();
    const review = second.getByRole('button', { name: 'Review message' });
    await expect(review).toBeDisabled();
    await second.getByLabel(/^Send anyway\? Say why/).fill('She asked about the event in her comment');
    await review.click();
    await expect(
      second.getByText('limit overridden: She asked about the event in her comment'),
    ).toBeVisible();
    await second.getByRole('button', { name: 'Send anyway' }).click();
    await expect(second.getByText(PREPARED)).toBeVisible();
    await second.getByRole('button', { name: 'Log' }).click();
    await expect(second.locator('tbody tr')).toHaveCount(2);
    await expect(second.locator('tbody tr').first().locator('td').nth(4)).toHaveText(
      "In Facebook's box — press Send there · limit overridden: She asked about the event in her comment",
    );
  });

  test('a log left open shows a message sent from another popup without reopening', async ({
    page,
    openPopup,
  }) => {
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Giulia Rossi');
    const log = await openPopup();
    await log.getByRole('button', { name: 'Log' }).click();
    await expect(log.getByText('No messages yet.')).toBeVisible();

    const composer = await openPopup();
    await composer.getByRole('radio', { name: 'Thank you for commenting' }).check();
    await composer.getByRole('button', { name: 'Review message' }).click();
    await composer.getByRole('button', { name: 'Send', exact: true }).click();

    await expect(log.locator('tbody tr')).toHaveCount(1);
    await expect(log.locator('tbody td').first()).toHaveText('Giulia Rossi');
  });

  test('picking a second pre-ban warning for a fan suggests banning instead', async ({ page, openPopup }) => {
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Giulia Rossi', 'first');
    const first = await openPopup();
    await showCategory(first, 'Pre-ban warning');
    await first.getByRole('radio', { name: 'Friendly warning' }).check();
    await expect(first.locator('.strike')).toHaveCount(0);
    await first.getByRole('button', { name: 'Review message' }).click();
    await first.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(first.getByText(PREPARED)).toBeVisible();
    await first.close();

    await pickTarget(page, 'Send message to Giulia Rossi', 'last');
    const second = await openPopup();
    await showCategory(second, 'Pre-ban warning');
    await second.getByRole('radio', { name: 'Last warning before a ban' }).check();
    await expect(second.locator('.strike')).toHaveText(
      'This would be warning no. 2 for Giulia Rossi within 90 days: consider banning instead.',
    );
  });

  test('of 20 simultaneous send requests for one comment exactly one is recorded', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Sara Neri');
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('To Sara Neri');
    const replies = await popup.evaluate(() =>
      Promise.all(
        Array.from({ length: 20 }, () =>
          (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({
            type: 'outreach/reserve',
            commentId: '458',
            category: 'warning',
            templateId: 'default-warning-1-en',
            text: 'Please keep it respectful.',
          }),
        ),
      ),
    );
    const recorded = replies.filter((reply) => (reply as { data: { entry: unknown } }).data.entry !== null);
    expect(recorded).toHaveLength(1);
    expect(await storedEntries(background)).toHaveLength(1);
  });

  test('a comment older than 7 days cannot be answered privately, whatever the template or reason', async ({
    page,
    openPopup,
  }) => {
    const post = fixtureResponse(DEMO_POSTS.en.url);
    // Giulia's comment, shown by Facebook as 2 weeks old.
    await page.route(DEMO_POSTS.en.url, (route) =>
      route.fulfill({ ...post, body: post.body.replace('>2d</a', '>2w</a') }),
    );
    await page.goto(DEMO_POSTS.en.url);
    await pickTarget(page, 'Send message to Giulia Rossi');
    const popup = await openPopup();
    for (const [category, template] of [
      ['Thanks', 'Thank you for commenting'],
      ['Customer care', "Let's sort it out privately"],
    ] as const) {
      await showCategory(popup, category);
      await popup.getByRole('radio', { name: template }).check();
      await expect(popup.locator('.verdict')).toHaveText(
        'This comment was written 14 days ago: Facebook allows a private reply only within 7 days of a comment.',
      );
      await expect(popup.getByRole('button', { name: 'Review message' })).toBeDisabled();
    }
    await expect(popup.getByLabel(/^Send anyway\?/)).toHaveCount(0);
  });

  test('a click the page scripts itself does not pick a target', async ({ page, openPopup }) => {
    await page.goto(DEMO_POSTS.en.url);
    await page
      .getByRole('button', { name: 'Send message to Marco Bianchi' })
      .evaluate((button: HTMLElement) => {
        button.click();
      });
    const popup = await openPopup();
    await expect(popup.getByText(/^Click “Send message” beside a fan's comment/)).toBeVisible();
  });
});

test.describe('Italian browser', () => {
  test.use({ uiLanguage: 'it' });

  test('the popup speaks Italian and fills the Italian template', async ({ page, openPopup }) => {
    await page.goto(DEMO_POSTS.it.url);
    await pickTarget(page, 'Invia messaggio a Marco Bianchi');
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('A Marco Bianchi');
    for (const category of ['Ringraziamento', 'Avviso pre-ban', 'Assistenza clienti']) {
      await expect(categoryTab(popup, category)).toHaveAccessibleDescription('possibile ora');
    }
    await showCategory(popup, 'Ringraziamento');
    await popup.getByRole('radio', { name: 'Grazie per il commento' }).check();
    await expect(popup.locator('output')).toHaveText(
      /^Ciao Marco, grazie per il tuo commento! Per tutti noi di Caffè Aurora /,
    );
    await popup.getByRole('button', { name: 'Rivedi il messaggio' }).click();
    await expect(
      popup.getByRole('heading', { name: 'Inviare questo messaggio a Marco Bianchi?' }),
    ).toBeVisible();
    await popup.getByRole('button', { name: 'Invia', exact: true }).click();
    await expect(
      popup.getByText(/^Il messaggio è nella casella dei messaggi di Facebook per Marco Bianchi\./),
    ).toBeVisible();
    await popup.getByRole('button', { name: 'Registro' }).click();
    await expect(popup.locator('tbody tr td').nth(4)).toHaveText(
      'Nella casella di Facebook — premi Invia lì',
    );

    const opened = popup.context().waitForEvent('page');
    await popup.getByRole('link', { name: 'Apri il registro completo' }).click();
    const log = await opened;
    await expect(log.getByRole('heading', { name: 'Registro dei contatti' })).toBeVisible();
    await expect(log.getByText('1 messaggio su 1')).toBeVisible();
    await expect(log.getByRole('cell', { name: 'Ringraziamento' })).toBeVisible();
  });
  test('after a send the popup offers no second confirmation, and a pace refusal turns into “possible now” when its time passes, without a click', async ({
    page,
    openPopup,
    background,
  }) => {
    await page.goto(DEMO_POSTS.it.url);
    await pickTarget(page, 'Invia messaggio a Marco Bianchi');
    const first = await openPopup();
    await showCategory(first, 'Ringraziamento');
    await first.getByRole('radio', { name: 'Grazie per il commento' }).check();
    await first.getByRole('button', { name: 'Rivedi il messaggio' }).click();
    await first.getByRole('button', { name: 'Invia', exact: true }).click();
    await expect(first.getByText(/^Il messaggio è nella casella dei messaggi di Facebook/)).toBeVisible();
    // The same popup follows the send: no second confirmation for this comment, Marco's history says
    // what was just sent, and the way on is the next comment.
    await expect(first.getByRole('button', { name: 'Rivedi il messaggio' })).toHaveCount(0);
    await expect(first.getByText(/^Ringraziamento inviato/)).toBeVisible();
    await expect(first.getByRole('button', { name: 'Commento successivo' })).toBeFocused();

    await pickTarget(page, 'Invia messaggio a Luca Verdi');
    const popup = await openPopup();
    // Fake clocks, not a wait: the popup's timers, and the background's own time, both move on 25 s.
    await popup.clock.install();
    await popup.reload();
    const thanks = await categoryVerdict(popup, 'Ringraziamento');
    await expect(thanks).toContainText('il prossimo è possibile alle');
    await popup.getByRole('radio', { name: 'Grazie per il commento' }).check();
    await expect(popup.getByRole('button', { name: 'Rivedi il messaggio' })).toBeDisabled();
    await background.evaluate((skip) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + skip;
    }, PACE_SKIP_MS);
    await popup.clock.fastForward(PACE_SKIP_MS);
    await expect(thanks).toHaveText('Puoi scrivere a Luca Verdi adesso.');
    await popup.getByRole('radio', { name: 'Grazie per il commento' }).check();
    await expect(popup.getByRole('button', { name: 'Rivedi il messaggio' })).toBeEnabled();
  });
});
