import { expect, test } from 'vitest';
import { contactDocumentOf, entryOfContact } from '../../src/background/team/contact-document';
import { sampleEntry } from './sample-entry';

test('an entry sent to the team’s log comes back to a teammate as the same row, with its author', () => {
  const entry = sampleEntry(1, { commentSlot: '1', team: 'confirmed' });
  const { commentSlot: _slot, team: _team, ...shared } = entry;
  expect(entryOfContact(contactDocumentOf(entry, 'K', 'Ann'))).toEqual({ ...shared, author: 'Ann' });
});

test('a teammate’s contact never brings a comment slot or team state into this browser’s log', () => {
  const written = { ...contactDocumentOf(sampleEntry(1), 'K', 'Ann'), commentSlot: '1', team: 'pending' };
  const row = entryOfContact(written);
  expect(row).toMatchObject({ author: 'Ann' });
  expect(row).not.toHaveProperty('commentSlot');
  expect(row).not.toHaveProperty('team');
});

test('a document that is not a well-formed contact is no row of the log', () => {
  expect(entryOfContact({ ...contactDocumentOf(sampleEntry(1), 'K', 'Ann'), status: 'gone' })).toBeNull();
  expect(entryOfContact({ type: 'template', entryId: 'x' })).toBeNull();
  expect(entryOfContact(null)).toBeNull();
});
