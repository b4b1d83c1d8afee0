import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

let server: StaticServer;
let profile: Profile;

beforeAll(async () => {
  server = await serveStatic(DIST);
  profile = await launchProfile({ width: 390, height: 844 });
});

afterAll(async () => {
  await profile.close();
  await server.close();
});

describe('cloze cards', () => {
  it('highlight a deletion inside a code span instead of showing HTML', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/image-pull-policy`);
    const card = page.locator('.study-card[data-card-key^="image-pull-policy/ref-short-name-expansion#c"]');
    await card.waitFor();
    expect(await card.locator('code mark.cloze').count()).toBeGreaterThan(0);
    expect(await card.textContent()).not.toContain('<mark');

    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.locator('.grades').waitFor();
    expect(await card.locator('code mark.cloze').count()).toBe(1);
    expect(await card.textContent()).not.toContain('<mark');
  });
});
