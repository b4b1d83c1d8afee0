import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { buildInto, countStored, revealCard, waitForServiceWorker } from './support/pwa';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

const builds = mkdtempSync(join(tmpdir(), 'layerdeck-builds-'));
const buildB = join(builds, 'b');
let server: StaticServer;
let profile: Profile;

beforeAll(async () => {
  // The second deploy differs from the first (dist/, built without a label) in one constant, the
  // build label that Settings shows.
  await buildInto(buildB, 'deploy-b');
  server = await serveStatic(DIST);
  profile = await launchProfile({ width: 390, height: 844 });
}, 120_000);

afterAll(async () => {
  await profile?.close();
  await server?.close();
  rmSync(builds, { recursive: true, force: true });
});

/** Counts loads of the page's main frame from now on. */
function countNavigations(page: Page): () => number {
  let count = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) count += 1;
  });
  return () => count;
}

/** Makes the page believe it became visible again, as when the learner returns to the app. */
async function returnToApp(page: Page): Promise<void> {
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
}

describe('update to a new deploy', () => {
  it('prompts, then reloads once into build B', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/settings`);
    await expect.poll(() => page.locator('.app-version').textContent(), { timeout: 15_000 }).toMatch(/^Layerdeck \d+\.\d+\.\d+$/);
    await waitForServiceWorker(page);

    await page.goto(`${server.url}/study/dockerfile-instructions`);
    await revealCard(page);
    server.setRoot(buildB);
    await returnToApp(page);
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Layerdeck is ready.' });
    await prompt.waitFor();

    const navigations = countNavigations(page);
    // Grade and accept in one task, so the grade is still being stored when the update starts.
    await page.evaluate(() => {
      const buttons = [...document.querySelectorAll('button')];
      buttons.find((button) => button.textContent?.includes('Good'))!.click();
      buttons.find((button) => button.textContent?.trim() === 'Update now')!.click();
    });

    await expect.poll(navigations, { timeout: 15_000 }).toBe(1);
    await page.locator('.study-card').waitFor();
    expect(await countStored(page, 'reviews')).toBe(1);
    await page.goto(`${server.url}/settings`);
    await expect.poll(() => page.locator('.app-version').textContent(), { timeout: 15_000 }).toContain('build deploy-b');
    expect(await page.locator('.update-prompt').count()).toBe(0);

    // No second reload follows the first.
    await page.waitForTimeout(1500);
    expect(navigations()).toBe(2);
  });
});
