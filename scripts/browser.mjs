// @ts-check
/**
 * Finds (or installs) browsers that can load our unpacked builds, and launches Chromium with ours. Used
 * by `npm start`, the end-to-end tests and `.ci/run`. Branded Google Chrome no longer accepts
 * `--load-extension`, so we look for Chromium: $CHROME_PATH first, then Debian's package; and for
 * Firefox ESR ($FIREFOX_PATH, then Debian's firefox-esr).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';

/**
 * @typedef {{ name: string; environment: string; debianPackage: string; candidates: string[] }} BrowserSpec
 * @type {Record<'chromium' | 'firefox', BrowserSpec>}
 */
export const BROWSERS = {
  chromium: {
    name: 'Chromium',
    environment: 'CHROME_PATH',
    debianPackage: 'chromium',
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
  },
  // Firefox ESR accepts temporary unsigned add-ons, which is what the Firefox tests install.
  firefox: {
    name: 'Firefox',
    environment: 'FIREFOX_PATH',
    debianPackage: 'firefox-esr',
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
  },
};

/** @param {BrowserSpec} spec */
export function findBrowser(spec) {
  const fromEnvironment = process.env[spec.environment];
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment;
    throw new Error(`${spec.environment} is set to ${fromEnvironment}, which does not exist.`);
  }
  return spec.candidates.find((path) => existsSync(path)) ?? null;
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/**
 * Returns the browser's path, installing Debian's package when we have the rights to; otherwise
 * fails with the one command that installs it.
 * @param {BrowserSpec} spec
 */
export function ensureBrowser(spec) {
  const found = findBrowser(spec);
  if (found) return found;
  const command = `sudo apt-get update && sudo apt-get install -y ${spec.debianPackage}`;
  if (!canInstallWithApt()) {
    throw new Error(`No ${spec.name} found. Install it with:\n  ${command}\nor set ${spec.environment}.`);
  }
  console.log(`No ${spec.name} found: installing Debian’s ${spec.debianPackage} package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', spec.debianPackage], { stdio: 'inherit', env });
  const installed = findBrowser(spec);
  if (!installed) throw new Error(`apt-get finished but no ${spec.name} binary was found.`);
  return installed;
}

/**
 * Flags for a quiet, offline Chromium: without the background-networking ones it keeps trying to
 * reach Google's services, which this machine's closed network refuses.
 */
const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
];

/**
 * The demo's window (`npm start`): a laptop-sized window whose page follows its size, so when the side
 * panel docks on the right the page narrows beside it and Facebook's chat, docked bottom right of the
 * page, stays in view. (Playwright's default, a fixed 1280×720 page, would slide under the panel.)
 */
export const DEMO_WINDOW = { width: 1366, height: 860 };

/**
 * Launches Chromium with the built extension in a fresh profile; `extensionPath: null` launches the
 * same browser without it, the baseline for benchmarks. `demoWindow` gives it the demo's window.
 * @param {{ extensionPath?: string | null; headless?: boolean; language?: string; userDataDir?: string; demoWindow?: boolean }} [options]
 */
export async function launchWithExtension(options = {}) {
  const extensionPath =
    options.extensionPath === null ? null : resolve(options.extensionPath ?? 'dist/chrome');
  if (extensionPath && !existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionPath}: run \`npm run build\` first.`);
  }
  const language = options.language ?? 'en';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'page-outreach-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureBrowser(BROWSERS.chromium),
    headless: options.headless ?? true,
    locale: language,
    ...(options.demoWindow ? { viewport: null } : {}),
    // The extension's UI language follows the browser's, which Chromium on Linux reads from these.
    env: { ...process.env, LANGUAGE: language, LANG: `${language}.UTF-8` },
    args: [
      ...(extensionPath
        ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`]
        : []),
      `--lang=${language}`,
      ...(options.demoWindow ? [`--window-size=${DEMO_WINDOW.width},${DEMO_WINDOW.height}`] : []),
      ...QUIET_FLAGS,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  // A profile we made is ours to remove once Chromium has exited (its 'close' event comes while the
  // browser still writes); one the caller passed is kept for its next launch.
  if (!options.userDataDir) {
    const close = context.close.bind(context);
    context.close = async (closeOptions) => {
      await close(closeOptions);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    };
  }
  return context;
}

/**
 * Launches Firefox ESR headless, ready for temporary add-ons. Playwright's Firefox needs its own patched
 * build, so this drives the system Firefox over WebDriver BiDi with puppeteer-core instead.
 */
export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureBrowser(BROWSERS.firefox),
    headless: true,
    extraPrefsFirefox: { 'xpinstall.signatures.required': false },
  });
}

/**
 * Installs a built Firefox extension as a temporary add-on; returns its id. Each install gets a new
 * internal UUID, so a fresh origin: storage and databases start empty.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} [path]
 */
export function installFirefoxExtension(browser, path = 'dist/firefox') {
  const extensionPath = resolve(path);
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionPath}: run \`npm run build\` first.`);
  }
  return browser.installExtension(extensionPath);
}

/**
 * The extension's id, read from its service worker's URL.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function extensionId(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

// `node scripts/browser.mjs [chromium|firefox] [--install]` prints (or installs, then prints) the path.
if (import.meta.url === `file://${process.argv[1]}`) {
  const spec = process.argv.includes('firefox') ? BROWSERS.firefox : BROWSERS.chromium;
  try {
    console.log(
      process.argv.includes('--install') ? ensureBrowser(spec) : (findBrowser(spec) ?? 'not found'),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
