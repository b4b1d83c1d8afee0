import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './chromium';

export const ROOT = join(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

/** Builds the app once for every browser test, so they run against what `npm start` serves. */
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; install it with: apt-get update && apt-get install -y chromium`);
  }
  // Vitest sets NODE_ENV=test, and Vite would then build with import.meta.env.PROD false.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env });
}
