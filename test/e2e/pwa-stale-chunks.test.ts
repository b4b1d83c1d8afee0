import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveWithFreshProfiles } from './support/served-app';

const served = serveWithFreshProfiles();

/**
 * Opens a page in a fresh profile where the server responds 404 to the bundled deck chunk
 * `failures` times, as after a deploy removed it. The page has no service worker, like a
 * browser without one, so nothing but the server can answer.
 */
async function pageWithMissingChunks(failures: number): Promise<{ page: Page; navigations: () => number }> {
  const page = await served.freshPage();
  await page.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  let left = failures;
  await page.route(/\/assets\/dockerfile-instructions-[^/]+\.js$/, (route) => {
    if (left <= 0) return route.continue();
    left -= 1;
    return route.fulfill({ status: 404, body: 'not found' });
  });
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  return { page, navigations: () => navigations };
}

describe('a lazy chunk missing after a deploy', () => {
  it('reloads once and then loads the decks', async () => {
    const { page, navigations } = await pageWithMissingChunks(1);
    await page.goto(served.url);

    await page.locator('.deck', { hasText: 'Dockerfile instructions' }).waitFor();
    expect(navigations()).toBe(2);
  });

  it('reloads only once when the chunk stays missing', async () => {
    const { page, navigations } = await pageWithMissingChunks(Number.POSITIVE_INFINITY);
    await page.goto(served.url);

    await expect.poll(navigations, { timeout: 15_000 }).toBe(2);
    await page.getByRole('alert').filter({ hasText: 'The bundled decks could not be downloaded' }).waitFor();
    await page.waitForTimeout(1500);
    expect(navigations()).toBe(2);
    expect(await page.evaluate(() => sessionStorage.getItem('layerdeck:reloaded-for-missing-chunk'))).not.toBeNull();
  });
});
