import type { Page } from 'playwright-core';

/** Reads every record of one store of the app's IndexedDB database, from the page. */
export function storedRecords<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('layerdeck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Answers whatever card is shown with the mouse, so the grade buttons appear. */
export async function revealCard(page: Page): Promise<string> {
  const card = page.locator('.study-card');
  await card.waitFor();
  const key = (await card.getAttribute('data-card-key'))!;
  const type = await card.getAttribute('data-card-type');
  if (type === 'typed') {
    await page.getByLabel('Your answer').fill('an answer');
    await page.getByRole('button', { name: 'Check' }).click();
  } else if (type === 'choice') {
    await page.locator('.option').first().click();
    if (await page.getByRole('button', { name: 'Check' }).isVisible()) await page.getByRole('button', { name: 'Check' }).click();
  } else {
    await page.getByRole('button', { name: 'Show answer' }).click();
  }
  await page.locator('.grades').waitFor();
  return key;
}

/** The interval labels on the four grade buttons, in order. */
export function gradeIntervals(page: Page): Promise<string[]> {
  return page.locator('.grade-interval').allTextContents();
}

/** Waits until a card other than `key`, or the session summary, is shown. */
export async function waitForCardAfter(page: Page, key: string): Promise<void> {
  await page.locator(`.study-card:not([data-card-key="${key}"]), .summary`).first().waitFor();
}
