// @ts-check
/**
 * Finds (or installs) a Chromium that can load unpacked extensions, and launches it with ours. Used by
 * `npm start`, the end-to-end tests and `.ci/run`. Branded Google Chrome no longer accepts
 * `--load-extension`, so we look for Chromium: $CHROME_PATH first, then Debian's package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

export function findChromium() {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment;
    throw new Error(`CHROME_PATH is set to ${fromEnvironment}, which does not exist.`);
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** Returns a Chromium path, installing Debian's package when we have the rights to. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new Error(`No Chromium found. Install it with:\n  ${INSTALL_COMMAND}\nor set CHROME_PATH.`);
  }
  console.log('No Chromium found: installing Debian’s chromium package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = findChromium();
  if (!installed) throw new Error('apt-get finished but no Chromium binary was found.');
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
 * Launches Chromium with the built extension in a fresh profile.
 * @param {{ extensionPath?: string; headless?: boolean; language?: string; userDataDir?: string }} [options]
 */
export async function launchWithExtension(options = {}) {
  const extensionPath = resolve(options.extensionPath ?? 'dist/chrome');
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionPath}: run \`npm run build\` first.`);
  }
  const language = options.language ?? 'en';
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'page-outreach-profile-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    locale: language,
    // The extension's UI language follows the browser's, which Chromium on Linux reads from these.
    env: { ...process.env, LANGUAGE: language, LANG: `${language}.UTF-8` },
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      `--lang=${language}`,
      ...QUIET_FLAGS,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

/**
 * The extension's id, read from its service worker's URL.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function extensionId(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(process.argv.includes('--install') ? ensureChromium() : (findChromium() ?? 'not found'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
