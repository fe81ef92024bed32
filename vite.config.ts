import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';

const TARGETS = ['chrome', 'firefox'] as const;
type Target = (typeof TARGETS)[number];

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// One manifest.json for both browsers: `{{chrome}}.` / `{{firefox}}.` key prefixes are resolved by the
// plugin; the version always comes from package.json so the two builds can never disagree.
export default defineConfig(({ mode }) => {
  const target: Target = TARGETS.find((name) => name === mode) ?? 'chrome';
  return {
    publicDir: 'public',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Readable bundles make store review and our own bundle audits easier; size is gzip-measured anyway.
      minify: process.env.MINIFY !== 'false',
      sourcemap: false,
    },
    plugins: [
      webExtension({
        browser: target,
        manifest: () => ({ ...readJson('manifest.json'), version: readJson('package.json').version }),
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
