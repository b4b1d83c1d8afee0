import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';
import { revealCard, waitForCardAfter } from './support/study';

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

const CARD = 'build-tag-push/docker-build-tag-context';

describe('grading a typed command', () => {
  it('explains a near miss, preselects Again, and accepts an equivalent form', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/build-tag-push`);
    for (let index = 0; index < 20; index++) {
      await page.locator('.study-card').waitFor();
      const key = (await page.locator('.study-card').getAttribute('data-card-key'))!;
      if (key === CARD) break;
      await revealCard(page);
      await page.getByRole('button', { name: 'Easy' }).click();
      await waitForCardAfter(page, key);
    }
    expect(await page.locator('.study-card').getAttribute('data-card-key')).toBe(CARD);

    // The tag is missing, so the image would be webapp:latest.
    await page.getByLabel('Your answer').fill('docker build -t webapp .');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.verdict-title').textContent()).toBe('Not quite');
    const feedback = await page.locator('.feedback li').allTextContents();
    expect(feedback.join(' ')).toMatch(/latest/);
    expect(await page.locator('.answer-line', { hasText: 'Expected answer' }).textContent()).toContain('docker build -t webapp:2.1 .');
    expect(await page.getByRole('button', { name: 'Again' }).getAttribute('class')).toContain('suggested');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Again');

    // The learner may pick another grade; undo brings the card back for an equivalent answer.
    await page.getByRole('button', { name: 'Again' }).click();
    await waitForCardAfter(page, CARD);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(CARD);
    await page.getByLabel('Your answer').fill('docker build . --tag=webapp:2.1');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.verdict-title').textContent()).toBe('Correct');
    expect(await page.getByRole('button', { name: 'Good' }).getAttribute('class')).toContain('suggested');
  });

  it('says when the phone keyboard changed the answer', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/build-tag-push`);
    await page.locator('.study-card').waitFor();
    for (let index = 0; index < 20; index++) {
      const key = (await page.locator('.study-card').getAttribute('data-card-key'))!;
      if (key === CARD) break;
      await revealCard(page);
      await page.getByRole('button', { name: 'Easy' }).click();
      await waitForCardAfter(page, key);
    }
    await page.getByLabel('Your answer').fill('docker build \u2014tag=webapp:2.1 .');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => page.locator('.verdict-title').textContent()).toBe('Correct');
    expect(await page.locator('.feedback li[data-code="keyboard-replaced-dashes"]').count()).toBe(1);
  });
});
