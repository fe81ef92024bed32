import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { HEAVY_TEST_TIMEOUT_MS } from './heavy-test';
import { KEYS } from '../../src/background/storage/keys';

/** The background's layout as the README draws it: what may stay at its top level, and how long a file may grow. */
const MAX_TOP_LEVEL_FILES = 6;
const MAX_FILE_LINES = 300;
/**
 * The team server's rules are one self-contained function by CouchDB's design (it runs their source,
 * with nothing around it), so they cannot be split into files; they get a cap of their own.
 */
const ONE_FUNCTION_BY_DESIGN = { file: join('src/background/team/validate-doc-update.ts'), maxLines: 400 };
const SOURCE_EXTENSIONS = ['.ts', '.tsx'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    ...SOURCE_EXTENSIONS.map((extension) => base + extension),
    ...SOURCE_EXTENSIONS.map((extension) => join(base, `index${extension}`)),
  ]) {
    try {
      if (statSync(candidate).isFile()) return relative('.', candidate);
    } catch {
      // Not this one.
    }
  }
  return null;
}

/** Every import arrow between the source files, `import type` and `export … from` included. */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => resolveImport(file, fileName) ?? []);
    graph.set(
      file,
      targets.filter((target) => SOURCE_EXTENSIONS.some((extension) => target.endsWith(extension))),
    );
  }
  return graph;
}

/** The graph's cycles, as its strongly connected components of more than one module (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const graph = importGraph('src');
const arrows = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const under = (folder: string) => (file: string) => file.startsWith(`src/background/${folder}/`);

describe('the source tree keeps its shape', () => {
  test('no module imports itself through others, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('the policy imports nothing but src/shared', () => {
    const outside = arrows.filter(({ from, to }) => under('policy')(from) && !under('policy')(to));
    expect(outside.filter(({ to }) => !to.startsWith('src/shared/'))).toEqual([]);
  });

  test('only the composition root imports team/', () => {
    const intoTeam = arrows.filter(({ from, to }) => under('team')(to) && !under('team')(from));
    expect([...new Set(intoTeam.map(({ from }) => from))]).toEqual(['src/background/app.ts']);
  });

  test('team/ never imports messaging/', () => {
    expect(arrows.filter(({ from, to }) => under('team')(from) && under('messaging')(to))).toEqual([]);
  });

  test(`src/background keeps at most ${MAX_TOP_LEVEL_FILES} files at its top level`, () => {
    const topLevel = readdirSync('src/background').filter((name) =>
      statSync(join('src/background', name)).isFile(),
    );
    expect(topLevel.length).toBeLessThanOrEqual(MAX_TOP_LEVEL_FILES);
  });

  test(`no file in src/background is over ${MAX_FILE_LINES} lines`, () => {
    const long = filesUnder('src/background').filter((file) => {
      const cap = file === ONE_FUNCTION_BY_DESIGN.file ? ONE_FUNCTION_BY_DESIGN.maxLines : MAX_FILE_LINES;
      return readFileSync(file, 'utf8').split('\n').length > cap;
    });
    expect(long).toEqual([]);
  });
});

describe('every storage key is in one table', () => {
  const background = filesUnder('src/background').filter(
    (file) => !file.startsWith('src/background/storage/'),
  );

  test('outside storage/, the worker never calls browser.storage itself', () => {
    const direct = background.filter((file) => /browser\.storage\./.test(readFileSync(file, 'utf8')));
    expect(direct).toEqual([]);
  });

  test('outside storage/, every meta key is named through the table', () => {
    const literal = /\.(get|put|delete)\('meta', '|objectStore\('meta'\)\.(get|put|delete)\('/;
    expect(background.filter((file) => literal.test(readFileSync(file, 'utf8')))).toEqual([]);
  });

  test.each(Object.entries(KEYS))('the owner of %s exists and uses it', (name, family) => {
    const owner = readFileSync(join('src/background', family.owner), 'utf8');
    const named = owner.includes(`KEYS.${name}`) || owner.includes('teamKeys.');
    expect(named).toBe(true);
  });

  test('no two families in one area share a key', () => {
    const keys = Object.values(KEYS).map(
      (family) => `${family.area}:${(family.key as (...args: string[]) => string)('x', 'y')}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('lint enforces the shape', () => {
  const eslint = new ESLint();
  const rulesOf = async (code: string, file: string) =>
    (await eslint.lintText(code, { filePath: file }))[0]!.messages.map((message) => message.ruleId);

  test(
    'an import cycle fails lint',
    async () => {
      // The rule follows imports on disk, so the probe is two real files, removed afterwards.
      const dir = mkdtempSync('src/background/outreach/cycle-probe-');
      try {
        writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
        writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
        const [result] = await eslint.lintFiles([join(dir, 'a.ts')]);
        expect(result!.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  test.each([
    ['the policy importing storage', 'src/background/policy/probe.ts', '../storage/database'],
    ['the core importing team/', 'src/background/outreach/probe.ts', '../team/sync'],
    ['the messaging layer importing team/', 'src/background/messaging/probe.ts', '../team/plugin'],
    ['team/ importing messaging/', 'src/background/team/probe.ts', '../messaging/router'],
  ])(
    '%s fails lint',
    async (_what, file, specifier) => {
      const code = `import * as probe from '${specifier}';\nexport const used = probe;\n`;
      expect(await rulesOf(code, file)).toContain('import-x/no-restricted-paths');
    },
    HEAVY_TEST_TIMEOUT_MS,
  );
});
