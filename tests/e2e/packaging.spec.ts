import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BROWSERS, packageName, zipDirectory } from '../../scripts/package.mjs';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** Builds one browser's extension from the current sources into a fresh folder. */
function buildInto(browser: string): string {
  const outDir = mkdtempSync(join(tmpdir(), `page-outreach-${browser}-`));
  // Never into dist/: other tests read the builds there meanwhile.
  execFileSync('npx', ['vite', 'build', '--mode', browser, '--logLevel', 'error'], {
    env: { ...process.env, BUILD_OUT_DIR: outDir },
  });
  return outDir;
}

test.describe('store packages', () => {
  // Two full builds per browser: slower than the other gates, so given room of its own.
  test.describe.configure({ timeout: 180_000 });

  for (const browser of BROWSERS) {
    test(`the ${browser} package is byte-identical when built twice from the same sources`, () => {
      const builds = [buildInto(browser), buildInto(browser)];
      try {
        const [first, second] = builds.map((dir) => zipDirectory(dir));
        expect(readdirSync(builds[0]!)).toContain('manifest.json');
        expect(sha256(second!)).toBe(sha256(first!));
        const manifest = JSON.parse(readFileSync(join(builds[0]!, 'manifest.json'), 'utf8')) as {
          version: string;
        };
        expect(manifest.version).toBe(version);
        expect(packageName(browser, version)).toBe(`page-outreach-${browser}-${version}.zip`);
      } finally {
        for (const dir of builds) rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  test('a package unzips to exactly the build, file for file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-outreach-zip-'));
    try {
      const zip = join(dir, 'package.zip');
      writeFileSync(zip, zipDirectory('dist/firefox'));
      execFileSync('unzip', ['-q', zip, '-d', join(dir, 'out')]);
      execFileSync('diff', ['-r', 'dist/firefox', join(dir, 'out')]);
      const listing = execFileSync('zipinfo', ['-T', zip], { encoding: 'utf8' });
      expect(listing).toContain('manifest.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
