import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { expect, test } from './extension-test';

/**
 * The real side panel, driven over the DevTools protocol: Playwright lists tabs, not the side
 * panel's page, so its one target is attached to by hand and scripted with `Runtime.evaluate`.
 */
class SidePanel {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: { result?: { result: { value?: unknown } } }) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as { id: number; result?: { result: { value?: unknown } } };
      this.waiting.get(reply.id)?.(reply);
    });
  }

  /** The side panel open beside `page`, once the browser has made it. */
  static async of(context: BrowserContext, page: Page): Promise<SidePanel> {
    const cdp = await context.newCDPSession(page);
    let targetId = '';
    await expect
      .poll(async () => {
        const { targetInfos } = await cdp.send('Target.getTargets');
        targetId = targetInfos.find((target) => target.url.endsWith('/src/popup/panel.html'))?.targetId ?? '';
        return targetId;
      })
      .not.toBe('');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new SidePanel(cdp, sessionId);
  }

  /** The value of `expression` in the side panel's page. */
  async evaluate<T>(expression: string): Promise<T> {
    const id = (this.nextId += 1);
    const replied = new Promise<{ result?: { result: { value?: unknown } } }>((resolve) =>
      this.waiting.set(id, resolve),
    );
    const message = JSON.stringify({
      id,
      method: 'Runtime.evaluate',
      params: { expression, returnByValue: true },
    });
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message });
    return (await replied).result?.result.value as T;
  }

  /** Clicks the first element matching `selector` once it is there; true when it was. */
  click(selector: string): Promise<boolean> {
    return this.evaluate(`(() => { const element = document.querySelector(${JSON.stringify(selector)});
      element?.click(); return Boolean(element); })()`);
  }
}

// The window `npm start` opens when it has a display (scripts/start.mjs), headless here.
test.use({ demoWindow: true });

test('in the demo window, Facebook’s chat stays in view beside the side panel after Send', async ({
  context,
  page,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const fullWidth = await page.evaluate(() => innerWidth);
  await page.getByRole('button', { name: 'Send message to Giulia Rossi' }).first().click();
  // The panel docks on the right and the page narrows beside it, rather than sliding under it.
  await expect.poll(() => page.evaluate(() => innerWidth)).toBeLessThan(fullWidth);

  const panel = await SidePanel.of(context, page);
  await expect.poll(() => panel.click('input[type="radio"]')).toBe(true);
  await expect.poll(() => panel.click('button.send:not([disabled])')).toBe(true);
  await expect.poll(() => panel.click('.confirm .send')).toBe(true);
  const box = page.getByRole('dialog', { name: 'Chat with Giulia Rossi' });
  await expect(box.getByRole('textbox')).toHaveText(/^Hi Giulia/);

  await test
    .info()
    .attach('demo window after Send', { body: await page.screenshot(), contentType: 'image/png' });
  const panelWidth = await panel.evaluate<number>('innerWidth');
  const { innerWidth, innerHeight, outerWidth } = await page.evaluate(() => ({
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
    outerWidth: window.outerWidth,
  }));
  // Page and panel side by side within the window: nothing of the page is behind the panel…
  expect(innerWidth + panelWidth).toBeLessThanOrEqual(outerWidth);
  // …and the whole chat box is on the page's screen, on top where the admin presses Enter.
  const shown = (await box.boundingBox())!;
  expect(shown.x).toBeGreaterThanOrEqual(0);
  expect(shown.x + shown.width).toBeLessThanOrEqual(innerWidth);
  expect(shown.y + shown.height).toBeLessThanOrEqual(innerHeight);
  const textbox = (await box.getByRole('textbox').boundingBox())!;
  const onTop = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="dialog"]')?.getAttribute('aria-label'),
    { x: textbox.x + textbox.width / 2, y: textbox.y + textbox.height / 2 },
  );
  expect(onTop).toBe('Chat with Giulia Rossi');
});
