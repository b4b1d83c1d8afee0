/**
 * Cold start with the service worker installed: a new tab opens the study screen and the probe
 * records when the first card is interactive. The blank page, served by the same static server and
 * cached by a service worker of its own, shows what any page costs to load here.
 */
import type { BrowserContext } from 'playwright-core';
import { waitForServiceWorker } from '../../test/e2e/support/pwa';

export interface ColdStartResult {
  /** Navigation start to the first study card interactive, one sample per load. */
  readonly appMs: number[];
  /** Navigation start to the blank page's load event end. */
  readonly blankMs: number[];
}

/** Opens `url` once so its service worker installs and takes control. */
async function installServiceWorker(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForServiceWorker(page);
  await page.close();
}

/** Installs both service workers, then loads the study screen and the blank page `loads` times each, alternating. */
export async function benchColdStart(context: BrowserContext, studyUrl: string, blankUrl: string, loads: number): Promise<ColdStartResult> {
  await installServiceWorker(context, studyUrl);
  await installServiceWorker(context, blankUrl);
  const result: ColdStartResult = { appMs: [], blankMs: [] };
  for (let load = 0; load < loads; load++) {
    const appPage = await context.newPage();
    await appPage.goto(studyUrl);
    const timing = await appPage.evaluate(() => window.layerdeckProbe!.coldStart);
    if (!timing.controlled) throw new Error('Cold start is invalid: the study screen loaded without its service worker controlling it.');
    result.appMs.push(timing.interactiveAt);
    await appPage.close();

    const blankPage = await context.newPage();
    await blankPage.goto(blankUrl, { waitUntil: 'load' });
    const blank = await blankPage.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { loadEnd: navigation.loadEventEnd, controlled: navigator.serviceWorker.controller !== null };
    });
    if (!blank.controlled) throw new Error('The blank page comparison is invalid: the page loaded without its service worker controlling it.');
    result.blankMs.push(blank.loadEnd);
    await blankPage.close();
  }
  return result;
}
