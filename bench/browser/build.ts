/**
 * Builds what the browser benches serve: the app as `npm run build` builds it, the storage bench
 * page under `/bench/` of the same directory (so it shares the app's origin and database), the
 * app probe as one classic script, and the blank comparison page in a directory of its own.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');
const BROWSER_DIR = import.meta.dirname;

export interface BenchBuild {
  /** The built app, with the storage bench page in its `bench/` folder. */
  readonly appDir: string;
  /** The app probe, an IIFE script for `addInitScript`. */
  readonly probeFile: string;
  /** The blank page and its service worker. */
  readonly blankDir: string;
}

export async function buildForBench(outDir: string): Promise<BenchBuild> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const appDir = join(outDir, 'app');
  const probeDir = join(outDir, 'probe');
  const blankDir = join(outDir, 'blank');

  // The project's own vite.config.ts, as `npm run build` uses it, including the precache check.
  await build({ root: ROOT, mode: 'production', logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });

  // Built after the app, so it is not in the app's precache, which is built from the files present then.
  await build({
    configFile: false,
    root: BROWSER_DIR,
    base: '/bench/',
    logLevel: 'warn',
    build: { outDir: join(appDir, 'bench'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(BROWSER_DIR, 'storage.html') } },
  });

  await build({
    configFile: false,
    root: BROWSER_DIR,
    logLevel: 'warn',
    build: {
      outDir: probeDir,
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: join(BROWSER_DIR, 'app-probe.ts'), formats: ['iife'], name: 'layerdeckProbeBundle', fileName: () => 'app-probe.js' },
    },
  });

  cpSync(join(BROWSER_DIR, 'blank'), blankDir, { recursive: true });
  return { appDir, probeFile: join(probeDir, 'app-probe.js'), blankDir };
}
