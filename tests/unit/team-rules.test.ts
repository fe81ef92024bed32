import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { TEAM_SCHEMA, teamDesignDocument } from '../../src/background/team/design-document';
import { strippedContact, type ContactDocument } from '../../src/background/team/contact-document';
import { validateDocUpdate } from '../../src/background/team/validate-doc-update';
import {
  canSettle,
  CATEGORIES,
  ENTRY_STATUSES,
  MAX_FAN_NAME,
  MAX_FAN_NOTES,
  type EntryStatus,
} from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';
import { POLICY_SETTING_BOUNDS } from '../../src/shared/policy-settings';
import { MAX_FAN_CONTACTS, MAX_FAN_MARKS } from '../../src/background/team/fan-document';

type Rules = typeof validateDocUpdate;
type Doc = Parameters<Rules>[0];

/** The team's database, which names its members' accounts (see accountName). */
const DB = 'po_acme';
const member = (name: string) => ({ name: `${DB}/${name}`, roles: [], db: DB });
const ANN = member('ann');
const BEA = member('bea');
const OWNER = { name: `${DB}/owner`, roles: [], db: DB };
const STRANGER = member('mal');
const ANONYMOUS = { name: null, roles: [], db: DB };
/** Bea's account on another team of the same server: her name there is not a member's name here. */
const OTHER_TEAMS_BEA = { name: 'po_other/bea', roles: [], db: DB };
const SECURITY = {
  admins: { names: [`${DB}/owner`] },
  members: { names: [`${DB}/ann`, `${DB}/bea`, 'po_other/bea'] },
};
/** How far ahead of the server's clock the rules let a writer's be. */
const SKEW_MS = 5 * 60 * 1000;

/** The rules as the server runs them: their shipped source, evaluated alone, with nothing around it. */
const shipped: Rules = runInNewContext(`(${teamDesignDocument().validate_doc_update})`);

/**
 * What the rules answer to a write, handed to them as CouchDB hands an interactive one: the new
 * document carries the revision of the old one it is written over.
 */
function outcome(
  rules: Rules,
  doc: Doc,
  old: Doc | null,
  user: { name: string | null; roles: string[]; db?: string } = ANN,
): string {
  const withRevision = (d: Doc) => ({ ...d, _rev: d._rev ?? '1-a' });
  const written = old ? { ...doc, _rev: withRevision(old)._rev } : doc;
  try {
    rules(written, old && withRevision(old), user, SECURITY);
    return 'accepted';
  } catch (error) {
    return (error as { forbidden: string }).forbidden;
  }
}

const contact = (fields: Partial<Doc> = {}): Doc => {
  const doc = {
    type: 'contact',
    schema: TEAM_SCHEMA,
    author: 'ann',
    entryId: 'e1',
    fanKey: 'K',
    commentId: '101',
    category: 'thanks',
    createdAt: 1_000,
    status: 'reserved',
    ...fields,
  };
  return { _id: `contact:${doc.fanKey}:${doc.createdAt}:${doc.entryId}`, ...doc };
};

const recentContact = (by: string, c: string, st: EntryStatus = 'reserved', at = Date.now()) => ({
  c,
  comment: '101',
  cat: 'thanks' as const,
  at,
  by,
  st,
});
const fan = (recent: unknown[], marks: unknown[] = [], lifts: unknown[] = []): Doc => ({
  _id: 'fan:K',
  type: 'fan',
  schema: TEAM_SCHEMA,
  fanKey: 'K',
  recent,
  marks,
  lifts,
});
const mark = (id: string, by = 'ann', at = 5) => ({ id, by, at });
const lift = (id: string, of: string[], by = 'ann', at = 6) => ({ id, by, at, of });

const template = (fields: Partial<Doc> = {}): Doc => ({
  _id: 'template:t1',
  type: 'template',
  schema: TEAM_SCHEMA,
  templateId: 't1',
  category: 'thanks',
  language: 'en',
  title: 'Hi',
  body: 'Hi',
  by: 'ann',
  ...fields,
});

const note = (fields: Partial<Doc> = {}): Doc => ({
  _id: 'note:K',
  type: 'note',
  schema: TEAM_SCHEMA,
  fanKey: 'K',
  fanId: '1001',
  fanName: 'Giulia Rossi',
  text: 'Won the mug in May',
  by: 'ann',
  at: 1_000,
  ...fields,
});
const forgottenNote = (by = 'ann') => note({ fanId: '', fanName: '', text: '', by, forgotten: true });

describe.each([
  ['as written', validateDocUpdate],
  ['as shipped to the server', shipped],
])('the team server’s write rules (%s)', (_form, rules) => {
  test('an admin writes their own contact, and moves it forward', () => {
    expect(outcome(rules, contact(), null)).toBe('accepted');
    expect(outcome(rules, contact({ status: 'sending' }), contact())).toBe('accepted');
  });

  test('nobody writes a contact in another admin’s name', () => {
    expect(outcome(rules, contact({ author: 'bea' }), null)).toBe('page-outreach:not-your-contact');
  });

  test('nobody edits another admin’s contact', () => {
    expect(outcome(rules, contact({ status: 'failed' }), contact({ status: 'sending' }), BEA)).toBe(
      'page-outreach:not-your-contact',
    );
  });

  test.each([{ commentId: '102' }, { category: 'promo' }, { author: 'bea' }])(
    'a contact’s fan, comment, category, time and author never change: %o',
    (change) => {
      expect(outcome(rules, { ...contact(), ...change }, contact())).toBe('page-outreach:contact-fixed');
    },
  );

  test('any admin strips another admin’s contact of a forgotten fan, as the extension strips it', () => {
    const full = contact({
      fanId: '42',
      fanName: 'Giulia',
      text: 'Hi Giulia!',
      sentText: 'Hi!',
      status: 'sent',
    });
    const stripped = strippedContact(
      full as unknown as ContactDocument,
      'bea',
      'comment-key',
    ) as unknown as Doc;
    expect(outcome(rules, stripped, full, BEA)).toBe('accepted');
  });

  test('a strip names who asked for it, and nobody else', () => {
    const full = contact({ fanName: 'Giulia', status: 'sent' });
    const inAnnsName = strippedContact(
      full as unknown as ContactDocument,
      'ann',
      'comment-key',
    ) as unknown as Doc;
    expect(outcome(rules, inAnnsName, full, BEA)).toBe('page-outreach:not-your-contact');
    const { forgottenBy: _by, ...unnamed } = inAnnsName;
    expect(outcome(rules, unnamed as Doc, full, BEA)).toBe('page-outreach:not-your-contact');
  });

  test('a strip that changes anything but the fan’s personal fields is refused', () => {
    const full = contact({ fanName: 'Giulia', status: 'sent' });
    const stripped = strippedContact(
      full as unknown as ContactDocument,
      'bea',
      'comment-key',
    ) as unknown as Doc;
    expect(outcome(rules, { ...stripped, status: 'failed' }, full, BEA)).toBe(
      'page-outreach:not-your-contact',
    );
    expect(outcome(rules, { ...stripped, fanName: 'Someone' }, full, BEA)).toBe(
      'page-outreach:not-your-contact',
    );
  });

  test('nobody, its author included, puts back what was stripped', () => {
    const full = contact({ fanName: 'Giulia' });
    const stripped = strippedContact(
      full as unknown as ContactDocument,
      'bea',
      'comment-key',
    ) as unknown as Doc;
    expect(outcome(rules, full, stripped)).toBe('page-outreach:not-your-contact');
    expect(outcome(rules, { ...stripped, status: 'sending' }, stripped)).toBe('accepted');
  });

  test('a contact dated after the server’s clock is refused', () => {
    const future = Date.now() + SKEW_MS + 60_000;
    expect(outcome(rules, contact({ createdAt: future }), null)).toBe('page-outreach:bad-contact');
  });

  test('a contact’s status never moves backwards: “sent” cannot become “failed”', () => {
    expect(outcome(rules, contact({ status: 'failed' }), contact({ status: 'sent' }))).toBe(
      'page-outreach:status-backwards',
    );
  });

  test('only the database’s admins delete contacts', () => {
    const deleted = { ...contact(), _deleted: true };
    expect(outcome(rules, deleted, contact())).toBe('page-outreach:delete-forbidden');
    expect(outcome(rules, deleted, contact(), OWNER)).toBe('accepted');
  });

  test('a new contact in a fan’s document is the writer’s own', () => {
    expect(outcome(rules, fan([recentContact('ann', 'a')]), fan([]))).toBe('accepted');
    expect(outcome(rules, fan([recentContact('bea', 'b')]), fan([]))).toBe('page-outreach:not-your-contact');
  });

  test('a contact in a fan’s document leaves only once it no longer counts, whoever wrote it', () => {
    const beas = recentContact('bea', 'b');
    expect(outcome(rules, fan([]), fan([beas]))).toBe('page-outreach:contact-removed');
    expect(outcome(rules, fan([]), fan([recentContact('ann', 'a')]))).toBe('page-outreach:contact-removed');
    const old = recentContact('bea', 'b', 'sent', Date.now() - 731 * DAY_MS);
    expect(outcome(rules, fan([]), fan([old]))).toBe('accepted');
  });

  test('nobody but its author moves a contact in a fan’s document, not even forward to “failed”', () => {
    const beas = recentContact('bea', 'b', 'reserved');
    expect(outcome(rules, fan([{ ...beas, st: 'failed' }]), fan([beas]))).toBe(
      'page-outreach:others-contact-changed',
    );
    expect(outcome(rules, fan([{ ...beas, st: 'sent' }]), fan([beas]))).toBe(
      'page-outreach:others-contact-changed',
    );
    expect(outcome(rules, fan([{ ...beas, st: 'failed' }]), fan([beas]), BEA)).toBe('accepted');
  });

  test.each([{ by: 'bea' }, { comment: '102' }, { cat: 'promo' }, { at: 7 }])(
    'its author cannot rewrite their own contact in a fan’s document either: %o',
    (change) => {
      const anns = recentContact('ann', 'a', 'reserved', 5);
      expect(outcome(rules, fan([{ ...anns, ...change }]), fan([anns]))).toBe(
        'page-outreach:others-contact-changed',
      );
    },
  );

  test.each([
    ['dated after the server’s clock', { at: Date.now() + SKEW_MS + 60_000 }],
    ['dated with a fraction', { at: 1.5 }],
    ['dated with text', { at: 'today' }],
    ['of no category', { cat: 'gift' }],
    ['of no status', { st: 'gone' }],
  ])('a contact %s is refused', (_case, change) => {
    expect(outcome(rules, fan([{ ...recentContact('ann', 'a'), ...change }]), fan([]))).toBe(
      'page-outreach:bad-fan',
    );
  });

  test('a fan’s document holds at most the contacts and marks the extension reads (200 and 100)', () => {
    const old = Date.now() - 2 * DAY_MS;
    const contacts = (n: number) =>
      Array.from({ length: n }, (_, i) => recentContact('ann', `a${i}`, 'sent', old));
    expect(outcome(rules, fan(contacts(MAX_FAN_CONTACTS)), fan([]))).toBe('accepted');
    expect(outcome(rules, fan(contacts(MAX_FAN_CONTACTS + 1)), fan([]))).toBe('page-outreach:bad-fan');
    const marks = (n: number) => Array.from({ length: n }, (_, i) => mark(`m${i}`));
    expect(outcome(rules, fan([], marks(MAX_FAN_MARKS)), fan([]))).toBe('accepted');
    expect(outcome(rules, fan([], marks(MAX_FAN_MARKS + 1)), fan([]))).toBe('page-outreach:bad-fan');
  });

  test('one admin’s contacts with one fan in a day stay within what any settings allow (25)', () => {
    expect(POLICY_SETTING_BOUNDS.careDailyMax[1]).toBeLessThan(25);
    const day = Array.from({ length: 25 }, (_, i) => recentContact('ann', `a${i}`));
    expect(outcome(rules, fan(day), fan([]))).toBe('accepted');
    expect(outcome(rules, fan([...day, recentContact('ann', 'a25')]), fan([]))).toBe(
      'page-outreach:too-many-contacts',
    );
    const older = Array.from({ length: 25 }, (_, i) =>
      recentContact('ann', `o${i}`, 'sent', Date.now() - 2 * DAY_MS),
    );
    expect(outcome(rules, fan([...older, ...day]), fan([]))).toBe('accepted');
  });

  test('a contact listed twice in a fan’s document is refused', () => {
    const anns = recentContact('ann', 'a');
    expect(outcome(rules, fan([anns, anns]), fan([]))).toBe('page-outreach:bad-fan');
  });

  test('a “do not contact” mark is made by the admin it names', () => {
    expect(outcome(rules, fan([], [mark('m1')]), fan([]))).toBe('accepted');
    expect(outcome(rules, fan([], [mark('m1', 'bea')]), fan([]))).toBe('page-outreach:not-your-mark');
  });

  test('no write erases or redates a mark, whoever wrote it', () => {
    const marked = fan([], [mark('m1', 'bea')]);
    expect(outcome(rules, fan([]), marked)).toBe('page-outreach:mark-removed');
    expect(outcome(rules, fan([], [mark('m1', 'bea', 9e15)]), marked)).toBe('page-outreach:mark-removed');
    expect(outcome(rules, fan([], [mark('m1', 'bea')]), marked, BEA)).toBe('accepted');
    expect(outcome(rules, fan([]), marked, BEA)).toBe('page-outreach:mark-removed');
  });

  test('a mark dated after the server’s clock, or not in whole milliseconds, is refused', () => {
    expect(outcome(rules, fan([], [mark('m1', 'ann', Date.now() + SKEW_MS + 60_000)]), fan([]))).toBe(
      'page-outreach:bad-fan',
    );
    expect(outcome(rules, fan([], [{ id: 'm1', by: 'ann', at: 'x', on: 'no' }]), fan([]))).toBe(
      'page-outreach:bad-fan',
    );
    expect(outcome(rules, fan([], [mark('m1', 'ann', Date.now() + SKEW_MS - 60_000)]), fan([]))).toBe(
      'accepted',
    );
  });

  test('any admin lifts marks by naming them, and a lift stays once made', () => {
    const marked = fan([], [mark('m1', 'bea')]);
    expect(outcome(rules, fan([], [mark('m1', 'bea')], [lift('l1', ['m1'])]), marked)).toBe('accepted');
    const lifted = fan([], [mark('m1', 'bea')], [lift('l1', ['m1'])]);
    expect(outcome(rules, marked, lifted, BEA)).toBe('page-outreach:mark-removed');
  });

  test('a lift names at least one mark, and is signed by its writer', () => {
    const marked = fan([], [mark('m1', 'bea')]);
    expect(outcome(rules, fan([], [mark('m1', 'bea')], [lift('l1', [])]), marked)).toBe(
      'page-outreach:bad-fan',
    );
    expect(outcome(rules, fan([], [mark('m1', 'bea')], [lift('l1', ['m1'], 'bea')]), marked)).toBe(
      'page-outreach:not-your-mark',
    );
  });

  test('a member settles a conflict by deleting a fan document’s leaf only with its body kept whole', () => {
    const leaf = fan([recentContact('bea', 'b')], [mark('m1', 'bea')]);
    expect(outcome(rules, { ...leaf, _deleted: true }, leaf)).toBe('accepted');
    expect(outcome(rules, { _id: 'fan:K', _deleted: true }, leaf)).toBe('page-outreach:delete-forbidden');
    expect(outcome(rules, { ...fan([]), _deleted: true }, leaf)).toBe('page-outreach:delete-forbidden');
  });

  test('writing over a deleted leaf of a fan’s document keeps what its body held', () => {
    const leaf = { ...fan([], [mark('m1', 'bea')]), _deleted: true };
    expect(outcome(rules, fan([]), leaf)).toBe('page-outreach:mark-removed');
    expect(outcome(rules, fan([], [mark('m1', 'bea')]), leaf)).toBe('accepted');
  });

  test('a member’s write with a revision path of its own (a replicated write) is refused', () => {
    const disjoint = { ...fan([]), _rev: '1000-ffff' };
    let refusal = '';
    try {
      rules(disjoint, null, ANN, SECURITY);
    } catch (error) {
      refusal = (error as { forbidden: string }).forbidden;
    }
    expect(refusal).toBe('page-outreach:replicated-write');
    expect(() => rules({ ...fan([]), _rev: '3-b' }, { ...fan([]), _rev: '2-a' }, ANN, SECURITY)).toThrow();
    expect(() => rules(disjoint, null, OWNER, SECURITY)).not.toThrow();
  });

  test('an account of another team writes as nobody here, even one listed as a member by mistake', () => {
    expect(outcome(rules, contact({ author: 'bea' }), null, OTHER_TEAMS_BEA)).toBe(
      'page-outreach:not-your-contact',
    );
  });

  test('only the team’s members write at all', () => {
    expect(outcome(rules, contact({ author: 'mal' }), null, STRANGER)).toBe('page-outreach:not-a-member');
    expect(outcome(rules, contact({ author: null }), null, ANONYMOUS)).toBe('page-outreach:not-a-member');
  });

  test('a document too large for the team is refused', () => {
    expect(outcome(rules, template({ padding: 'x'.repeat(70_000) }), null)).toBe('page-outreach:too-large');
  });

  test('only the database’s admins write the team’s settings', () => {
    const team = { _id: 'team', type: 'team', schema: TEAM_SCHEMA };
    expect(outcome(rules, team, null)).toBe('page-outreach:team-settings-forbidden');
    expect(outcome(rules, team, null, OWNER)).toBe('accepted');
  });

  test('any member writes and deletes templates', () => {
    expect(outcome(rules, template(), null)).toBe('accepted');
    expect(outcome(rules, template({ by: 'bea' }), template(), BEA)).toBe('accepted');
    expect(outcome(rules, { ...template(), _deleted: true }, template(), BEA)).toBe('accepted');
  });

  test('a template’s revision names the admin who wrote it', () => {
    expect(outcome(rules, template({ by: 'bea' }), template())).toBe('page-outreach:not-your-template');
  });

  test.each([{ category: 'gift' }, { templateId: 't2' }, { body: 7 }])(
    'a template that is not one the extension could use is refused (%o)',
    (fields) => {
      expect(outcome(rules, template(fields), null)).toBe('page-outreach:bad-template');
    },
  );

  test('any member writes the team’s note about a fan, over another member’s', () => {
    expect(outcome(rules, note(), null)).toBe('accepted');
    expect(outcome(rules, note({ by: 'bea', text: 'Asked about refunds' }), note(), BEA)).toBe('accepted');
  });

  test('a note’s revision names the admin who wrote it', () => {
    expect(outcome(rules, note({ by: 'bea' }), null)).toBe('page-outreach:not-your-note');
  });

  test.each([
    { fanKey: 'J' },
    { text: 7 },
    { text: 'x'.repeat(MAX_FAN_NOTES + 1) },
    { at: 'today' },
    { at: 0.5 },
    { at: Date.now() + SKEW_MS + 60_000 },
    { fanName: 'x'.repeat(2001) },
  ])('a note that is not one the extension could write is refused (%o)', (fields) => {
    expect(outcome(rules, note(fields), null)).toBe('page-outreach:bad-note');
  });

  test('any member empties a forgotten fan’s note, and it must be emptied whole', () => {
    expect(outcome(rules, forgottenNote('bea'), note(), BEA)).toBe('accepted');
    expect(outcome(rules, { ...forgottenNote(), text: 'kept' }, note())).toBe('page-outreach:bad-note');
  });

  test('a note stays about its fan, and only a note that was there can be forgotten', () => {
    expect(outcome(rules, note({ fanId: '2002', by: 'bea' }), note(), BEA)).toBe('page-outreach:bad-note');
    expect(outcome(rules, forgottenNote(), null)).toBe('page-outreach:bad-note');
  });

  test('nobody writes a note again over a forgotten fan’s', () => {
    expect(outcome(rules, note({ by: 'bea' }), forgottenNote(), BEA)).toBe('page-outreach:note-forgotten');
  });

  test('an older extension is told to update, a newer one that the server’s rules are older', () => {
    expect(outcome(rules, contact({ schema: TEAM_SCHEMA - 1 }), null)).toBe('page-outreach:update-extension');
    expect(outcome(rules, contact({ schema: TEAM_SCHEMA + 1 }), null)).toBe(
      'page-outreach:update-server-rules',
    );
  });

  test('a document of no known kind is refused', () => {
    expect(outcome(rules, { _id: 'x', type: 'memo', schema: TEAM_SCHEMA }, null)).toBe(
      'page-outreach:not-a-team-document',
    );
    expect(outcome(rules, { _id: 'x' }, null)).toBe('page-outreach:not-a-team-document');
  });
});

test('the rules accept a template of each of the extension’s categories', () => {
  for (const category of CATEGORIES)
    expect(outcome(validateDocUpdate, template({ category }), null)).toBe('accepted');
});

/** Can an entry go from one status to the other in one settle or several? */
function settlesTo(from: EntryStatus, to: EntryStatus): boolean {
  if (from === to) return true;
  return ENTRY_STATUSES.some((step) => step !== from && canSettle(from, step) && settlesTo(step, to));
}

test('the rules move a contact’s status exactly as the extension settles an entry, in one step or several', () => {
  for (const from of ENTRY_STATUSES) {
    for (const to of ENTRY_STATUSES) {
      if (from === to) continue;
      const moved = outcome(validateDocUpdate, contact({ status: to }), contact({ status: from }));
      expect(moved, `${from} → ${to}`).toBe(
        settlesTo(from, to) ? 'accepted' : 'page-outreach:status-backwards',
      );
      const own = (st: EntryStatus) => recentContact('ann', 'a', st, 5_000);
      const inFan = outcome(validateDocUpdate, fan([own(to)]), fan([own(from)]));
      expect(inFan, `${from} → ${to} in a fan’s document`).toBe(
        settlesTo(from, to) ? 'accepted' : 'page-outreach:others-contact-changed',
      );
    }
  }
});

test('the rules hold a note’s fan name to what a backup keeps', () => {
  const longest = note({ fanName: 'x'.repeat(MAX_FAN_NAME) });
  expect(outcome(validateDocUpdate, longest, null)).toBe('accepted');
  expect(outcome(validateDocUpdate, { ...longest, fanName: `${longest.fanName}x` }, null)).toBe(
    'page-outreach:bad-note',
  );
});

test('the rules take notes as long as the extension lets an admin write them', () => {
  expect(outcome(validateDocUpdate, note({ text: 'x'.repeat(MAX_FAN_NOTES) }), null)).toBe('accepted');
});
