import { describe, expect, test } from 'vitest';
import { encodeInvite, parseInvite, teamServerUrl, type TeamInvite } from '../../src/shared/team-invite';

const INVITE: TeamInvite = {
  server: 'https://couch.agency.example/couchdb',
  database: 'po_123456789',
  pageId: '123456789',
  pageName: 'Caffè Acme ☕',
  user: 'bea',
  password: 'kT3v9wq-2LrXa8uVb0mZ5g',
};

describe('a team invite', () => {
  test('reads back exactly what the owner wrote into it, accents and emoji included', () => {
    expect(parseInvite(encodeInvite(INVITE))).toEqual({ ok: true, invite: INVITE });
  });

  test('survives the line breaks and spaces a mail client adds', () => {
    const code = encodeInvite(INVITE);
    const wrapped = `  ${code.slice(0, 30)}\n${code.slice(30, 61)} \r\n${code.slice(61)}\n`;
    expect(parseInvite(wrapped)).toEqual({ ok: true, invite: INVITE });
  });

  test.each([
    ['an empty paste', ''],
    ['some other text', 'hello, join my team'],
    ['a cut-off invite', encodeInvite(INVITE).slice(0, 60)],
    ['an invite with a character changed', encodeInvite(INVITE).replace(/.$/, '!')],
    ['an invite without its password', encodeInvite({ ...INVITE, password: '' })],
    ['an invite naming a database that is not a Page’s', encodeInvite({ ...INVITE, database: '_users' })],
  ])('refuses %s with a clear error', (_case, pasted) => {
    expect(parseInvite(pasted)).toEqual({ ok: false, error: 'errorInviteFormat' });
  });

  test('refuses a team server reached over plain http', () => {
    expect(parseInvite(encodeInvite({ ...INVITE, server: 'http://couch.agency.example' }))).toEqual({
      ok: false,
      error: 'errorTeamServerInsecure',
    });
  });
});

describe('a team server address', () => {
  test('is https, with its path kept and a trailing slash dropped', () => {
    expect(teamServerUrl(' https://couch.agency.example/db/ ')).toEqual({
      ok: true,
      url: 'https://couch.agency.example/db',
    });
  });

  test.each(['http://localhost:5984', 'http://127.0.0.1:5984'])(
    'may be plain http on this computer in a test build only: %s',
    (address) => {
      expect(teamServerUrl(address, { loopback: true })).toMatchObject({ ok: true });
      expect(teamServerUrl(address, { loopback: false })).toEqual({
        ok: false,
        error: 'errorTeamServerInsecure',
      });
    },
  );

  test('is never plain http on an address no build is permitted to reach: [::1]', () => {
    expect(teamServerUrl('http://[::1]:5984', { loopback: true })).toEqual({
      ok: false,
      error: 'errorTeamServerInsecure',
    });
  });

  test.each([
    ['plain http elsewhere', 'http://couch.agency.example', 'errorTeamServerInsecure'],
    ['another scheme', 'ftp://couch.agency.example', 'errorTeamServerInsecure'],
    ['credentials in it', 'https://owner:secret@couch.agency.example', 'errorTeamServerUrl'],
    ['a query', 'https://couch.agency.example/?db=x', 'errorTeamServerUrl'],
    ['not a URL', 'couch.agency.example', 'errorTeamServerUrl'],
  ])('refuses %s', (_case, address, error) => {
    expect(teamServerUrl(address)).toEqual({ ok: false, error });
  });
});
