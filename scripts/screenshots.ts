/**
 * Takes screenshots of each screen at phone and desktop size, for a person to look at:
 *   npx tsx scripts/screenshots.ts [base URL] [output dir]
 * The app must already be served, for example by `npm start`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchProfile } from '../test/e2e/support/chromium';
import { waitForCardAfter } from '../test/e2e/support/study';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173';
const outDir = process.argv[3] ?? 'screenshots';
mkdirSync(outDir, { recursive: true });

const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

for (const [name, viewport] of Object.entries(sizes)) {
  const profile = await launchProfile(viewport);
  const page = await profile.context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('button', { name: /^Study/ }).first().waitFor();
  await page.screenshot({ path: join(outDir, `${name}-decks.png`), fullPage: true });

  await page.goto(`${baseUrl}/options/dockerfile-instructions`);
  await page.getByRole('button', { name: 'Save options' }).waitFor();
  await page.screenshot({ path: join(outDir, `${name}-options.png`), fullPage: true });
  await page.goto(baseUrl);

  await page.getByRole('button', { name: /^Study/ }).first().click();
  await page.locator('.study-card').waitFor();
  await page.screenshot({ path: join(outDir, `${name}-question.png`), fullPage: true });

  const captured = new Set<string>();
  for (let index = 0; index < 80; index++) {
    if (await page.locator('.summary').isVisible()) break;
    const type = (await page.locator('.study-card').getAttribute('data-card-type')) ?? 'basic';
    if (type === 'typed') {
      await page.getByLabel('Your answer').fill('RUN');
      if (!captured.has('typed')) await page.screenshot({ path: join(outDir, `${name}-typed.png`), fullPage: true });
      await page.getByRole('button', { name: 'Check' }).click();
    } else if (type === 'choice') {
      await page.locator('.option').first().click();
      if (await page.getByRole('button', { name: 'Check' }).isVisible()) await page.getByRole('button', { name: 'Check' }).click();
    } else {
      await page.getByRole('button', { name: 'Show answer' }).click();
    }
    if (!captured.has(type)) {
      captured.add(type);
      await page.screenshot({ path: join(outDir, `${name}-${type}-answer.png`), fullPage: true });
    }
    const key = (await page.locator('.study-card').getAttribute('data-card-key'))!;
    await page.getByRole('button', { name: 'Easy' }).click();
    await waitForCardAfter(page, key);
  }
  await page.locator('.summary').waitFor();
  await page.screenshot({ path: join(outDir, `${name}-summary.png`), fullPage: true });
  await profile.close();
}
console.log(`Screenshots written to ${outDir}`);
