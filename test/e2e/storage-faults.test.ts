import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serveWithFreshProfiles } from './support/served-app';
import { countStored, revealCard, waitForCardAfter } from './support/pwa';

const served = serveWithFreshProfiles();

const freshPage = () => served.freshPage();

/** Studies the Dockerfile deck and stores `count` grades of Good; returns the card shown next. */
async function gradeCards(page: Page, count: number): Promise<string> {
  await page.goto(`${served.url}/study/dockerfile-instructions`);
  for (let index = 0; index < count; index++) {
    const key = await revealCard(page);
    await page.getByRole('button', { name: 'Good' }).click();
    await waitForCardAfter(page, key);
  }
  return (await page.locator('.study-card').getAttribute('data-card-key'))!;
}

function banner(page: Page, code: string) {
  return page.locator(`.banner[data-code="${code}"]`);
}

/** Makes every IndexedDB write in the page throw QuotaExceededError, as on a full disk, or stops that. */
async function setDiskFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((fill) => {
    const saved = window as unknown as { originalPut?: typeof IDBObjectStore.prototype.put; originalAdd?: typeof IDBObjectStore.prototype.add };
    saved.originalPut ??= IDBObjectStore.prototype.put;
    saved.originalAdd ??= IDBObjectStore.prototype.add;
    if (!fill) {
      IDBObjectStore.prototype.put = saved.originalPut;
      IDBObjectStore.prototype.add = saved.originalAdd;
      return;
    }
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = quota;
    IDBObjectStore.prototype.add = quota;
  }, full);
}

describe('a full disk during a grade', () => {
  it('reports it, keeps the card, saves on retry', async () => {
    const page = await freshPage();
    const shown = await gradeCards(page, 2);
    expect(await countStored(page, 'reviews')).toBe(2);

    await setDiskFull(page, true);
    await revealCard(page);
    await page.getByRole('button', { name: 'Good' }).click();

    await banner(page, 'quota-exceeded').waitFor();
    expect(await banner(page, 'quota-exceeded').textContent()).toContain('your last grade was not saved');
    expect(await page.locator('.study-card').getAttribute('data-card-key')).toBe(shown);
    expect(await countStored(page, 'reviews')).toBe(2);

    await setDiskFull(page, false);
    await page.getByRole('button', { name: 'Good' }).click();
    await waitForCardAfter(page, shown);
    expect(await countStored(page, 'reviews')).toBe(3);
  });
});

describe('another tab with a newer database version', () => {
  it('closes, reports, keeps stored grades', async () => {
    const page = await freshPage();
    const shown = await gradeCards(page, 2);

    // A second tab of a newer app version upgrades the database; this tab's connection closes.
    const newer = await served.profile.context.newPage();
    await newer.goto(`${served.url}/missing.txt`);
    await newer.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('layerdeck', 1000);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await banner(page, 'newer-version-open').waitFor();

    await revealCard(page);
    await page.getByRole('button', { name: 'Good' }).click();
    await page.waitForTimeout(300);

    expect(await page.locator('.study-card').getAttribute('data-card-key')).toBe(shown);
    expect(await banner(page, 'newer-version-open').isVisible()).toBe(true);
    expect(await countStored(newer, 'reviews')).toBe(2);
  });
});

describe('an upgrade blocked by another tab', () => {
  it('shows a banner until the tab closes', async () => {
    const page = await freshPage();
    // An older tab holds the database at a lower version and ignores requests to close.
    const older = await served.profile.context.newPage();
    await older.goto(`${served.url}/missing.txt`);
    await older.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('layerdeck', 1);
          open.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = open.result;
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );

    await page.goto(served.url);
    await banner(page, 'upgrade-blocked').waitFor();
    expect(await page.locator('.app-header').isVisible()).toBe(true);

    await older.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await page.locator('.deck', { hasText: 'Dockerfile instructions' }).waitFor();
    expect(await banner(page, 'upgrade-blocked').count()).toBe(0);

    await gradeCards(page, 1);
    expect(await countStored(page, 'reviews')).toBe(1);
  });
});

describe('a browser without IndexedDB', () => {
  it('renders the app with a banner', async () => {
    const page = await freshPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await page.goto(served.url);

    await banner(page, 'database-unavailable').waitFor();
    expect(await page.getByRole('heading', { name: 'Decks' }).isVisible()).toBe(true);
  });
});
