import { DEMO_POSTS, reactPostUrl } from '../fixtures/facebook-routes.mjs';
import { expect, sendActions, storedSightings, test } from './extension-test';
import { expectOneActionPerFanComment } from './react-bed';

const COMMENTS = 12;

test('every fan comment on the demo post is kept as seen once, by post and Facebook’s time, without names', async ({
  page,
  background,
}) => {
  await page.goto(DEMO_POSTS.en.url);
  await expect(sendActions(page)).toHaveCount(6);
  await expect.poll(async () => (await storedSightings(background)).length).toBe(6);
  const sightings = await storedSightings(background);
  expect(new Set(sightings.map(({ postKey }) => postKey))).toEqual(
    new Set(['/acmecoffee/posts/pfbid02AbCdEf']),
  );
  expect(sightings.every(({ timeFrom }) => timeFrom === 'facebook')).toBe(true);
  expect(JSON.stringify(sightings)).not.toMatch(/Giulia|giulia|Marco|hazelnut/);

  await page.reload();
  await expect(sendActions(page)).toHaveCount(6);
  await page.getByRole('button', { name: 'Send message to Marco Bianchi' }).click();
  expect(await storedSightings(background)).toHaveLength(6);
});

test('on the React bed, every fan comment React renders is kept as seen', async ({ page, background }) => {
  await page.goto(reactPostUrl('en', { comments: COMMENTS }));
  await expectOneActionPerFanComment(page);
  const fanComments = await sendActions(page).count();
  await expect.poll(async () => (await storedSightings(background)).length).toBe(fanComments);
  const fans = new Set((await storedSightings(background)).map(({ fanKey }) => fanKey));
  expect(fans.size).toBeGreaterThan(1);
});
