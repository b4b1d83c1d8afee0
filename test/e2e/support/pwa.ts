import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { ROOT } from './global-setup';

const run = promisify(execFile);

/**
 * Waits until the service worker is active and controls the page, so the page works offline.
 * A worker whose install failed (a precached file missing on the server) never gets there, so
 * this fails after `timeoutMs` with a message that says so.
 */
export async function waitForServiceWorker(page: Page, timeoutMs = 30_000): Promise<void> {
  const controlled = await page.evaluate(async (timeout) => {
    const control = (async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return true;
      // The worker claims open pages when it activates (Workbox clientsClaim).
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
      return true;
    })();
    const expired = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeout));
    return Promise.race([control, expired]);
  }, timeoutMs);
  if (!controlled) throw new Error(`The service worker did not control the page within ${timeoutMs} ms; check that its install did not fail.`);
}

/** Counts the records of one store of the app's IndexedDB database, from the page. */
export function countStored(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('layerdeck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Answers whatever card is shown, of any type, so the grade buttons appear; returns the card key. */
export async function revealCard(page: Page): Promise<string> {
  const card = page.locator('.study-card');
  await card.waitFor();
  const key = (await card.getAttribute('data-card-key'))!;
  const check = page.getByRole('button', { name: 'Check' });
  if (await page.getByLabel('Your answer').isVisible()) {
    await page.getByLabel('Your answer').fill('an answer');
    await check.click();
  } else if (await page.locator('.option').first().isVisible()) {
    await page.locator('.option').first().click();
    if (await check.isVisible()) await check.click();
  } else {
    await page.getByRole('button', { name: 'Show answer' }).click();
  }
  await page.locator('.grades').waitFor();
  return key;
}

/** Waits until a card other than `key`, or the session summary, is shown. */
export async function waitForCardAfter(page: Page, key: string): Promise<void> {
  await page.locator(`.study-card:not([data-card-key="${key}"]), .summary`).first().waitFor();
}

/** Creates an empty directory, for a server that no longer has the app. */
export function emptyDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'layerdeck-empty-'));
}

/**
 * Builds the app into `outDir` with `VITE_BUILD_ID` set, as a deploy would. Vite 8 refuses to
 * start while another build of this project runs, so a refused start is tried again for a while.
 */
export async function buildInto(outDir: string, buildId: string): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite would then build with import.meta.env.PROD false.
  const env = { ...process.env, NODE_ENV: 'production', VITE_BUILD_ID: buildId };
  for (let attempt = 1; ; attempt++) {
    try {
      await run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, env });
      return;
    } catch (error) {
      const output = String((error as { stderr?: string }).stderr ?? error);
      if (attempt >= 20 || !output.includes('Found another Vite build process')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
}
