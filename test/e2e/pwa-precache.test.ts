import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { listFiles } from '../../scripts/check-precache';
import { PRECACHE_EXCLUSIONS } from '../../scripts/pwa-config';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST, ROOT } from './support/global-setup';
import { waitForServiceWorker } from './support/pwa';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

let server: StaticServer;
let profile: Profile;
/** Paths (without the leading slash) of every response in the browser's Workbox precache. */
let cachedPaths: string[];

beforeAll(async () => {
  server = await serveStatic(DIST);
  profile = await launchProfile({ width: 390, height: 844 });
  const page = await profile.context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  const urls = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('workbox-precache'));
    const requests = await Promise.all(names.map(async (name) => (await caches.open(name)).keys()));
    return requests.flat().map((request) => request.url);
  });
  cachedPaths = urls.map((url) => new URL(url).pathname.slice(1));
});

afterAll(async () => {
  await profile.close();
  await server.close();
});

describe('precache in the browser', () => {
  it('holds every built file not excluded with a reason', () => {
    const uncovered = listFiles(DIST).filter(
      (file) => !cachedPaths.includes(file) && !PRECACHE_EXCLUSIONS.some((exclusion) => minimatch(file, exclusion.glob, { dot: true })),
    );
    expect(uncovered).toEqual([]);
  });

  it('holds nothing an exclusion names', () => {
    const excludedButCached = cachedPaths.filter((path) => PRECACHE_EXCLUSIONS.some((exclusion) => minimatch(path, exclusion.glob, { dot: true })));
    expect(excludedButCached).toEqual([]);
  });

  it('gives every exclusion a reason', () => {
    for (const exclusion of PRECACHE_EXCLUSIONS) expect(exclusion.reason.length, exclusion.glob).toBeGreaterThan(20);
  });

  it('holds a lazy chunk for every bundled deck', () => {
    const decks = readdirSync(join(ROOT, 'decks')).filter((name) => name.endsWith('.json'));
    expect(decks.length).toBeGreaterThan(0);
    for (const deck of decks) {
      const base = deck.replace(/\.json$/, '');
      expect(cachedPaths.some((path) => path.startsWith(`assets/${base}-`) && path.endsWith('.js')), deck).toBe(true);
    }
  });

  it('holds the app shell, manifest and icons', () => {
    for (const path of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png']) {
      expect(cachedPaths, path).toContain(path);
    }
  });
});
