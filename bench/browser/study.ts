/**
 * Grade-to-next-card in the built app: the answer is shown with Space, then the key 3 (Good)
 * grades it. Playwright sends real key presses, and the probe in the page times each one from the
 * keydown event's time stamp to the first animation frame after the next card is in the DOM.
 */
import type { Page } from 'playwright-core';
import type { TransitionKind, TransitionTiming } from './protocol';

export interface StudyRunResult {
  /** Key 3 pressed to the frame after the next card appeared, one sample per grade. */
  readonly gradeToFrameMs: number[];
  /** Key 3 pressed to the next card in the DOM, before waiting for a frame. */
  readonly gradeToDomMs: number[];
  /** Space pressed to the frame after the grade buttons appeared. */
  readonly revealToFrameMs: number[];
  /**
   * Next card in the DOM to the page's last IndexedDB transaction closed: the work the app does
   * after showing the card, such as counting what is left. The 5 ms polling of the idle check is included.
   */
  readonly backgroundMs: number[];
  readonly requested: number;
  /** Whether the time budget ran out before `requested` grades. */
  readonly stoppedByBudget: boolean;
}

async function pressAndTime(page: Page, kind: TransitionKind, key: string): Promise<TransitionTiming> {
  await page.evaluate((armed) => window.layerdeckProbe!.arm(armed), kind);
  await page.keyboard.press(key);
  return page.evaluate(() => window.layerdeckProbe!.pending!);
}

/**
 * Shows the answer of the card on screen and grades it Good, timing both key presses. Then it waits
 * until the app has no IndexedDB transaction open, as a learner reading the new card would give it
 * time to, and returns how long that background work ran after the card was in the DOM.
 */
async function gradeOne(page: Page): Promise<{ reveal: TransitionTiming; next: TransitionTiming; backgroundMs: number }> {
  const before = await page.locator('.study-card').getAttribute('data-card-key');
  const reveal = await pressAndTime(page, 'answer', 'Space');
  const next = await pressAndTime(page, 'next-card', '3');
  if (!next.cardKey || next.cardKey === before) throw new Error(`Grading card ${before} did not lead to another card (shown: ${next.cardKey ?? 'none'}).`);
  const idleAt = await page.evaluate(() => window.layerdeckProbe!.storageIdle());
  return { reveal, next, backgroundMs: idleAt - next.domAt };
}

/** Untimed grades before the timed ones, so the page's code is compiled and its first reads are done. */
const WARM_UP_GRADES = 3;

/** Grades up to `count` cards of the page's study session, stopping early when `budgetMs` has passed. */
export async function benchGradeToNext(page: Page, count: number, budgetMs: number): Promise<StudyRunResult> {
  const result = { gradeToFrameMs: [] as number[], gradeToDomMs: [] as number[], revealToFrameMs: [] as number[], backgroundMs: [] as number[] };
  await page.locator('.study-card[data-card-key]').waitFor();
  for (let grade = 0; grade < WARM_UP_GRADES; grade++) await gradeOne(page);

  const started = Date.now();
  for (let grade = 0; grade < count; grade++) {
    if (Date.now() - started > budgetMs) return { ...result, requested: count, stoppedByBudget: true };
    const { reveal, next, backgroundMs } = await gradeOne(page);
    result.revealToFrameMs.push(reveal.frameAt - reveal.keyAt);
    result.gradeToFrameMs.push(next.frameAt - next.keyAt);
    result.gradeToDomMs.push(next.domAt - next.keyAt);
    result.backgroundMs.push(backgroundMs);
  }
  return { ...result, requested: count, stoppedByBudget: false };
}
