import { z } from 'zod';
import type { MessageKey } from './i18n';

/**
 * An invite to a Page's team: the team server, the Page's database on it and one admin's own
 * credentials, handed from the owner to that admin out of band as one line of text.
 */
export interface TeamInvite {
  server: string;
  database: string;
  pageId: string;
  pageName: string;
  user: string;
  password: string;
  /** After this (ms since 1970) the invite is refused; its password is replaced when it is used. */
  expiresAt?: number;
}

const INVITE_PREFIX = 'page-outreach-invite:1:';
/** Longest invite accepted: a URL, a few names and a password fit in far less. */
const MAX_INVITE_CHARS = 4000;
const MAX_NAME = 200;
/**
 * Hosts a test build may reach over plain http: this machine, where the tests' team server listens.
 * A release build neither allows nor is permitted any plain-http host (manifest, vite.config.ts).
 */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];
/** CouchDB's rule for database names (letters lowercase), with ours: one database per Page, `po_…`. */
const DATABASE_NAME = /^po_[a-z0-9_$()+-]{1,200}$/;

export const TeamInviteSchema = z.strictObject({
  server: z.string().max(MAX_NAME * 4),
  database: z.string().regex(DATABASE_NAME),
  pageId: z.string().min(1).max(MAX_NAME),
  pageName: z.string().max(MAX_NAME),
  user: z.string().min(1).max(MAX_NAME),
  password: z.string().min(1).max(MAX_NAME),
  expiresAt: z.number().int().nonnegative().optional(),
});

export type InviteResult = { ok: true; invite: TeamInvite } | { ok: false; error: MessageKey };

/**
 * The server's base URL, or why it cannot be one: https only (plain http on this machine in test
 * builds), no credentials, query or fragment in it. A trailing slash is dropped so paths join cleanly.
 */
export function teamServerUrl(
  text: string,
  { loopback: loopbackAllowed = __TEST_BUILD__ } = {},
): { ok: true; url: string } | { ok: false; error: MessageKey } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: 'errorTeamServerUrl' };
  }
  if (url.username || url.password || url.search || url.hash)
    return { ok: false, error: 'errorTeamServerUrl' };
  const loopback = loopbackAllowed && LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return { ok: false, error: 'errorTeamServerInsecure' };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** The host permission a team server needs: its origin, any port (match patterns have none). */
export function teamHostPermission(serverUrl: string): string {
  const { protocol, hostname } = new URL(serverUrl);
  return `${protocol}//${hostname}/*`;
}

export function encodeInvite(invite: TeamInvite): string {
  const bytes = new TextEncoder().encode(JSON.stringify(invite));
  const base64 = btoa(String.fromCharCode(...bytes));
  return INVITE_PREFIX + base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Reads an invite as pasted (spaces and line breaks from mail clients are ignored). */
export function parseInvite(pasted: string): InviteResult {
  const text = pasted.replace(/\s+/g, '');
  if (text.length > MAX_INVITE_CHARS || !text.startsWith(INVITE_PREFIX))
    return { ok: false, error: 'errorInviteFormat' };
  let decoded: unknown;
  try {
    const base64 = text.slice(INVITE_PREFIX.length).replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    decoded = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: 'errorInviteFormat' };
  }
  const parsed = TeamInviteSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, error: 'errorInviteFormat' };
  const server = teamServerUrl(parsed.data.server);
  if (!server.ok) return server;
  return { ok: true, invite: { ...parsed.data, server: server.url } };
}
