/**
 * A Vite plugin that fails the build when a file in the output directory is neither in the
 * service worker's precache manifest nor listed in `PRECACHE_EXCLUSIONS`. So no shipped file (a
 * lazy chunk, a bundled deck, a WASM module, an icon) can silently miss offline support.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import type { Plugin, ResolvedConfig } from 'vite';
import type { PrecacheExclusion } from './pwa-config.ts';

export interface PrecacheReport {
  /** Files that are neither precached nor excluded: the build fails when this is not empty. */
  readonly uncovered: string[];
  /** Precache URLs listed more than once. */
  readonly duplicates: string[];
  /** Precache URLs with no file behind them. */
  readonly missing: string[];
  /** Excluded files, each with the reason of the first exclusion that matches it. */
  readonly excluded: { file: string; reason: string }[];
}

/** Lists every file under `directory`, as paths relative to it with `/` separators. */
export function listFiles(directory: string): string[] {
  const entries = readdirSync(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Reads the precache URLs from a service worker that Workbox's generateSW wrote. The manifest is
 * inlined as an array of `{url, revision}` objects, and minified output drops the quotes of the keys.
 */
export function readPrecacheUrls(serviceWorker: string): string[] {
  const call = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*,/.exec(serviceWorker);
  if (!call) throw new Error('The service worker has no precacheAndRoute([...]) call, so its precache manifest cannot be read.');
  return [...call[1]!.matchAll(/["']?url["']?\s*:\s*["']([^"']+)["']/g)].map((match) => match[1]!);
}

/** Compares the files in the output directory with the precache URLs and the exclusions. */
export function comparePrecache(files: readonly string[], precacheUrls: readonly string[], exclusions: readonly PrecacheExclusion[]): PrecacheReport {
  const precached = new Set(precacheUrls.map((url) => url.replace(/^\//, '')));
  const fileSet = new Set(files);
  const report: PrecacheReport = { uncovered: [], duplicates: [], missing: [], excluded: [] };

  for (const file of files) {
    if (precached.has(file)) continue;
    const exclusion = exclusions.find((candidate) => minimatch(file, candidate.glob, { dot: true }));
    if (exclusion) report.excluded.push({ file, reason: exclusion.reason });
    else report.uncovered.push(file);
  }

  const seen = new Set<string>();
  for (const url of precacheUrls) {
    if (seen.has(url)) report.duplicates.push(url);
    seen.add(url);
  }
  for (const url of precached) if (!fileSet.has(url)) report.missing.push(url);
  return report;
}

/** Formats the report's problems as lines of an error message, none when the precache is complete. */
export function describeProblems(report: PrecacheReport): string[] {
  return [
    ...report.uncovered.map((file) => `${file} is neither precached nor listed in PRECACHE_EXCLUSIONS (scripts/pwa-config.ts)`),
    ...report.duplicates.map((url) => `${url} is listed twice in the precache manifest`),
    ...report.missing.map((url) => `${url} is in the precache manifest but not in the output directory`),
  ];
}

/**
 * Checks the output directory after vite-plugin-pwa has written the service worker. Place it after
 * VitePWA() in the plugin list: both run their `closeBundle` in sequence and this one runs last.
 */
export function precacheCheck(exclusions: readonly PrecacheExclusion[], serviceWorkerFile = 'sw.js'): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'layerdeck:precache-check',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const outDir = resolve(config.root, config.build.outDir);
        const urls = readPrecacheUrls(readFileSync(join(outDir, serviceWorkerFile), 'utf8'));
        const report = comparePrecache(listFiles(outDir), urls, exclusions);
        const problems = describeProblems(report);
        if (problems.length > 0) {
          throw new Error(`Precache check failed for ${outDir}:\n  ${problems.join('\n  ')}`);
        }
        config.logger.info(`precache check: ${urls.length} files precached, ${report.excluded.length} excluded with a reason`);
      },
    },
  };
}
