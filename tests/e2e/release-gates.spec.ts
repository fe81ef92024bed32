import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_POSTS } from '../fixtures/facebook-routes.mjs';
import { FACEBOOK_DESKTOP_ORIGINS } from '../../src/shared/facebook-hosts';
import { expect, test } from './extension-test';

/**
 * Everything the extension may ask the browser for; adding one is a decision, not a side effect.
 * Chrome's side panel needs `sidePanel` (no install warning); Firefox's sidebar needs none.
 */
const ALLOWED_PERMISSIONS = {
  chrome: ['alarms', 'clipboardWrite', 'sidePanel', 'storage', 'unlimitedStorage'],
  firefox: ['alarms', 'clipboardWrite', 'storage', 'unlimitedStorage'],
};
/** Facebook's desktop site on each of its hosts, as the background and the adapter accept it. */
const FACEBOOK = FACEBOOK_DESKTOP_ORIGINS.map((origin) => `${origin}/*`);
/**
 * Asked for one at a time: the Graph API's when the admin connects a Page to it; a team server's own
 * https origin when the admin joins its team. Plain http on this computer only in test builds.
 */
const OPTIONAL_HOSTS = ['https://graph.facebook.com/*', 'https://*/*'];
const LOOPBACK = ['http://localhost/*', 'http://127.0.0.1/*'];
const BUILDS = ['chrome', 'firefox'] as const;

function manifestOf(build: (typeof BUILDS)[number]): Record<string, unknown> {
  return JSON.parse(readFileSync(join('dist', build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

function filesOf(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

for (const build of BUILDS) {
  test.describe(`the ${build} build`, () => {
    test('asks for exactly the allowed permissions and reaches only facebook.com', () => {
      const manifest = manifestOf(build);
      expect([...(manifest.permissions as string[])].sort()).toEqual(ALLOWED_PERMISSIONS[build]);
      expect(manifest.host_permissions ?? []).toEqual([]);
      const optional =
        build === 'chrome' ? manifest.optional_host_permissions : manifest.optional_permissions;
      expect(optional).toEqual(OPTIONAL_HOSTS);
      const scripts = manifest.content_scripts as Array<{ matches: string[] }>;
      expect(scripts.flatMap((script) => script.matches)).toEqual(FACEBOOK);
      expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.permissions).not.toContain('tabs');
    });

    test('reaches plain http on this computer only in its test build', () => {
      const release = JSON.stringify(manifestOf(build));
      expect(release).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
      const testBuild = JSON.parse(
        readFileSync(join('dist', `${build}-test`, 'manifest.json'), 'utf8'),
      ) as Record<string, unknown>;
      expect(testBuild.host_permissions).toEqual(expect.arrayContaining(LOOPBACK));
      const csp = (testBuild.content_security_policy as { extension_pages: string }).extension_pages;
      expect(csp).toContain('http://127.0.0.1:*');
    });

    test('cannot be pointed at another Graph API: that hook exists only in test builds', () => {
      const scripts = filesOf(join('dist', build)).filter((file) => file.endsWith('.js'));
      for (const script of scripts) expect(readFileSync(script, 'utf8')).not.toContain('test:graphBaseUrl');
      const testBuild = filesOf(join('dist', 'chrome-test')).filter((file) => file.endsWith('.js'));
      expect(testBuild.some((script) => readFileSync(script, 'utf8').includes('test:graphBaseUrl'))).toBe(
        true,
      );
    });

    test('holds no code made from strings and writes no HTML from strings', () => {
      const forbidden = [
        /\beval\s*\(/,
        /\bnew\s+Function\b/,
        /\bFunction\s*\(/,
        // Taking the constructor under another name, as libraries do to hide it.
        /[=:]\s*Function\s*[;,)}]/,
        /\.(?:inner|outer)HTML\s*=(?!=)/,
        /\binsertAdjacentHTML\b/,
        /\bdocument\.write(?:ln)?\s*\(/,
      ];
      for (const script of filesOf(join('dist', build)).filter((file) => file.endsWith('.js'))) {
        const code = readFileSync(script, 'utf8');
        for (const pattern of forbidden) expect(code, `${script} matches ${pattern}`).not.toMatch(pattern);
      }
    });

    test('lets no web page or other extension talk to it, and runs only its own scripts', () => {
      const manifest = manifestOf(build);
      // Firefox has no externally_connectable: no page or extension can message it at all.
      if (build === 'chrome') expect(manifest.externally_connectable).toEqual({ ids: [] });
      const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
      // connect-src cannot name the team server, which the admin chooses: requests are kept to the two
      // network modules by lint instead (tests/unit/lint-gates.test.ts).
      expect(csp).toBe(
        "script-src 'self'; object-src 'self'; connect-src 'self' https:; base-uri 'none'; form-action 'none'",
      );
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    });

    test('names the oldest browser whose APIs it uses, and in Firefox what it may send with consent', () => {
      const manifest = manifestOf(build);
      if (build === 'chrome') {
        // URL.canParse, which the worker uses to read senders, came in Chrome 120.
        expect(manifest.minimum_chrome_version).toBe('120');
        return;
      }
      const gecko = (manifest.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
      // Nothing by default; the Graph API path sends message texts to Facebook, with the admin's consent.
      expect(gecko.data_collection_permissions).toEqual({
        required: ['none'],
        optional: ['personalCommunications', 'personallyIdentifyingInfo'],
      });
    });

    test('ships no inline scripts and no scripts from other hosts', () => {
      const files = filesOf(join('dist', build));
      for (const page of files.filter((file) => file.endsWith('.html'))) {
        const html = readFileSync(page, 'utf8');
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
        for (const [, attributes, body] of scripts) {
          expect(body!.trim(), `${page} has an inline script`).toBe('');
          expect(attributes, `${page} loads a script from elsewhere`).toMatch(/src="\/[^"]+\.js"/);
        }
      }
      for (const script of files.filter((file) => file.endsWith('.js'))) {
        expect(readFileSync(script, 'utf8'), `${script} imports from the network`).not.toMatch(
          /import\s*\(?\s*["']https?:|importScripts\(/,
        );
      }
    });
  });
}

test('a facebook.com page cannot fetch any of the extension’s files, so it cannot detect it', async ({
  page,
  extensionId,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  const reachable = await page.evaluate(async (id) => {
    const found: string[] = [];
    for (const path of [
      'manifest.json',
      'src/popup/index.html',
      'icons/icon-16.png',
      'src/content/index.js',
    ]) {
      try {
        await fetch(`chrome-extension://${id}/${path}`);
        found.push(path);
      } catch {
        // Refused, as it should be.
      }
    }
    return found;
  }, extensionId);
  expect(reachable).toEqual([]);
});

test('the egress audit catches a request from the extension’s pages to another host', async ({
  context,
  extensionId,
  egress,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await page.evaluate(() => void (new Image().src = 'https://tracker.example/pixel'));
  await expect.poll(() => egress.violations.length).toBe(1);
  expect(egress.violations).toEqual(['https://tracker.example/pixel']);
  // Seen, so proven: the audit would fail this test otherwise.
  egress.violations.length = 0;
});

test('the worker listens to no navigation, so browsing other sites never wakes it', async ({
  background,
}) => {
  const listens = await background.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: Record<string, { hasListeners(): boolean }>; webNavigation?: unknown };
    };
    return {
      updated: chrome.tabs.onUpdated!.hasListeners(),
      activated: chrome.tabs.onActivated!.hasListeners(),
      webNavigation: chrome.webNavigation !== undefined,
    };
  });
  expect(listens).toEqual({ updated: false, activated: false, webNavigation: false });
});
