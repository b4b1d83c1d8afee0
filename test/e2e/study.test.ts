import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import { revealCard, storedRecords, waitForCardAfter } from './support/study';
import type { StaticServer } from './support/static-server';

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(DIST);
});

afterAll(async () => {
  await server.close();
});

interface Counts {
  new: number;
  learning: number;
  due: number;
}

async function deckCounts(page: Page, title: string): Promise<Counts> {
  const deck = page.locator('.deck', { hasText: title });
  await deck.waitFor();
  const read = async (name: string) => Number(await deck.locator(`.count-${name} dd`).textContent());
  return { new: await read('new'), learning: await read('learning'), due: await read('due') };
}

/** Answers whatever card is shown, using the mouse or touch, and grades it Good. */
async function answerAndGradeGood(page: Page): Promise<string> {
  const key = await revealCard(page);
  await page.getByRole('button', { name: 'Good' }).click();
  await waitForCardAfter(page, key);
  return key;
}

describe('studying the bundled deck on a phone', () => {
  let profile: Profile;

  beforeAll(async () => {
    profile = await launchProfile({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await profile.close();
  });

  it('keeps three grades across a reload', async () => {
    const page = await profile.context.newPage();
    await page.goto(server.url);
    const before = await deckCounts(page, 'Dockerfile instructions');
    expect(before.new).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Study Dockerfile instructions' }).click();
    const studied: string[] = [];
    for (let index = 0; index < 3; index++) studied.push(await answerAndGradeGood(page));
    expect(new Set(studied).size).toBe(3);

    await page.goto(server.url);
    const after = await deckCounts(page, 'Dockerfile instructions');
    const reviews = await storedRecords<{ cardKey: string }>(page, 'reviews');
    const schedules = await storedRecords<{ cardKey: string; state: string }>(page, 'schedules');

    expect(reviews.map((review) => review.cardKey).sort()).toEqual([...studied].sort());
    for (const key of studied) expect(schedules.find((schedule) => schedule.cardKey === key)?.state).not.toBe('new');
    expect(after.new).toBe(before.new - 3);
    const learningOrDue = schedules.filter((schedule) => schedule.state !== 'new').length;
    expect(after.learning + after.due).toBe(learningOrDue);
  });

  it('shows right or wrong and the expected answer for a typed card', async () => {
    const page = await profile.context.newPage();
    await page.goto(`${server.url}/study/dockerfile-instructions`);
    for (let index = 0; index < 40; index++) {
      await page.locator('.study-card').waitFor();
      if ((await page.locator('.study-card').getAttribute('data-card-type')) === 'typed') break;
      await answerAndGradeGood(page);
    }
    const field = page.getByLabel('Your answer');
    await field.fill('definitely wrong');
    await page.getByRole('button', { name: 'Check' }).click();

    await expect.poll(() => page.locator('.verdict-title').textContent()).toBe('Not quite');
    await expect.poll(() => page.locator('.answer-line', { hasText: 'Expected answer' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Again' }).getAttribute('class')).toContain('suggested');
  });
});

describe('studying with the keyboard alone on a desktop', () => {
  let profile: Profile;

  beforeAll(async () => {
    profile = await launchProfile({ width: 1280, height: 800 });
  });

  afterAll(async () => {
    await profile.close();
  });

  it('opens a deck, answers and grades five cards without the mouse', async () => {
    const page = await profile.context.newPage();
    await page.goto(server.url);
    await deckCounts(page, 'Dockerfile instructions');

    // Tab to the deck's Study button and open it with Enter.
    for (let index = 0; index < 10; index++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      if (focused === 'Study Dockerfile instructions') break;
    }
    await page.keyboard.press('Enter');
    await page.locator('.study-card').waitFor();

    const seen: string[] = [];
    for (let index = 0; index < 5; index++) {
      const card = page.locator('.study-card');
      const key = (await card.getAttribute('data-card-key'))!;
      const type = await card.getAttribute('data-card-type');
      seen.push(key);
      if (type === 'typed') {
        await page.keyboard.type('FROM');
        await page.keyboard.press('Enter');
      } else if (type === 'choice') {
        await page.keyboard.press('1');
        if (await page.getByRole('button', { name: 'Check' }).isVisible()) await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Space');
      }
      await page.locator('.grades').waitFor();
      await page.keyboard.press('3');
      await page.locator(`.study-card:not([data-card-key="${key}"]), .summary`).first().waitFor();
    }
    expect(new Set(seen).size).toBe(5);
    expect((await storedRecords(page, 'reviews')).length).toBe(5);

    await page.keyboard.press('u');
    await expect.poll(async () => (await storedRecords(page, 'reviews')).length).toBe(4);
    await expect.poll(() => page.locator('.study-card').getAttribute('data-card-key')).toBe(seen[4]);
  });
});
