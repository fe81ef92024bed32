import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __TEST_BUILD__: 'true', __TEST_OPENS_POPUP__: 'false' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // Unit tests run outside a browser extension: a small in-memory stand-in replaces the polyfill.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('tests/unit/fake-browser.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/team/**/*.test.ts'],
    setupFiles: ['tests/unit/extension-global.ts'],
    environmentOptions: { happyDOM: { url: 'https://www.facebook.com/' } },
    // The JSON report feeds the pass/fail summary that .ci/run prints.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
