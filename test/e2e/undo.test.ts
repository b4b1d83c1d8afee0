import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';
import { gradeIntervals, revealCard, storedRecords, waitForCardAfter } from './support/study';

let server: StaticServer;
let profile: Profile;

beforeAll(async () => {
  server = await serveStatic(DIST);
  profile = await launchProfile({ width: 1280, height: 800 });
});

afterAll(async () => {
  await profile.close();
  await server.close();
});

describe('undo', () => {
  it('shows the same card with the same intervals after the Undo button', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const key = await revealCard(page);
    const intervals = await gradeIntervals(page);
    await page.getByRole('button', { name: 'Good' }).click();
    await waitForCardAfter(page, key);
    const count = (await storedRecords(page, 'reviews')).length;

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(key);
    expect((await storedRecords(page, 'reviews')).length).toBe(count - 1);
    await revealCard(page);
    expect(await gradeIntervals(page)).toEqual(intervals);
  });

  it('takes back two grades with the u key, newest first', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const first = await revealCard(page);
    await page.getByRole('button', { name: 'Again' }).click();
    await waitForCardAfter(page, first);
    const second = await revealCard(page);
    await page.getByRole('button', { name: 'Easy' }).click();
    await waitForCardAfter(page, second);
    const count = (await storedRecords(page, 'reviews')).length;

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(second);
    // A typed card focuses its answer field, where u is text; Escape leaves the field.
    await page.keyboard.press('Escape');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(first);
    expect((await storedRecords(page, 'reviews')).length).toBe(count - 2);
  });
});

describe('grading input', () => {
  it('grades one card for a double click on Good', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const before = (await storedRecords(page, 'reviews')).length;
    const key = await revealCard(page);
    await page.getByRole('button', { name: 'Good' }).dblclick();
    await waitForCardAfter(page, key);
    await page.waitForTimeout(300);
    expect((await storedRecords(page, 'reviews')).length).toBe(before + 1);
  });

  it('grades one card for a held key', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const before = (await storedRecords(page, 'reviews')).length;
    const key = await revealCard(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.down('3');
    for (let repeat = 0; repeat < 5; repeat++) {
      await page.dispatchEvent('body', 'keydown', { key: '3', repeat: true });
    }
    await page.keyboard.up('3');
    await waitForCardAfter(page, key);
    await page.waitForTimeout(300);
    expect((await storedRecords(page, 'reviews')).length).toBe(before + 1);
  });

  it('does not grade on a click on a link inside the card', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const before = (await storedRecords(page, 'reviews')).length;
    await revealCard(page);
    const popup = page.context().waitForEvent('page', { timeout: 2000 }).catch(() => undefined);
    await page.locator('.source a').click({ modifiers: [] }).catch(() => undefined);
    await (await popup)?.close();
    await page.waitForTimeout(300);
    expect((await storedRecords(page, 'reviews')).length).toBe(before);
    expect(await page.locator('.grades').isVisible()).toBe(true);
  });
});
