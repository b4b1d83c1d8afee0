import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { countStored, emptyDirectory, revealCard, waitForCardAfter, waitForServiceWorker } from './support/pwa';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

/** Reads the deck list's count of new cards for the Dockerfile deck. */
async function newCount(page: Page): Promise<number> {
  const deck = page.locator('.deck', { hasText: 'Dockerfile instructions' });
  await deck.waitFor();
  return Number(await deck.locator('.count-new dd').textContent());
}

let server: StaticServer;
let profile: Profile;
const empty = emptyDirectory();

beforeAll(async () => {
  server = await serveStatic(DIST);
  profile = await launchProfile({ width: 390, height: 844 });
});

afterAll(async () => {
  await profile.close();
  await server.close();
  rmSync(empty, { recursive: true, force: true });
});

describe('offline after one online visit', () => {
  it('starts, studies and keeps a grade', async () => {
    const page = await profile.context.newPage();
    await page.goto(server.url);
    const newBefore = await newCount(page);
    await waitForServiceWorker(page);

    // No network, and a server that no longer has the app: only the precache can answer.
    await profile.context.setOffline(true);
    server.setRoot(empty);

    await page.reload();
    await expect.poll(() => page.locator('.deck', { hasText: 'Dockerfile instructions' }).count(), { timeout: 15_000 }).toBe(1);

    const coldStart = await profile.context.newPage();
    await coldStart.goto(server.url);
    await coldStart.locator('.deck', { hasText: 'Dockerfile instructions' }).waitFor();
    await coldStart.close();

    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const key = await revealCard(page);
    await page.getByRole('button', { name: 'Good' }).click();
    await waitForCardAfter(page, key);
    expect(await countStored(page, 'reviews')).toBe(1);

    await page.reload();
    await page.locator('.study-card').waitFor();
    expect(await page.locator('.study-card').getAttribute('data-card-key')).not.toBe(key);
    expect(await countStored(page, 'reviews')).toBe(1);

    await page.goto(server.url);
    expect(await newCount(page)).toBe(newBefore - 1);
  });
});
