/**
 * Starts Debian's Chromium on a user-data directory the bench chooses, so one profile (and its
 * IndexedDB data) outlives a restart with service workers allowed or blocked. The flags and the
 * executable are the browser tests' own.
 */
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../test/e2e/support/chromium';

export async function launchBenchProfile(userDataDir: string, serviceWorkers: 'allow' | 'block'): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
    serviceWorkers,
  });
}
