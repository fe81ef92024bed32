import { fakeBrowser } from './fake-browser';

// What the browser gives extension code as a global (`browser` in Firefox): the modules that call the
// extension API without the polyfill (src/shared/extension-api.ts) find the same stand-in the polyfill's
// alias gives the rest.
Object.assign(globalThis, { browser: fakeBrowser });
