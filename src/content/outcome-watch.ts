import { MAX_MESSAGE_LENGTH } from '../shared/limits';
import type { ComposerOutcome } from '../shared/outreach';

/**
 * How a message put in Facebook's chat tab ended, decided from what the tab shows, as a pure state
 * machine: composer-delivery feeds it what it sees, and reports the outcome it settles on. "Not sent"
 * frees the comment and the fan's limits, so it is said only on proof: the tab is gone for good with
 * the text still in it. Anything less certain is "unknown", which keeps counting.
 *
 *   waiting ──editor empties──▶ emptied ──ROW_WAIT_MS──▶ unknown
 *      │  ▲                      │ ▲
 *      │  └──text again──────────┘ │
 *      └──tab gone──▶ gone ──REMOUNT_GRACE_MS──▶ failed ("not sent")
 *                       └──a tab for the person again──▶ waiting / emptied
 *   any ──the message shows in the thread──▶ sent        any ──page left──▶ unknown
 */

/** How long after the editor empties the sent message may take to show in the thread. */
export const ROW_WAIT_MS = 15_000;
/** How long a tab may be missing before it counts as closed: Facebook re-mounts tabs in a commit or two. */
export const REMOUNT_GRACE_MS = 1_000;
/** A sent message is recognized by its beginning: Facebook may turn what follows into links. */
const SENT_MATCH_CHARS = 40;
/** Controls and format characters the page may have left in an edited text: never kept in the log. */
const CONTROLS = /[\p{Cc}\p{Cf}]/gu;

/** What the watcher sees of the conversation's chat tabs at one moment. */
export interface Observation {
  now: number;
  /** A chat tab with this person is on the page: the one filled, or one that replaced it; minimized too. */
  present: boolean;
  /** What its editor holds, '' when empty. */
  editorText: string;
  /** The messages its thread shows, each as one line of text. */
  rows: readonly string[];
}

interface Open {
  /** The text in the box when it was last seen there: what Send would send. */
  typed: string;
  prepared: string;
  /** The thread's messages before the text went in. */
  baseline: readonly string[];
}

export type Watch =
  | (Open & { phase: 'waiting' })
  | (Open & { phase: 'emptied' | 'gone'; since: number })
  | { phase: 'settled'; outcome: ComposerOutcome; sentText?: string };

/** Whitespace, line breaks and invisible marks aside: how a text reads in the thread. */
function comparable(text: string): string {
  return text.replace(/[\s\p{Cf}]+/gu, '');
}

function matches(rows: readonly string[], expected: string): number {
  return rows.filter((row) => comparable(row).includes(expected)).length;
}

/** Has a message with this text shown up in the thread since the watch began (in any tab for the person)? */
function showsSent(open: Open, rows: readonly string[]): boolean {
  const expected = comparable(open.typed).slice(0, SENT_MATCH_CHARS);
  return expected !== '' && matches(rows, expected) > matches(open.baseline, expected);
}

/** What the log keeps of a text the admin edited in Facebook's box: plain and within Facebook's cap. */
export function editedText(typed: string, prepared: string): string | undefined {
  const clean = typed.replace(CONTROLS, (char) => (char === '\n' ? '\n' : '')).trim();
  if (clean === '' || comparable(clean) === comparable(prepared)) return undefined;
  return clean.slice(0, MAX_MESSAGE_LENGTH);
}

export function startWatch(prepared: string, rows: readonly string[]): Watch {
  return { phase: 'waiting', typed: prepared, prepared, baseline: [...rows] };
}

/** The watch after one more look at the tabs. */
export function observe(watch: Watch, seen: Observation): Watch {
  if (watch.phase === 'settled') return watch;
  const { phase, ...open } = watch;
  const typed = seen.present && seen.editorText ? seen.editorText : open.typed;
  const now: Open = { typed, prepared: open.prepared, baseline: open.baseline };
  if (seen.present && showsSent(now, seen.rows)) {
    const sentText = editedText(typed, open.prepared);
    return { phase: 'settled', outcome: 'sent', ...(sentText ? { sentText } : {}) };
  }
  const since = 'since' in watch ? watch.since : seen.now;
  if (seen.present) {
    if (seen.editorText) return { phase: 'waiting', ...now };
    const emptiedSince = phase === 'emptied' ? since : seen.now;
    if (seen.now - emptiedSince >= ROW_WAIT_MS) return { phase: 'settled', outcome: 'unknown' };
    return { phase: 'emptied', ...now, since: emptiedSince };
  }
  // No tab for the person: an emptied box waits on for its message, one with text may be re-mounting.
  if (phase === 'emptied') {
    return seen.now - since >= ROW_WAIT_MS
      ? { phase: 'settled', outcome: 'unknown' }
      : { phase: 'emptied', ...now, since };
  }
  const goneSince = phase === 'gone' ? since : seen.now;
  if (seen.now - goneSince >= REMOUNT_GRACE_MS) return { phase: 'settled', outcome: 'failed' };
  return { phase: 'gone', ...now, since: goneSince };
}

/** The page went away (reload, navigation, tab closed) before the outcome was seen. */
export function pageLeft(watch: Watch): Watch {
  return watch.phase === 'settled' ? watch : { phase: 'settled', outcome: 'unknown' };
}

/** When the watch must look again even if the page does not change, or null when it need not. */
export function nextLook(watch: Watch): number | null {
  if (watch.phase === 'emptied') return watch.since + ROW_WAIT_MS;
  if (watch.phase === 'gone') return watch.since + REMOUNT_GRACE_MS;
  return null;
}
