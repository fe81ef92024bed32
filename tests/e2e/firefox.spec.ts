import { expect, test } from '@playwright/test';
import { launchFirefoxWithExtension } from '../../scripts/browser.mjs';
import { DEMO_POSTS, fixtureResponse } from '../fixtures/facebook-routes.mjs';

const ACTION = 'button[data-page-outreach="send-message"]';

test('the Firefox build loads, adds the action to every fan comment and hands a click to its background', async () => {
  const { browser, addonId } = await launchFirefoxWithExtension();
  try {
    expect(addonId).toBe('page-outreach@page-outreach.dev');
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void request.respond(fixtureResponse(request.url())));
    await page.goto(DEMO_POSTS.en.url);
    await page.waitForSelector(ACTION);
    const names = await page.$$eval(ACTION, (buttons) =>
      buttons.map((button) => button.getAttribute('aria-label')),
    );
    expect(names).toEqual([
      'Send message to Giulia Rossi',
      'Send message to Luca Verdi',
      'Send message to Marco Bianchi',
      'Send message to Sara Neri',
      'Send message to Paolo Galli',
      'Send message to Giulia Rossi',
    ]);
    // The action is marked pressed only once the background has accepted the comment as the target.
    await page.click(ACTION);
    await page.waitForSelector(`${ACTION}[aria-pressed="true"]`);
  } finally {
    await browser.close();
  }
});
