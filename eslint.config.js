// @ts-check
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The extension's parts: each talks to the others only through messages, and shares code via src/shared. */
const LAYERS = ['content', 'background', 'popup', 'options', 'log'];

/** The background's core, by folder: it reaches team mode only through the port it declares (team-port.ts). */
const BACKGROUND_CORE = [
  'compose',
  'delivery',
  'discretion',
  'fans',
  'graph',
  'messaging',
  'outreach',
  'policy',
  'settings',
  'storage',
  'transfer',
  'index.ts',
  'maintenance.ts',
  'handler-map.ts',
  'request.ts',
  'team-port.ts',
].map((part) => `./src/background/${part}`);

/** The only modules that make network requests. */
const NETWORK_MODULES = ['src/background/graph/graph-request.ts', 'src/background/team/couch-http.ts'];

/** Page-derived text must only ever reach the DOM as text. */
const UNSAFE_HTML_SINKS = ['innerHTML', 'outerHTML'];

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'test-results/', 'playwright-report/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Without this, import-x reads only .js modules when it follows imports (no-cycle among them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Leaving a field out of a copy (`const { secret, ...rest } = record`) is not an unused variable.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-properties': [
        'error',
        ...UNSAFE_HTML_SINKS.map((property) => ({
          property,
          message: 'Render page-derived text as text only.',
        })),
        { property: 'insertAdjacentHTML', message: 'Render page-derived text as text only.' },
        { object: 'document', property: 'write', message: 'Render page-derived text as text only.' },
        { object: 'navigator', property: 'sendBeacon', message: 'No requests outside the network modules.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'Render text as text only.',
        },
        {
          selector: `AssignmentExpression > MemberExpression.left[property.name=/^(${UNSAFE_HTML_SINKS.join('|')})$/]`,
          message: 'Render page-derived text as text only.',
        },
        {
          selector: 'CallExpression[callee.name="eval"], NewExpression[callee.name="Function"]',
          message: 'No dynamic code.',
        },
      ],
      // Content script, background and extension pages talk only through messages; shared code lives in src/shared.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...LAYERS.map((layer) => ({
              target: `./src/${layer}`,
              from: LAYERS.filter((other) => other !== layer).map((other) => `./src/${other}`),
            })),
            { target: './src/shared', from: LAYERS.map((layer) => `./src/${layer}`) },
            // The policy is pure: it decides from what it is given, and imports nothing but shared code.
            {
              target: './src/background/policy',
              from: './src/background',
              except: ['./policy'],
              message: 'The policy imports only src/shared.',
            },
            // Team mode is a plug-in: only the composition root (app.ts) knows it.
            {
              target: BACKGROUND_CORE,
              from: './src/background/team',
              message: 'The core reaches team mode through team-port.ts; only app.ts imports team/.',
            },
            {
              target: './src/background/team',
              from: './src/background/messaging',
              message: 'Team mode never imports messaging/: its handlers are wired in app.ts.',
            },
          ],
        },
      ],
      // An import cycle ties modules into one, whatever the folders say. (The rule skips type-only imports;
      // tests/unit/codebase.test.ts counts them too.)
      'import-x/no-cycle': 'error',
    },
  },
  {
    // What leaves the browser goes through two modules: the Graph API's and the team server's. The CSP
    // cannot say so (the team server is the admin's choice), so lint does.
    files: ['src/**'],
    ignores: NETWORK_MODULES,
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
          name,
          message: `Network requests go through ${NETWORK_MODULES.join(' or ')} only.`,
        })),
      ],
    },
  },
  {
    // The content script runs on every facebook.com page: the polyfill's 3 kB stay out of it.
    files: ['src/content/**', 'src/shared/i18n.ts', 'src/shared/background-client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'webextension-polyfill',
              allowTypeImports: true,
              message: 'Use src/shared/extension-api.ts, which the content script can afford.',
            },
          ],
        },
      ],
    },
  },
  {
    // Fixture pages are stand-ins for facebook.com and build their own markup like it does.
    files: ['tests/fixtures/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
);
