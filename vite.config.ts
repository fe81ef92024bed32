import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';

const TARGETS = ['chrome', 'firefox'] as const;
type Target = (typeof TARGETS)[number];
/**
 * The test build: Chrome's, in dist/chrome-test, where end-to-end tests may point the Graph API at a
 * local stub and the Graph host is granted up front (tests cannot click a permission prompt).
 */
const TEST_MODE = 'chrome-test';

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// One manifest.json for both browsers: `{{chrome}}.` / `{{firefox}}.` key prefixes are resolved by the
// plugin; the version always comes from package.json so the two builds can never disagree.
export default defineConfig(({ mode }) => {
  const target: Target = TARGETS.find((name) => name === mode) ?? 'chrome';
  const testBuild = mode === TEST_MODE;
  return {
    define: { __TEST_BUILD__: JSON.stringify(testBuild) },
    publicDir: 'public',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: testBuild ? `dist/${TEST_MODE}` : `dist/${target}`,
      emptyOutDir: true,
      // Readable bundles make store review and our own bundle audits easier; size is gzip-measured anyway.
      minify: process.env.MINIFY !== 'false',
      sourcemap: false,
    },
    plugins: [
      webExtension({
        browser: target,
        manifest: () => {
          const manifest: Record<string, unknown> = {
            ...readJson('manifest.json'),
            version: readJson('package.json').version,
          };
          // Tests cannot click a permission prompt: the test build holds the optional Graph host at once.
          if (testBuild) manifest.host_permissions = manifest['{{chrome}}.optional_host_permissions'];
          return manifest;
        },
        // Validation downloads a JSON schema from the network, which these machines cannot reach;
        // both browsers validate the manifest when the e2e tests and web-ext lint load the build.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        // The full-page log is opened from the popup, not named in the manifest.
        additionalInputs: ['src/log/index.html'],
      }),
    ],
  };
});
