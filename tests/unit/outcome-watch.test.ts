import { describe, expect, test } from 'vitest';
import {
  editedText,
  nextLook,
  observe,
  pageLeft,
  REMOUNT_GRACE_MS,
  ROW_WAIT_MS,
  startWatch,
  type Observation,
  type Watch,
} from '../../src/content/outcome-watch';

const TEXT = 'Hi Giulia, thank you for your comment! ☕';
const T0 = 1_000_000;
const EARLIER = ['Hello again'];

/** The chat tab as it looks at `now`: present, holding `editorText`, its thread showing `rows`. */
function seen(now: number, editorText: string, rows: string[] = EARLIER, present = true): Observation {
  return { now, present, editorText, rows };
}

function run(...observations: Observation[]): Watch {
  return observations.reduce(observe, startWatch(TEXT, EARLIER));
}

describe('the outcome of a message put in Facebook’s chat tab', () => {
  test('with the text still in the tab, it keeps waiting', () => {
    expect(run(seen(T0, TEXT))).toMatchObject({ phase: 'waiting', typed: TEXT });
  });

  test('the message showing in the thread after the editor empties is sent', () => {
    expect(run(seen(T0, TEXT), seen(T0 + 100, '', [...EARLIER, TEXT]))).toEqual({
      phase: 'settled',
      outcome: 'sent',
    });
  });

  test('the editor emptying starts a wait for the message to show', () => {
    const watch = run(seen(T0, TEXT), seen(T0 + 100, ''));
    expect(watch).toMatchObject({ phase: 'emptied', since: T0 + 100 });
    expect(nextLook(watch)).toBe(T0 + 100 + ROW_WAIT_MS);
  });

  test('an editor emptied with no message showing in time is unknown, never not sent', () => {
    expect(run(seen(T0, ''), seen(T0 + ROW_WAIT_MS, ''))).toEqual({ phase: 'settled', outcome: 'unknown' });
  });

  test('text coming back into an emptied editor waits again', () => {
    expect(run(seen(T0, ''), seen(T0 + 100, 'Hi'))).toMatchObject({ phase: 'waiting', typed: 'Hi' });
  });

  test('a tab re-mounted as the thread, a new element showing the message, is sent', () => {
    expect(
      run(seen(T0, ''), seen(T0 + 10, '', [], false), seen(T0 + 20, '', [...EARLIER, TEXT])),
    ).toMatchObject({ phase: 'settled', outcome: 'sent' });
  });

  test('the message drawn with its emoji as an image, and line breaks as spaces, still reads as sent', () => {
    const twoLines = 'Hi Giulia,\nthanks ☕';
    const watch = observe(startWatch(twoLines, []), seen(T0, '', ['Hi Giulia, thanks☕']));
    expect(watch).toMatchObject({ phase: 'settled', outcome: 'sent' });
  });

  test('an earlier message with the same text in the thread is not taken for this one', () => {
    const watch = observe(startWatch(TEXT, [TEXT]), seen(T0, '', [TEXT]));
    expect(watch).toMatchObject({ phase: 'emptied' });
  });

  test('a tab gone with the text in it is first given time to come back', () => {
    const watch = run(seen(T0, TEXT), seen(T0 + 10, '', [], false));
    expect(watch).toMatchObject({ phase: 'gone', since: T0 + 10, typed: TEXT });
    expect(nextLook(watch)).toBe(T0 + 10 + REMOUNT_GRACE_MS);
  });

  test('a tab that comes back with the text, as a restored or re-mounted one does, waits again', () => {
    expect(run(seen(T0, TEXT), seen(T0 + 10, '', [], false), seen(T0 + 20, TEXT))).toMatchObject({
      phase: 'waiting',
    });
  });

  test('a tab gone for good with the text still in it is not sent', () => {
    expect(
      run(seen(T0, TEXT), seen(T0 + 10, '', [], false), seen(T0 + 10 + REMOUNT_GRACE_MS, '', [], false)),
    ).toEqual({
      phase: 'settled',
      outcome: 'failed',
    });
  });

  test('a tab closed right after Enter emptied it is unknown in the end, never not sent', () => {
    expect(
      run(seen(T0, ''), seen(T0 + 10, '', [], false), seen(T0 + 10 + REMOUNT_GRACE_MS, '', [], false)),
    ).toMatchObject({ phase: 'emptied' });
    expect(run(seen(T0, ''), seen(T0 + 10, '', [], false), seen(T0 + ROW_WAIT_MS, '', [], false))).toEqual({
      phase: 'settled',
      outcome: 'unknown',
    });
  });

  test('the page going away before any outcome is unknown', () => {
    expect(pageLeft(run(seen(T0, TEXT)))).toEqual({ phase: 'settled', outcome: 'unknown' });
  });

  test('a settled outcome never changes again', () => {
    const sent = run(seen(T0, '', [...EARLIER, TEXT]));
    expect(observe(sent, seen(T0 + 1, '', [], false))).toBe(sent);
    expect(pageLeft(sent)).toBe(sent);
  });

  test('a text the admin edited in the tab is what the log keeps as sent', () => {
    const edited = `${TEXT} See you soon!`;
    expect(run(seen(T0, edited), seen(T0 + 10, '', [...EARLIER, edited]))).toEqual({
      phase: 'settled',
      outcome: 'sent',
      sentText: edited,
    });
  });
});

describe('the edited text the log keeps', () => {
  test('is stripped of control and invisible characters, line breaks kept', () => {
    expect(editedText('Hi\u0007 there\u200b\nbye', 'x')).toBe('Hi there\nbye');
  });

  test('is capped at Facebook’s 2,000 characters', () => {
    expect(editedText('a'.repeat(5000), 'x')).toHaveLength(2000);
  });

  test('is nothing when it reads the same as the prepared text', () => {
    expect(editedText(' Hi  there ', 'Hi there')).toBeUndefined();
  });
});
