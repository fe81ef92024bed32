import { describe, expect, test } from 'vitest';
import type { Template } from '../../src/shared/templates';
import { type Admin, eachTestATeamOfTwo } from './team-admins';

let ann: Admin;
let bea: Admin;
let pageId = '';
eachTestATeamOfTwo((team) => {
  ({ ann, bea } = team);
  pageId = team.comment.pageId;
});

const sync = (admin: Admin) => admin.call({ type: 'team/sync' });
/** The ids, on the team's server, of the team's templates this admin holds. */
const teamTemplateIds = async (admin: Admin) =>
  (await admin.call({ type: 'templates/list' })).templates.flatMap((template) =>
    template.team ? [template.team.id] : [],
  );

const giveaway: Template = {
  id: 'giveaway-winner',
  category: 'promo',
  language: 'en',
  title: 'You won the giveaway',
  body: 'Hi {first_name}, you won! Reply with your address.',
  position: 0,
};

/** The admin's whole backup file, as the log page downloads it. */
async function backUp(admin: Admin): Promise<string> {
  let text = '';
  let parts = 1;
  for (let part = 0; part < parts; part += 1) {
    const reply = await admin.call({ type: 'backup/export', part, exportedAt: Date.now() });
    text += reply.text;
    parts = reply.parts;
  }
  return text;
}

/** The admin restores a backup file over everything here, as the log page does. */
async function restoreOver(admin: Admin, text: string): Promise<void> {
  const uploadId = crypto.randomUUID();
  await admin.call({ type: 'backup/upload', uploadId, part: 0, text });
  await admin.call({ type: 'backup/restore', uploadId, parts: 1, mode: 'replace' });
}

describe('restoring a backup on a team’s Page', () => {
  test('a backup taken before a shared template existed, restored and synced, deletes it for nobody', async () => {
    await sync(bea);
    const older = await backUp(bea);
    await ann.call({ type: 'templates/save', template: { ...giveaway, team: { pageId, id: giveaway.id } } });
    await sync(ann);
    await sync(bea);
    expect(await teamTemplateIds(bea)).toContain(giveaway.id);

    await restoreOver(bea, older);
    await sync(bea);
    await sync(ann);

    expect(await teamTemplateIds(ann)).toContain(giveaway.id);
    expect(await teamTemplateIds(bea)).toContain(giveaway.id);
  });
});
