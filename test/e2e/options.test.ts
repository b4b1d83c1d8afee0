import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

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

async function revealFirstCard(page: Page): Promise<void> {
  const card = page.locator('.study-card');
  await card.waitFor();
  const type = await card.getAttribute('data-card-type');
  if (type === 'typed') {
    await page.getByLabel('Your answer').fill('x');
    await page.getByRole('button', { name: 'Check' }).click();
  } else if (type === 'choice') {
    await page.locator('.option').first().click();
  } else {
    await page.getByRole('button', { name: 'Show answer' }).click();
  }
  await page.locator('.grades').waitFor();
}

const interval = (page: Page, grade: string) => page.getByRole('button', { name: grade }).locator('.grade-interval').textContent();

describe('deck options', () => {
  it('change the intervals of the next card', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    await revealFirstCard(page);
    expect(await interval(page, 'Again')).toBe('1m');
    expect(await interval(page, 'Good')).toBe('10m');

    await page.goto(`${server.url}/options/dockerfile-instructions`);
    await page.getByLabel('Use separate options for this deck').check();
    await page.getByLabel('Learning steps', { exact: true }).fill('2m 30m');
    await page.getByRole('button', { name: 'Save options' }).click();
    await page.getByRole('status').waitFor();

    await page.goto(`${server.url}/study/dockerfile-instructions`);
    await revealFirstCard(page);
    expect(await interval(page, 'Again')).toBe('2m');
    expect(await interval(page, 'Good')).toBe('30m');
  });

  it('reject a learning step of a day with a reason', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/options/dockerfile-instructions`);
    await page.getByLabel('Learning steps', { exact: true }).fill('1m 1d');
    await page.getByRole('button', { name: 'Save options' }).click();
    await expect.poll(() => page.locator('#help-learningSteps').textContent()).toMatch(/under a day/);
    expect(await page.getByLabel('Learning steps', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  });

  it('list a suspended card and unsuspend it', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    const card = page.locator('.study-card');
    await card.waitFor();
    const key = await card.getAttribute('data-card-key');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.getByRole('button', { name: 'Suspend' }).click();
    await page.locator(`.study-card:not([data-card-key="${key}"])`).waitFor();

    await page.goto(`${server.url}/options/dockerfile-instructions`);
    await page.getByRole('button', { name: 'Unsuspend' }).click();
    await expect.poll(() => page.getByText('No card in this deck is suspended.').isVisible()).toBe(true);
  });
});
