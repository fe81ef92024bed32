import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { TEAM_SCHEMA, teamDesignDocument } from '../../src/background/team/design-document';
import { strippedContact, type ContactDocument } from '../../src/background/team/contact-document';
import { mergeFanDocuments } from '../../src/background/team/fan-document';
import { validateDocUpdate } from '../../src/background/team/validate-doc-update';
import {
  canSettle,
  CATEGORIES,
  ENTRY_STATUSES,
  MAX_FAN_NOTES,
  type EntryStatus,
} from '../../src/shared/outreach';
import { DAY_MS } from '../../src/shared/time';

type Rules = typeof validateDocUpdate;
type Doc = Parameters<Rules>[0];

const ANN = { name: 'ann', roles: [] };
const BEA = { name: 'bea', roles: [] };
const OWNER = { name: 'owner', roles: [] };
const SECURITY = { admins: { names: ['owner'] }, members: { names: ['ann', 'bea'] } };

/** The rules as the server runs them: their shipped source, evaluated alone, with nothing around it. */
const shipped: Rules = runInNewContext(`(${teamDesignDocument().validate_doc_update})`);

function outcome(rules: Rules, doc: Doc, old: Doc | null, user = ANN): string {
  try {
    rules(doc, old, user, SECURITY);
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
const fan = (recent: unknown[], dnc: unknown = null): Doc => ({
  _id: 'fan:K',
  type: 'fan',
  schema: TEAM_SCHEMA,
  fanKey: 'K',
  recent,
  dnc,
});

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
    const stripped = strippedContact(full as unknown as ContactDocument) as unknown as Doc;
    expect(outcome(rules, stripped, full, BEA)).toBe('accepted');
  });

  test('a strip that changes anything but the fan’s personal fields is refused', () => {
    const full = contact({ fanName: 'Giulia', status: 'sent' });
    const stripped = strippedContact(full as unknown as ContactDocument) as unknown as Doc;
    expect(outcome(rules, { ...stripped, status: 'failed' }, full, BEA)).toBe(
      'page-outreach:not-your-contact',
    );
    expect(outcome(rules, { ...stripped, fanName: 'Someone' }, full, BEA)).toBe(
      'page-outreach:not-your-contact',
    );
  });

  test('nobody, its author included, puts back what was stripped', () => {
    const full = contact({ fanName: 'Giulia' });
    const stripped = strippedContact(full as unknown as ContactDocument) as unknown as Doc;
    expect(outcome(rules, full, stripped)).toBe('page-outreach:not-your-contact');
    expect(outcome(rules, { ...stripped, status: 'sending' }, stripped)).toBe('accepted');
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

  test('another admin’s recent contact in a fan’s document is neither removed nor rewritten', () => {
    const beas = recentContact('bea', 'b');
    expect(outcome(rules, fan([]), fan([beas]))).toBe('page-outreach:others-contact-removed');
    expect(outcome(rules, fan([{ ...beas, cat: 'promo' }]), fan([beas]))).toBe(
      'page-outreach:others-contact-changed',
    );
  });

  test('another admin’s contact only moves forward when copies merge, and goes once past the window', () => {
    const beas = recentContact('bea', 'b', 'sending');
    expect(outcome(rules, fan([{ ...beas, st: 'sent' }]), fan([beas]))).toBe('accepted');
    expect(outcome(rules, fan([{ ...beas, st: 'reserved' }]), fan([beas]))).toBe(
      'page-outreach:others-contact-changed',
    );
    const old = recentContact('bea', 'b', 'sent', Date.now() - 91 * DAY_MS);
    expect(outcome(rules, fan([]), fan([old]))).toBe('accepted');
  });

  test('a “do not contact” change is signed by the admin making it', () => {
    const mark = { on: true, by: 'ann', at: 5 };
    expect(outcome(rules, fan([], mark), fan([]))).toBe('accepted');
    expect(outcome(rules, fan([], { ...mark, by: 'bea' }), fan([]))).toBe('page-outreach:not-your-mark');
    // Kept as another admin set it, it is no change.
    expect(outcome(rules, fan([], { ...mark, by: 'bea' }), fan([], { ...mark, by: 'bea' }))).toBe('accepted');
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

  test.each([{ fanKey: 'J' }, { text: 7 }, { text: 'x'.repeat(MAX_FAN_NOTES + 1) }, { at: 'today' }])(
    'a note that is not one the extension could write is refused (%o)',
    (fields) => {
      expect(outcome(rules, note(fields), null)).toBe('page-outreach:bad-note');
    },
  );

  test('any member empties a forgotten fan’s note, and it must be emptied whole', () => {
    expect(outcome(rules, forgottenNote('bea'), note(), BEA)).toBe('accepted');
    expect(outcome(rules, { ...forgottenNote(), text: 'kept' }, note())).toBe('page-outreach:bad-note');
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

test('the rules move a contact’s status exactly as the extension settles an entry', () => {
  for (const from of ENTRY_STATUSES) {
    for (const to of ENTRY_STATUSES) {
      if (from === to) continue;
      const moved = outcome(validateDocUpdate, contact({ status: to }), contact({ status: from }));
      expect(moved, `${from} → ${to}`).toBe(
        canSettle(from, to) ? 'accepted' : 'page-outreach:status-backwards',
      );
    }
  }
});

test('the rules let another admin’s contact move exactly as a merge of copies moves it', () => {
  for (const from of ENTRY_STATUSES) {
    for (const to of ENTRY_STATUSES) {
      const beas = (st: EntryStatus) => recentContact('bea', 'b', st, 5_000);
      const merged = mergeFanDocuments(
        { recent: [beas(from)], dnc: null },
        { recent: [beas(to)], dnc: null },
        0,
      );
      const moved = outcome(validateDocUpdate, fan([beas(to)]), fan([beas(from)]));
      expect(moved, `${from} → ${to}`).toBe(
        merged.recent[0]!.st === to ? 'accepted' : 'page-outreach:others-contact-changed',
      );
    }
  }
});

test('the rules take notes as long as the extension lets an admin write them', () => {
  expect(outcome(validateDocUpdate, note({ text: 'x'.repeat(MAX_FAN_NOTES) }), null)).toBe('accepted');
});
