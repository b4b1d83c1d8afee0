import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildPackage, SAMPLE_MEDIA, sampleSpec } from '../domain/import/support/anki-package';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(DIST);
});

afterAll(async () => {
  await server.close();
});

const CSV = '\uFEFFquestion,answer\n"¿Qué hora es?","What time is it? (a, b)"\nhablar,to speak\ncomer,"to eat\nto have lunch"\n';

/** Reads every record of the app's IndexedDB stores straight from the page. */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('layerdeck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const transaction = db.transaction(names);
          const result: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => (result[name] = request.result);
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(result);
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
}

async function openImport(page: Page): Promise<void> {
  await page.goto(server.url);
  await page.locator('.deck').first().waitFor();
  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import and export' }).waitFor();
}

async function pickFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.locator('.import-screen input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

async function deckCardCount(page: Page, title: string): Promise<string | null> {
  const deck = page.locator('.deck', { has: page.getByRole('heading', { name: title, exact: true }) });
  await deck.waitFor();
  return deck.locator('.deck-text .muted').first().textContent();
}

describe('importing through the file picker', () => {
  let profile: Profile;
  let page: Page;

  const violations: string[] = [];

  beforeAll(async () => {
    profile = await launchProfile({ width: 390, height: 844 });
    page = await profile.context.newPage();
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
  });

  afterAll(async () => {
    await profile.close();
  });

  afterAll(() => {
    // Only the hostile deck's blocked javascript: link may be reported, never the app's own code.
    expect(violations.filter((text) => !text.includes('javascript:'))).toEqual([]);
  });

  it('imports a CSV file and studies its cards', async () => {
    await openImport(page);
    await pickFile(page, 'Spanish basics.csv', 'text/csv', Buffer.from(CSV));

    await page.getByRole('heading', { name: 'Check the columns' }).waitFor();
    expect(await page.getByLabel('Field separator').inputValue()).toBe(',');
    expect(await page.getByLabel('Use of column 1').inputValue()).toBe('front');
    expect(await page.getByLabel('Use of column 2').inputValue()).toBe('back');
    expect(await page.getByLabel('The first row holds column names, not a card').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByText('3 cards will be added as the new deck “Spanish basics”.').waitFor();
    await page.getByRole('button', { name: 'Import deck' }).click();
    await page.locator('.import-done').waitFor();
    await page.getByRole('button', { name: 'Back to decks' }).click();
    expect(await deckCardCount(page, 'Spanish basics')).toBe('3 cards');

    await page.getByRole('button', { name: 'Study Spanish basics' }).click();
    const card = page.locator('.study-card');
    await card.waitFor();
    expect(await card.locator('.question').textContent()).toContain('¿Qué hora es?');
    await page.getByRole('button', { name: 'Show answer' }).click();
    expect(await card.locator('.answer').textContent()).toContain('What time is it? (a, b)');
    await page.getByRole('button', { name: 'Good' }).click();
    await expect.poll(async () => (await dumpDatabase(page)).reviews?.length).toBe(1);
  });

  it('imports an Anki package with history and media', async () => {
    const apkg = await buildPackage(3, sampleSpec(), SAMPLE_MEDIA);
    await openImport(page);
    await pickFile(page, 'spanish.apkg', 'application/octet-stream', Buffer.from(apkg));

    await page.getByText('4 cards will be added as the new deck “Spanish”.').waitFor();
    await page.getByText('4 reviews from the file will be added').waitFor();
    await page.getByText('2 images and sounds will be stored with the deck.').waitFor();
    await page.getByRole('button', { name: 'Import deck' }).click();
    await page.locator('.import-done').waitFor();
    await page.getByRole('button', { name: 'Back to decks' }).click();
    expect(await deckCardCount(page, 'Spanish')).toBe('4 cards');

    const stored = await dumpDatabase(page);
    expect(stored.reviews?.filter((review) => (review as { deckId: string }).deckId === 'anki-1600000000000')).toHaveLength(4);
    expect(stored.media).toHaveLength(2);

    // The relearning card is due first: its front is bold HTML, its back an image from the package.
    await page.getByRole('button', { name: 'Study Spanish', exact: true }).click();
    const card = page.locator('.study-card');
    await card.waitFor();
    expect(await card.getAttribute('data-card-key')).toBe('anki-1600000000000/Ab3_23x_2fY');
    expect(await card.locator('.question b').textContent()).toBe('hablar');
    await page.getByRole('button', { name: 'Show answer' }).click();
    const image = card.locator('.answer img[data-media="speak.png"]');
    await expect.poll(() => image.getAttribute('data-media-state')).toBe('ready');
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1);
    await page.getByRole('button', { name: 'Good' }).click();
    await expect.poll(async () => (await dumpDatabase(page)).reviews?.length).toBe(6);

    // Study on until the card whose answer has a [sound:...] tag comes up.
    const soundCard = 'anki-1600000000000/Cd4_5fz';
    for (let index = 0; index < 4 && (await card.getAttribute('data-card-key')) !== soundCard; index++) {
      const key = await card.getAttribute('data-card-key');
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good' }).click();
      await page.locator(`.study-card:not([data-card-key="${key}"])`).waitFor();
    }
    expect(await card.getAttribute('data-card-key')).toBe(soundCard);
    await page.getByRole('button', { name: 'Show answer' }).click();
    const audio = card.locator('.answer audio[data-media="perro.mp3"]');
    await expect.poll(() => audio.getAttribute('data-media-state')).toBe('ready');
    expect(await audio.getAttribute('src')).toMatch(/^blob:/);
    expect(await card.locator('.answer').textContent()).not.toContain('[sound:');
  });

  it('shows an error for a corrupt package and changes nothing', async () => {
    const apkg = await buildPackage(2, sampleSpec(), SAMPLE_MEDIA);
    await openImport(page);
    const before = await dumpDatabase(page);
    await pickFile(page, 'broken.apkg', 'application/octet-stream', Buffer.from(apkg.subarray(0, apkg.length - 300)));

    const error = page.locator('.import-failed');
    await error.waitFor();
    expect(await error.textContent()).toContain('broken.apkg was not imported, and nothing was changed');
    expect(await error.textContent()).toContain('download or export it again');
    expect(await dumpDatabase(page)).toEqual(before);
  });

  it('strips scripts and event handlers from imported HTML', async () => {
    const hostile =
      '#html:true\n#separator:tab\n' +
      '<img src=x onerror="window.__hacked=1"><b>bold</b><ruby>漢<rt>kan</rt></ruby>\t' +
      '<script>window.__hacked=2</script><a href="javascript:window.__hacked=3">link</a><iframe src="/"></iframe>' +
      '<table><tr><td>cell</td></tr></table><code>docker ps</code><img src="data:image/png;base64,iVBORw0KGgo=">\n';
    await openImport(page);
    await pickFile(page, 'hostile.csv', 'text/csv', Buffer.from(hostile));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Import deck' }).click();
    await page.getByRole('button', { name: 'Study now' }).click();
    const card = page.locator('.study-card');
    await card.waitFor();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await card.locator('.answer').waitFor();
    expect(await card.locator('b').textContent()).toBe('bold');
    expect(await card.locator('ruby rt').textContent()).toBe('kan');
    expect(await card.locator('.answer table td').textContent()).toBe('cell');
    expect(await card.locator('.answer code').textContent()).toBe('docker ps');
    expect(await card.locator('.answer img').getAttribute('src')).toMatch(/^data:image\/png/);
    expect(await card.locator('script, iframe, [onerror]').count()).toBe(0);
    expect(await card.locator('a').getAttribute('href')).toBeNull();
    expect(await page.evaluate(() => (window as { __hacked?: number }).__hacked)).toBeUndefined();
  });
});

describe('a backup restored into a fresh browser profile', () => {
  it('gives identical decks, schedules and review logs', async () => {
    const source = await launchProfile({ width: 1280, height: 800 });
    const page = await source.context.newPage();
    await openImport(page);
    await pickFile(page, 'spanish.apkg', 'application/octet-stream', Buffer.from(await buildPackage(1, sampleSpec(), SAMPLE_MEDIA)));
    await page.getByRole('button', { name: 'Import deck' }).click();
    await page.getByRole('button', { name: 'Study now' }).click();
    await page.locator('.study-card').waitFor();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Again' }).click();
    await expect.poll(async () => (await dumpDatabase(page)).reviews?.length).toBe(5);

    await page.getByRole('link', { name: 'Settings' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
    const backup = readFileSync((await download.path())!);
    const original = await dumpDatabase(page);
    await source.close();

    const fresh = await launchProfile({ width: 1280, height: 800 });
    const restored = await fresh.context.newPage();
    await openImport(restored);
    await pickFile(restored, download.suggestedFilename(), 'application/json', backup);
    await restored.getByRole('button', { name: 'Replace everything' }).click();
    await restored.locator('.import-done').waitFor();
    const copy = await dumpDatabase(restored);
    await fresh.close();

    for (const store of ['decks', 'cards', 'schedules', 'reviews', 'holds', 'media']) {
      const records = original[store] ?? [];
      expect(copy[store]?.length, store).toBe(records.length);
      records.forEach((record, index) => expect(copy[store]?.[index], `${store}[${index}]`).toEqual(record));
    }
  });
});
