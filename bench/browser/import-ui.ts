/**
 * Import through the app's import screen: a generated deck file is chosen in the file input, the
 * learner confirms, and the screen reports the deck stored. The probe times each step in the page.
 */
import type { BrowserContext } from 'playwright-core';
import type { ImportTimeline } from './protocol';
import { BENCH_DECK_ID } from './protocol';
import { seededDeckText } from './synthetic';

export interface ImportUiResult {
  readonly cardCount: number;
  readonly fileBytes: number;
  /** File chosen to the confirmation shown: read, parse, validate and compare with the stored deck. */
  readonly readMs: number;
  /** "Import deck" clicked to the screen reporting the deck stored: the write transaction. */
  readonly saveMs: number;
  /** Both together: what the learner waits for, without the time spent reading the confirmation. */
  readonly totalMs: number;
}

/** Maximum time one import may take before the bench gives up, in milliseconds. */
const IMPORT_TIMEOUT_MS = 300_000;

export async function benchImportUi(context: BrowserContext, appUrl: string, cardCount: number): Promise<ImportUiResult> {
  const text = seededDeckText(BENCH_DECK_ID, cardCount);
  const page = await context.newPage();
  await page.goto(`${appUrl}/import`);
  await page.locator('.import-screen[data-phase="idle"]').waitFor();

  await page.evaluate(() => window.layerdeckProbe!.armImport());
  await page.locator('input[type="file"]').setInputFiles({ name: `${BENCH_DECK_ID}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('.import-screen[data-phase="confirm"], .import-screen[data-phase="failed"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });
  if (await page.locator('.import-screen[data-phase="failed"]').count()) {
    throw new Error(`The import screen rejected the generated deck: ${await page.locator('.import-failed').innerText()}`);
  }
  await page.locator('.confirm button.primary').click();
  await page.locator('.import-screen[data-phase="done"], .import-screen[data-phase="failed"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });
  if (await page.locator('.import-screen[data-phase="failed"]').count()) {
    throw new Error(`Saving the generated deck failed: ${await page.locator('.import-failed').innerText()}`);
  }

  const timeline: ImportTimeline = await page.evaluate(() => window.layerdeckProbe!.importDone!);
  await page.close();
  const readMs = timeline.confirmAt - timeline.chosenAt;
  const saveMs = timeline.doneAt - timeline.clickedAt;
  return { cardCount, fileBytes: Buffer.byteLength(text), readMs, saveMs, totalMs: readMs + saveMs };
}
