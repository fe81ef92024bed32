import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Puts a fixture page (a path under tests/fixtures) into the test's document, as facebook.com would. */
export function loadFixturePage(file: string): void {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures', file), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.adoptNode(node)));
}
