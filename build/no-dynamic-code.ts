import type { Plugin } from 'vite';

/**
 * Extensions may not evaluate strings as code, and Page Outreach never renders HTML from strings; two
 * libraries ship such code for features we do not use, and store review (web-ext lint) flags it. This
 * plugin cuts those paths out at build time, so the bundles hold no `new Function` and no `innerHTML`
 * assignment (a release gate checks it). Each cut must match exactly once: a library update that moves
 * the code fails the build instead of shipping it.
 */
interface Cut {
  /** The module, by the end of its resolved path. */
  module: string;
  find: RegExp;
  replace: string;
}

const CUTS: Cut[] = [
  {
    // zod's probe for eval support: with `jitless` set it is never reached, but it is in the bundle.
    module: '/zod/v4/core/util.js',
    find: /const F = Function;\s*new F\(""\);/,
    replace: 'throw new Error("no code from strings");',
  },
  {
    // zod's just-in-time compiler of object parsers, off with `jitless` (src/shared/messages.ts).
    module: '/zod/v4/core/doc.js',
    find: /compile\(\) \{[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    replace: 'compile() { throw new Error("zod runs jitless in Page Outreach"); }',
  },
  {
    // Preact's dangerouslySetInnerHTML, which lint bans in our code.
    module: '/preact/dist/preact.mjs',
    find: /\(t\.innerHTML=h\.__html\)/,
    replace: '(()=>{throw Error("dangerouslySetInnerHTML is not allowed")})()',
  },
];

export function noDynamicCode(): Plugin {
  return {
    name: 'page-outreach:no-dynamic-code',
    enforce: 'pre',
    transform(code, id) {
      const cut = CUTS.find((candidate) => id.split('?')[0]!.endsWith(candidate.module));
      if (!cut) return null;
      const matches = code.match(new RegExp(cut.find.source, 'g')) ?? [];
      if (matches.length !== 1) {
        this.error(`${cut.module}: expected the code to cut exactly once, found it ${matches.length} times`);
      }
      return { code: code.replace(cut.find, cut.replace), map: null };
    },
  };
}
