import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveWithFreshProfiles } from './support/served-app';
import { countStored, revealCard, waitForCardAfter } from './support/pwa';

const served = serveWithFreshProfiles();

const freshPage = () => served.freshPage();

async function gradeOne(page: Page): Promise<void> {
  await page.goto(`${served.url}/study/dockerfile-instructions`);
  const key = await revealCard(page);
  await page.getByRole('button', { name: 'Good' }).click();
  await waitForCardAfter(page, key);
}

/** Exports a backup from Settings and returns the downloaded file's name and text. */
async function exportFromSettings(page: Page): Promise<{ name: string; text: string }> {
  await page.getByRole('link', { name: 'Settings' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Chooses `text` as the file in the restore flow started by the first "Restore a backup" button. */
async function chooseBackup(page: Page, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Restore a backup' }).first().click()]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('Settings', () => {
  it('shows refused persistence and usage', async () => {
    const page = await freshPage();
    await page.goto(`${served.url}/settings`);

    await expect.poll(() => page.locator('.persistence').getAttribute('data-persistence'), { timeout: 15_000 }).toBe('not-granted');
    expect(await page.locator('.persistence').textContent()).toContain('Export a backup now and then');
    await expect.poll(() => page.locator('.usage').textContent(), { timeout: 15_000 }).toMatch(/^Layerdeck uses .+ of the .+ this browser allows it\.$/);
  });

  it('shows granted persistence', async () => {
    const page = await freshPage();
    const browser = await served.profile.context.newCDPSession(page);
    await browser.send('Browser.grantPermissions', { origin: served.url, permissions: ['durableStorage'] });
    await page.goto(`${served.url}/settings`);

    await expect.poll(() => page.locator('.persistence').getAttribute('data-persistence'), { timeout: 15_000 }).toBe('granted');
    expect(await page.locator('.persistence').textContent()).toContain('keeps Layerdeck’s data');
    expect(await page.getByRole('button', { name: 'Ask the browser to keep data' }).count()).toBe(0);
  });

  it('exports and restores into a new profile', async () => {
    const page = await freshPage();
    await gradeOne(page);
    await gradeOne(page);
    const { name, text } = await exportFromSettings(page);
    const backup = JSON.parse(text);

    expect(name).toMatch(/^layerdeck-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(backup.format).toBe('layerdeck.backup');
    expect(backup.version).toBe(1);
    expect(backup.tables.reviews).toHaveLength(2);
    await served.profile.close();

    // A new browser, as an app installed on iOS starts with empty storage: the deck list offers the restore.
    const restored = await freshPage();
    await restored.goto(served.url);
    await restored.locator('.restore-offer').waitFor();
    await chooseBackup(restored, name, text);
    await restored.getByRole('button', { name: 'Replace everything' }).click();

    await restored.locator('.restore-done').waitFor();
    expect(await countStored(restored, 'reviews')).toBe(2);
    await restored.reload();
    await restored.locator('.deck').first().waitFor();
    expect(await restored.locator('.restore-offer').count()).toBe(0);
  });

  it('rejects an invalid backup and changes nothing', async () => {
    const page = await freshPage();
    await gradeOne(page);
    const { name, text } = await exportFromSettings(page);
    const broken = JSON.parse(text);
    broken.tables.reviews[0].rating = 'perfect';

    await chooseBackup(page, name, JSON.stringify(broken));

    const problems = page.locator('.restore-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('cannot be restored, so nothing was changed');
    expect(await problems.textContent()).toContain('tables.reviews[0].rating: expected one of again, hard, good, easy, got "perfect"');
    expect(await page.getByRole('button', { name: 'Replace everything' }).count()).toBe(0);
    expect(await countStored(page, 'reviews')).toBe(1);
  });

  it('reminds to export after the first grade', async () => {
    const page = await freshPage();
    await page.goto(served.url);
    await page.locator('.deck').first().waitFor();
    expect(await page.locator('.backup-reminder').count()).toBe(0);

    await gradeOne(page);
    await page.getByRole('link', { name: 'Layerdeck' }).click();

    await page.locator('.backup-reminder').waitFor();
    await page.locator('.backup-reminder').getByRole('button', { name: 'Open settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  });
});
