// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import { readComment } from '../../src/content/facebook/comments';
import { loadFixturePage } from './dom-fixture';

/** Giulia's first comment on the English demo post. */
const giulia = () => document.querySelector('[role="article"][aria-label^="Comment by Giulia Rossi"]')!;

/** Adds Facebook's note under her comment's action row, as the Page's admins see it. */
function noteUnderGiulia(text: string): void {
  const note = document.createElement('div');
  note.append(Object.assign(document.createElement('span'), { textContent: text }));
  giulia().querySelector('ul')!.after(note);
}

describe('Facebook’s note that the Page answered a comment privately', () => {
  beforeEach(() => loadFixturePage('facebook/post-en.html'));

  test('is absent from a comment nobody answered privately', () => {
    expect(readComment(giulia())).not.toHaveProperty('answeredPrivately');
  });

  test.each([
    ['en', 'Acme Coffee responded privately'],
    ['it', 'Acme Coffee ha risposto in privato'],
    ['de', 'Acme Coffee hat privat geantwortet'],
    ['es', 'Acme Coffee respondió en privado'],
    ['fr', 'Acme Coffee a répondu en privé'],
    ['pt', 'Acme Coffee respondeu em privado'],
    ['ar', 'Acme Coffee ردت بشكل خاص'],
  ])('is read in %s', (_language, text) => {
    noteUnderGiulia(text);
    expect(readComment(giulia())).toMatchObject({ answeredPrivately: true });
  });

  test('is read through the invisible marks Facebook mixes into names', () => {
    noteUnderGiulia('Acme\u200b Coffee responded\u200e privately');
    expect(readComment(giulia())).toMatchObject({ answeredPrivately: true });
  });

  test('is read with the Page’s name set apart in bold', () => {
    const note = document.createElement('span');
    note.append(
      Object.assign(document.createElement('strong'), { textContent: 'Acme Coffee' }),
      ' responded privately',
    );
    giulia().querySelector('ul')!.after(note);
    expect(readComment(giulia())).toMatchObject({ answeredPrivately: true });
  });

  test('written by the fan in the comment itself, answers nothing', () => {
    giulia().querySelector('div[dir="auto"]')!.textContent = 'Acme Coffee responded privately, they said';
    expect(readComment(giulia())).not.toHaveProperty('answeredPrivately');
  });

  test('naming another Page, is not this Page’s reply', () => {
    noteUnderGiulia('Other Roasters responded privately');
    expect(readComment(giulia())).not.toHaveProperty('answeredPrivately');
  });
});
