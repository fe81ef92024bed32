import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { HEAVY_TEST_TIMEOUT_MS } from './heavy-test';

/** Code the lint config must refuse anywhere in the extension, each with what it would do. */
const UNSAFE = [
  ['element.innerHTML = comment;', 'innerHTML'],
  ['element.outerHTML = comment;', 'outerHTML'],
  ["element.insertAdjacentHTML('beforeend', comment);", 'insertAdjacentHTML'],
  ['document.write(comment);', 'document.write'],
  ['const html = <div dangerouslySetInnerHTML={{ __html: comment }} />;', 'dangerouslySetInnerHTML'],
  ['eval(comment);', 'eval'],
  ["const run = new Function('return 1');", 'new Function'],
] as const;

const eslint = new ESLint();

async function problems(code: string, file: string): Promise<string[]> {
  const source = `declare const element: HTMLElement;\ndeclare const comment: string;\n${code}\nexport {};\n`;
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('lint refuses unsafe HTML, dynamic code and stray requests in every part of the extension', () => {
  for (const [code, what] of UNSAFE) {
    const parts = code.includes('<div')
      ? ['popup/View.tsx', 'options/Form.tsx', 'log/Table.tsx']
      : ['content/feature.ts', 'popup/View.tsx', 'background/handler.ts'];
    for (const part of parts) {
      test(
        `${what} in src/${part}`,
        async () => {
          const found = await problems(code, `src/${part}`);
          expect(found.some((rule) => rule.startsWith('no-restricted'))).toBe(true);
        },
        HEAVY_TEST_TIMEOUT_MS,
      );
    }
  }

  test.each(['popup/View.tsx', 'content/feature.ts', 'background/handler.ts'])(
    'a network request in src/%s, outside the two network modules',
    async (part) => {
      expect(await problems("void fetch('https://tracker.example/');", `src/${part}`)).toContain(
        'no-restricted-globals',
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  test.each(['background/graph/graph-request.ts', 'background/team/couch-http.ts'])(
    'a network request in src/%s, one of the two network modules',
    async (part) => {
      expect(await problems("void fetch('https://graph.facebook.com/');", `src/${part}`)).not.toContain(
        'no-restricted-globals',
      );
    },
    HEAVY_TEST_TIMEOUT_MS,
  );

  test('plain text rendering passes', async () => {
    expect(await problems('element.textContent = comment;', 'src/content/feature.ts')).toEqual([]);
  });
});
