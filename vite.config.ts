import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { noDynamicCode } from './build/no-dynamic-code';
import { packageFields } from './build/package-fields';

const TARGETS = ['chrome', 'firefox'] as const;
type Target = (typeof TARGETS)[number];
/**
 * Test builds (`chrome-test`, `firefox-test`, in dist/<mode>): end-to-end tests may point the Graph
 * API at a local stub, the Graph host is granted up front (tests cannot click a permission prompt),
 * and Firefox's opens the popup in a tab on install, since tests may not navigate to extension pages
 * there. Release builds hold none of this.
 */
const TEST_SUFFIX = '-test';
const ANY_HTTPS_HOST = 'https://*/*';
/** Where the tests' stubs and team server listen: plain http on this machine, in test builds only. */
const LOOPBACK_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];
const LOOPBACK_SOURCES = 'http://localhost:* http://127.0.0.1:*';
/** Where each browser keeps its optional hosts (the Graph API, team servers) until the admin grants one. */
const OPTIONAL_HOSTS_KEY: Record<Target, string> = {
  chrome: '{{chrome}}.optional_host_permissions',
  firefox: '{{firefox}}.optional_permissions',
};

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// One manifest.json for both browsers: `{{chrome}}.` / `{{firefox}}.` key prefixes are resolved by the
// plugin; the version (and the tracker, homepage_url) always come from package.json so the two builds
// can never disagree.
export default defineConfig(({ mode }) => {
  const testBuild = mode.endsWith(TEST_SUFFIX);
  const browser = testBuild ? mode.slice(0, -TEST_SUFFIX.length) : mode;
  const target: Target = TARGETS.find((name) => name === browser) ?? 'chrome';
  return {
    define: {
      __TEST_BUILD__: JSON.stringify(testBuild),
      __TEST_OPENS_POPUP__: JSON.stringify(testBuild && target === 'firefox'),
    },
    publicDir: 'public',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      // BUILD_OUT_DIR builds elsewhere (the packaging test's reproducibility check): the plugin's own
      // steps follow this setting, not vite's --outDir flag.
      outDir: process.env.BUILD_OUT_DIR ?? `dist/${testBuild ? mode : target}`,
      emptyOutDir: true,
      // Readable bundles make store review and our own bundle audits easier; size is gzip-measured anyway.
      minify: process.env.MINIFY !== 'false',
      sourcemap: false,
    },
    plugins: [
      noDynamicCode(),
      webExtension({
        browser: target,
        manifest: () => {
          const manifest: Record<string, unknown> = {
            ...readJson('manifest.json'),
            ...packageFields(readJson('package.json')),
          };
          // Tests cannot click a permission prompt: the test build holds the Graph host and loopback (where
          // the tests' stubs and team server listen) at once; never every https host. A release build
          // reaches no plain-http host at all.
          if (testBuild) {
            const optional = [...(manifest[OPTIONAL_HOSTS_KEY[target]] as string[]), ...LOOPBACK_HOSTS];
            manifest[OPTIONAL_HOSTS_KEY[target]] = optional;
            manifest.host_permissions = optional.filter((host) => host !== ANY_HTTPS_HOST);
            const csp = manifest.content_security_policy as { extension_pages: string };
            csp.extension_pages = csp.extension_pages.replace('https:;', `https: ${LOOPBACK_SOURCES};`);
          }
          return manifest;
        },
        // Validation downloads a JSON schema from the network, which these machines cannot reach;
        // both browsers validate the manifest when the e2e tests and web-ext lint load the build.
        skipManifestValidation: true,
        disableAutoLaunch: true,
        // The full-page log is opened from the popup, not named in the manifest; the side panel's page
        // is named under a key the plugin does not read (side_panel, sidebar_action).
        additionalInputs: ['src/log/index.html', 'src/popup/panel.html'],
      }),
    ],
  };
});
