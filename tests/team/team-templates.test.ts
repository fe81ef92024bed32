import { TEAM_SCHEMA } from '../../src/background/team/design-document';
import { describe, expect, test } from 'vitest';
import type { CommentContext } from '../../src/shared/comment-context';
import { DEFAULT_TEMPLATES, type Template } from '../../src/shared/templates';
import { MAX_IMPORTED_TEMPLATES } from '../../src/shared/export-document';
import type { CouchServer } from './couch-process.mjs';
import type { TeamInvite } from '../../src/shared/team-invite';
import { type Admin, eachTestATeamOfTwo, memberAuth } from './team-admins';

let couch: CouchServer;
let ann: Admin;
let bea: Admin;
let comment: CommentContext;
let malInvite: TeamInvite;
eachTestATeamOfTwo((team) => ({ couch, ann, bea, comment, malInvite } = team));

const sync = (admin: Admin) => admin.call({ type: 'team/sync' });
const templatesOf = async (admin: Admin) => (await admin.call({ type: 'templates/list' })).templates;
const save = (admin: Admin, template: Omit<Template, 'position'>) =>
  admin.call({ type: 'templates/save', template: { ...template, position: 0 } });
/** The admin shares the template with the Page's team (saving it as the team's). */
const share = (admin: Admin, template: Omit<Template, 'position' | 'team'>) =>
  save(admin, { ...template, team: { pageId: comment.pageId, id: template.id } });
/** The admin's copy of the team's template `id` (under an id of its own in each browser). */
const teamCopy = async (admin: Admin, id: string) =>
  (await templatesOf(admin)).find((template) => template.team?.id === id);

const giveaway: Omit<Template, 'position'> = {
  id: 'giveaway-winner',
  category: 'promo',
  language: 'en',
  title: 'You won the giveaway',
  body: 'Hi {first_name}, you won! Reply with your address.',
};
const FIRST_DEFAULT = DEFAULT_TEMPLATES[0]!;

describe('the team’s shared templates', () => {
  test('a template one admin shares with the team appears for the other after both sync', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await sync(bea);
    const { id: _id, ...words } = giveaway;
    expect(await teamCopy(bea, giveaway.id)).toMatchObject({ ...words, team: { pageId: comment.pageId } });
  });

  test('joining shares no template: each admin keeps only their own, and the team’s server holds none', async () => {
    await sync(ann);
    await sync(bea);
    await sync(ann);
    expect(await templatesOf(bea)).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(await templatesOf(ann)).toHaveLength(DEFAULT_TEMPLATES.length);
    const held = await fetch(
      `${couch.url}/${malInvite.database}/_all_docs?startkey="template:"&endkey="template;"`,
      {
        headers: { Authorization: memberAuth(malInvite) },
      },
    );
    expect(((await held.json()) as { rows: unknown[] }).rows).toEqual([]);
  });

  test('a template kept as the admin’s own never reaches the team, even one with a team template’s id', async () => {
    await save(bea, giveaway);
    await share(ann, giveaway);
    await sync(ann);
    await sync(bea);
    await save(ann, {
      ...giveaway,
      team: { pageId: comment.pageId, id: giveaway.id },
      body: 'Edited, {first_name}',
    });
    await sync(ann);
    await sync(bea);
    expect((await templatesOf(bea)).find((template) => template.id === giveaway.id)).toEqual({
      ...giveaway,
      position: expect.any(Number),
    });
  });

  test('a team template is offered only on its own Page’s comments', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await bea.pick(comment);
    expect((await bea.call({ type: 'popup/sync' })).templates.map((template) => template.team?.id)).toContain(
      giveaway.id,
    );
    await bea.pick({ ...comment, pageId: 'another-page', pageName: 'Another Page' });
    const offered = (await bea.call({ type: 'popup/open' })).templates;
    expect(offered.some((template) => template.team !== undefined)).toBe(false);
  });

  test('an edit reaches the other admin, who keeps the template where they put it', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await sync(bea);
    const place = (await teamCopy(bea, giveaway.id))!.position;
    await share(ann, { ...giveaway, body: 'Hi {first_name}, you won the mug!' });
    await sync(ann);
    await sync(bea);
    expect(await teamCopy(bea, giveaway.id)).toMatchObject({
      body: 'Hi {first_name}, you won the mug!',
      position: place,
    });
  });

  test('a template one admin deletes goes for the other too', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await sync(bea);
    await ann.call({ type: 'templates/delete', id: giveaway.id });
    await sync(ann);
    await sync(bea);
    expect(await teamCopy(bea, giveaway.id)).toBeUndefined();
  });

  test('two admins edit the same template before syncing: the first to sync wins, the other’s edit stays as their own copy', async () => {
    await share(ann, FIRST_DEFAULT);
    await sync(ann);
    await sync(bea);
    const beas = (await teamCopy(bea, FIRST_DEFAULT.id))!;
    await share(ann, { ...FIRST_DEFAULT, body: 'Ann’s thanks, {first_name}.' });
    await save(bea, { ...beas, body: 'Bea’s thanks, {first_name}.' });
    await sync(ann);
    await sync(bea);
    await sync(ann);
    for (const admin of [ann, bea]) {
      const templates = await templatesOf(admin);
      expect(templates.find((template) => template.team?.id === FIRST_DEFAULT.id)?.body).toBe(
        'Ann’s thanks, {first_name}.',
      );
    }
    // Bea's words are hers, not yet the team's: she may share them again.
    const kept = (await templatesOf(bea)).find((template) => template.body === 'Bea’s thanks, {first_name}.');
    expect(kept).toMatchObject({ title: `${FIRST_DEFAULT.title} (your version)` });
    expect(kept?.team).toBeUndefined();
  });

  test('an edit made while another admin deleted the template is kept as a copy', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await sync(bea);
    const beas = (await teamCopy(bea, giveaway.id))!;
    await ann.call({ type: 'templates/delete', id: giveaway.id });
    await sync(ann);
    await save(bea, { ...beas, body: 'Still running, {first_name}!' });
    await sync(bea);
    expect(await templatesOf(bea)).toContainEqual(
      expect.objectContaining({
        title: `${giveaway.title} (your version)`,
        body: 'Still running, {first_name}!',
      }),
    );
  });

  test('a template a teammate’s server holds in a shape the extension cannot use is left out', async () => {
    // Mal, a member, writes a template the rules let in but the extension cannot use (no title).
    const written = await fetch(`${couch.url}/${malInvite.database}/template:broken`, {
      method: 'PUT',
      headers: { Authorization: memberAuth(malInvite), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'template',
        schema: TEAM_SCHEMA,
        templateId: 'broken',
        category: 'thanks',
        by: malInvite.user,
        title: '',
        body: 'x',
      }),
    });
    expect(written.status).toBe(201);
    await sync(bea);
    expect((await templatesOf(bea)).map((template) => template.id)).not.toContain('broken');
  });

  test('a teammate’s flood of templates stops at what a backup keeps, and Bea’s backup still restores', async () => {
    const docs = Array.from({ length: 510 }, (_, index) => ({
      _id: `template:flood-${index}`,
      type: 'template',
      schema: TEAM_SCHEMA,
      templateId: `flood-${index}`,
      category: 'promo',
      language: 'en',
      title: `Flood ${index}`,
      body: 'Claim your prize',
      by: malInvite.user,
    }));
    const written = await fetch(`${couch.url}/${malInvite.database}/_bulk_docs`, {
      method: 'POST',
      headers: { Authorization: memberAuth(malInvite), 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    expect(written.status).toBe(201);
    await sync(bea);
    expect((await templatesOf(bea)).length).toBe(MAX_IMPORTED_TEMPLATES);
    const backup = await bea.send({ type: 'backup/export', part: 0, exportedAt: Date.now() });
    expect(backup.ok).toBe(true);
  });

  test('leaving the team keeps the templates it brought, and the team’s edits no longer reach them', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await sync(bea);
    await bea.call({ type: 'team/leave', pageId: comment.pageId });
    await share(ann, { ...giveaway, body: 'After Bea left, {first_name}' });
    await sync(ann);
    expect(await teamCopy(bea, giveaway.id)).toMatchObject({ body: giveaway.body });
  });
});

describe('opening the popup on a team’s Page', () => {
  test('syncs the team: a teammate’s new template is in the list, and the sync state is fresh', async () => {
    await share(ann, giveaway);
    await sync(ann);
    await bea.pick(comment);
    const opened = await bea.call({ type: 'popup/open' });
    expect(opened.team).toMatchObject({ user: 'Bea', lastSyncedAt: expect.any(Number) });
    const synced = await bea.call({ type: 'popup/sync' });
    expect(synced).toMatchObject({ commentId: comment.commentId, team: { user: 'Bea', pending: 0 } });
    expect(synced.team!.lastSyncedAt).toBeGreaterThan(opened.team!.lastSyncedAt!);
    expect(synced.templates.map((template) => template.team?.id)).toContain(giveaway.id);
  });
});
