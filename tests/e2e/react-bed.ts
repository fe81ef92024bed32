import { buildThread, type BedComment } from '../fixtures/react-bed/data';
import type { SendPress, ShownComment } from '../fixtures/react-bed/bed-state';
import { expect, type Page } from './extension-test';

interface BedWindow {
  __bed: {
    shownComments: () => ShownComment[];
    editorText: (name: string) => string | null;
    presses: () => SendPress[];
    commits: () => number;
  };
}

/** How the actions on the page compare with the fan comments the React bed shows. */
export function actionsAgainstComments(page: Page) {
  return page.evaluate(() => {
    const bed = (window as unknown as BedWindow).__bed;
    const shown = bed.shownComments();
    const fans = shown.filter((comment) => comment.fan).map((comment) => comment.id);
    const buttons = [...document.querySelectorAll<HTMLElement>('button[data-page-outreach="send-message"]')];
    const ids = buttons.map((button) => button.dataset.commentId ?? '');
    return {
      fans: fans.length,
      pageOwn: shown.length - fans.length,
      missing: fans.filter((id) => !ids.includes(id)),
      extra: ids.filter((id) => !fans.includes(id)),
      duplicated: ids.filter((id, index) => ids.indexOf(id) !== index),
      inHiddenCopies: buttons.filter((button) => button.closest('[hidden]')).length,
    };
  });
}

/** Waits until every fan comment the bed shows has exactly one action, and nothing else has one. */
export async function expectOneActionPerFanComment(page: Page, atLeast = 1): Promise<void> {
  await expect
    .poll(async () => {
      const found = await actionsAgainstComments(page);
      const { pageOwn: _pageOwn, ...compared } = found;
      return { ...compared, fans: found.fans >= atLeast };
    })
    .toEqual({ fans: true, missing: [], extra: [], duplicated: [], inHiddenCopies: 0 });
}

/** What the chat tab with this person would send, from Lexical's own editor state. */
export function lexicalText(page: Page, name: string): Promise<string | null> {
  return page.evaluate((person) => (window as unknown as BedWindow).__bed.editorText(person), name);
}

/** The action on the comment whose body text links to another comment: its id, or null. */
export function actionOnLinkingComment(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const link = document.querySelector('[role="article"] div[dir="auto"] a[href*="comment_id="]');
    const article = link?.closest('[role="article"]');
    const own = [
      ...(article?.querySelectorAll<HTMLElement>('button[data-page-outreach="send-message"]') ?? []),
    ];
    return own.find((button) => button.closest('[role="article"]') === article)?.dataset.commentId ?? null;
  });
}

/** Every press of a chat tab's Send (Enter or the control), with whether a person made it. */
export function sendPresses(page: Page): Promise<SendPress[]> {
  return page.evaluate(() => (window as unknown as BedWindow).__bed.presses());
}

export function commits(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as BedWindow).__bed.commits());
}

/** The thread the bed renders for a language and size, as data: who wrote what. */
export function bedThread(language: 'en' | 'it', comments: number): BedComment[] {
  return buildThread(language, comments);
}

/** In the page: the outcome watch's last look, as test builds write it on the root (composer-delivery.ts). */
function lastLook(): { phase: string; looks: number } {
  const [phase = '', looks = '0'] = (
    document.documentElement.getAttribute('data-page-outreach-watch') ?? ''
  ).split(' ');
  return { phase, looks: Number(looks) };
}

/**
 * What the outcome watch concludes when it next looks at the page (a change anywhere makes it look),
 * in Playwright's page or Puppeteer's: a minimized tab taken for gone would read "gone" here, a second
 * before it is logged not sent.
 */
export async function nextLookOfWatch(evaluate: <R>(inPage: () => R) => Promise<R>): Promise<string> {
  const { looks } = await evaluate(lastLook);
  await evaluate(() => void document.body.append(document.createElement('div')));
  await expect.poll(async () => (await evaluate(lastLook)).looks).toBeGreaterThan(looks);
  return (await evaluate(lastLook)).phase;
}

/** The bed's texts by the kind the triage reads in them (see fixtures/react-bed/data.ts). */
const BED_KINDS: Record<string, 'question' | 'complaint' | 'praise'> = {
  'Love this! ❤️': 'praise',
  'When will it be back in stock?': 'question',
  'My order arrived broken, please help': 'complaint',
  'Best coffee in town ☕': 'praise',
  'Can you ship to Naples?': 'question',
  'Che bello! ❤️': 'praise',
  'Quando torna disponibile?': 'question',
  'Il mio ordine è arrivato rotto, aiuto': 'complaint',
  'Il miglior caffè della città ☕': 'praise',
  'Spedite a Napoli?': 'question',
};

/** The ids of the fan comments the bed shows now. */
export function shownFanComments(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as BedWindow).__bed
      .shownComments()
      .filter((comment) => comment.fan)
      .map((comment) => comment.id),
  );
}

/** The kind each of these shown fan comments of a thread of `size` should be marked with, by its text. */
export function expectedKinds(
  language: 'en' | 'it',
  size: number,
  ids: readonly string[],
): Record<string, 'question' | 'complaint' | 'praise'> {
  const texts = new Map<string, string>();
  const walk = (comments: BedComment[]): void =>
    comments.forEach((comment) => {
      texts.set(comment.id, comment.text);
      walk(comment.replies);
    });
  walk(bedThread(language, size));
  return Object.fromEntries(
    ids.flatMap((id) => {
      const kind = BED_KINDS[texts.get(id) ?? ''];
      return kind ? [[id, kind]] : [];
    }),
  );
}

/** The first top-level fan comment of a thread whose text reads as `kind`. */
export function firstOfKind(
  language: 'en' | 'it',
  size: number,
  kind: 'question' | 'complaint' | 'praise',
): BedComment {
  return bedThread(language, size).find((comment) => !comment.byPage && BED_KINDS[comment.text] === kind)!;
}
