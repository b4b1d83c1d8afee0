/**
 * The browser benches, in the order their data needs: the built app and the storage bench page are
 * served from one origin on 127.0.0.1, so they share one IndexedDB database in one Chromium profile.
 *
 * 1. Service workers blocked (else the app's worker would answer /bench/ with the app shell): the
 *    import screen imports the large deck, and the bench page writes the same records with bare
 *    Dexie before and after it. Then the bench page stores a million reviews for that deck and
 *    times the due queue against bare Dexie.
 * 2. Service workers allowed, same profile: the study screen installs the worker, new tabs open
 *    it cold next to a blank page, and then it is graded card after card.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic } from '../../test/e2e/support/static-server';
import type { StaticServer } from '../../test/e2e/support/static-server';
import { buildForBench } from './build';
import { launchBenchProfile } from './chromium';
import { benchColdStart } from './cold-start';
import type { ColdStartResult } from './cold-start';
import { benchImportUi } from './import-ui';
import type { ImportUiResult } from './import-ui';
import { BENCH_DECK_ID } from './protocol';
import type { DueQueueRepetitions, DueQueueSamples, SeedReport, StudyStepSamples } from './protocol';
import { measureSizes } from './sizes';
import type { SizeResult } from './sizes';
import { benchGradeToNext } from './study';
import type { StudyRunResult } from './study';

export interface BrowserSettings {
  readonly cards: number;
  readonly reviews: number;
  /** Reviews per `bulkAdd` call while the history is written. */
  readonly reviewChunk: number;
  readonly dueQueueRepetitions: DueQueueRepetitions;
  /** Grades timed step by step in the bench page, for the breakdown of one study step. */
  readonly stepBreakdownGrades: number;
  readonly grades: number;
  /** Milliseconds the grading run may take before it stops with fewer grades. */
  readonly gradeBudgetMs: number;
  readonly coldStarts: number;
}

export interface BrowserResult {
  readonly chromiumVersion: string;
  readonly importUi: ImportUiResult;
  /** Milliseconds for the bare Dexie `bulkPut` of the records the import stored, once before and once after it. */
  readonly importBareMs: number[];
  readonly seed: SeedReport;
  readonly dueQueue: DueQueueSamples;
  readonly studySteps: StudyStepSamples;
  readonly study: StudyRunResult;
  readonly coldStart: ColdStartResult;
  readonly sizes: SizeResult;
  /** Wall-clock milliseconds of each phase, setup included. */
  readonly phaseMs: Record<string, number>;
}

/** Logs page errors, so a failing bench shows the app's own message. */
function watchErrors(context: BrowserContext): void {
  const watch = (page: Page) => page.on('pageerror', (error) => console.error(`page error on ${page.url()}: ${error.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
}

async function openBenchPage(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${appUrl}/bench/storage.html`);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
  return page;
}

export async function runBrowserBenches(settings: BrowserSettings, log: (line: string) => void): Promise<BrowserResult> {
  const phaseMs: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    log(`browser: ${name}...`);
    const start = Date.now();
    const value = await work();
    phaseMs[name] = Date.now() - start;
    return value;
  };

  const outDir = mkdtempSync(join(tmpdir(), 'layerdeck-bench-'));
  const profileDir = join(outDir, 'profile');
  const servers: StaticServer[] = [];
  let context: BrowserContext | undefined;
  try {
    const built = await phase('build', () => buildForBench(join(outDir, 'build')));
    const sizes = measureSizes(built.appDir);
    const app = await serveStatic(built.appDir);
    const blank = await serveStatic(built.blankDir);
    servers.push(app, blank);

    context = await launchBenchProfile(profileDir, 'block');
    watchErrors(context);
    await context.addInitScript({ path: built.probeFile });

    const benchPage = await openBenchPage(context, app.url);
    const userAgent = await benchPage.evaluate(() => navigator.userAgent);
    const chromiumVersion = /Chrome\/([\d.]+)/.exec(userAgent)?.[1] ?? userAgent;
    // The bare write runs before and after the app's import, so a change in machine load during the
    // import moves both sides of the ratio.
    const importBare = async () => {
      const elapsed = await benchPage.evaluate((cards) => window.layerdeckBench!.importBare('layerdeck-bench-bare', cards), settings.cards);
      await benchPage.evaluate(() => window.layerdeckBench!.deleteDatabase('layerdeck-bench-bare'));
      return elapsed;
    };
    const importBareMs = [await phase('bare Dexie bulkPut, before', importBare)];
    const importUi = await phase('import through the import screen', () => benchImportUi(context!, app.url, settings.cards));
    importBareMs.push(await phase('bare Dexie bulkPut, after', importBare));
    const seed = await phase('write review history', () =>
      benchPage.evaluate(([reviews, chunk]) => window.layerdeckBench!.seedHistory(reviews, chunk), [settings.reviews, settings.reviewChunk] as const),
    );
    // A heavy user raises the daily review limit; the default 200 would end the grading run early.
    await benchPage.evaluate(() => window.layerdeckBench!.setStudyLimits(1000, 20));
    const dueQueue = await phase('due queue', () => benchPage.evaluate((repetitions) => window.layerdeckBench!.dueQueue(repetitions), settings.dueQueueRepetitions));
    const studySteps = await phase('study step breakdown', () => benchPage.evaluate((grades) => window.layerdeckBench!.studySteps(grades), settings.stepBreakdownGrades));
    await context.close();

    context = await launchBenchProfile(profileDir, 'allow');
    watchErrors(context);
    await context.addInitScript({ path: built.probeFile });
    // Cold start goes first: its first visit installs the service worker, and the grading run
    // starts later, when Chromium has settled after writing a million reviews.
    const studyUrl = `${app.url}/study/${BENCH_DECK_ID}`;
    const coldStart = await phase('cold start', () => benchColdStart(context!, studyUrl, `${blank.url}/`, settings.coldStarts));
    const study = await phase('grade to next card', async () => {
      const page = await context!.newPage();
      await page.goto(studyUrl);
      const run = await benchGradeToNext(page, settings.grades, settings.gradeBudgetMs);
      await page.close();
      return run;
    });

    return { chromiumVersion, importUi, importBareMs, seed, dueQueue, studySteps, study, coldStart, sizes, phaseMs };
  } finally {
    await context?.close();
    for (const server of servers) await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
