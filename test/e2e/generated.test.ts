import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';
import { revealCard, storedRecords, waitForCardAfter } from './support/study';

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

/** Grades cards Easy until a generated card is shown, and returns its key. */
async function studyUntilGenerated(page: Page): Promise<string> {
  for (let index = 0; index < 80; index++) {
    const card = page.locator('.study-card');
    await card.waitFor();
    if ((await card.getAttribute('data-generated')) === 'true') return (await card.getAttribute('data-card-key'))!;
    const key = await revealCard(page);
    await page.getByRole('button', { name: 'Easy' }).click();
    await waitForCardAfter(page, key);
  }
  throw new Error('No generated card within 80 cards of the deck');
}

const variantOf = (page: Page) => page.locator('.study-card').getAttribute('data-variant');

describe('generated cards', () => {
  it('show a new variant at the next review and the same one after undo', async () => {
    const page = await profile.context.newPage();
    await page.clock.install();
    await page.clock.resume();
    // Generated cards may sit after the first 20 new cards, so the daily limit is raised first.
    await page.goto(`${server.url}/options/build-tag-push`);
    await page.getByLabel('Use separate options for this deck').check();
    await page.getByLabel('New cards per day').fill('200');
    await page.getByRole('button', { name: 'Save options' }).click();
    await page.getByRole('status').waitFor();
    await page.goto(`${server.url}/study/build-tag-push`);
    const key = await studyUntilGenerated(page);
    const first = await variantOf(page);
    expect(first).toBeTruthy();

    await revealCard(page);
    await page.getByRole('button', { name: 'Again' }).click();
    await waitForCardAfter(page, key);
    const reviews = await storedRecords<{ cardKey: string; variant?: { params: Record<string, string> } }>(page, 'reviews');
    expect(JSON.stringify(reviews.find((review) => review.cardKey === key)?.variant?.params)).toBe(first);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(key);
    expect(await variantOf(page)).toBe(first);

    // Again puts the card one minute away; after two minutes it is the next card, at review two.
    await revealCard(page);
    await page.getByRole('button', { name: 'Again' }).click();
    await waitForCardAfter(page, key);
    await page.clock.fastForward('02:00');
    const shown = await revealCard(page).then(async (next) => {
      await page.getByRole('button', { name: 'Easy' }).click();
      return next;
    });
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(key);
    expect(shown).not.toBe(key);
    expect(await variantOf(page)).not.toBe(first);
  });
});
