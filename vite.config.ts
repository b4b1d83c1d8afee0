/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precacheCheck } from './scripts/check-precache.ts';
import { PRECACHE_EXCLUSIONS, pwaOptions } from './scripts/pwa-config.ts';

const decksDir = join(import.meta.dirname, 'decks');

/** One hash over every bundled deck file, so the app loads decks only when the set changed. */
function bundledDecksHash(): string {
  const files = readdirSync(decksDir).filter((name) => name.endsWith('.json')).sort();
  let text = '';
  for (const name of files) text += `${name}\n${readFileSync(join(decksDir, name), 'utf8')}\n`;
  // A small FNV-1a hash is enough to tell one set of files from another.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return `${files.length}-${text.length}-${(hash >>> 0).toString(16)}`;
}

export default defineConfig({
  // precacheCheck must follow VitePWA: it reads the service worker that VitePWA writes.
  plugins: [svelte(), VitePWA(pwaOptions), precacheCheck(PRECACHE_EXCLUSIONS)],
  define: {
    __BUNDLED_DECKS_HASH__: JSON.stringify(bundledDecksHash()),
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['test/domain/**/*.test.ts', 'test/storage/**/*.test.ts', 'test/ui/**/*.test.ts', 'test/cli/**/*.test.ts'],
    environment: 'node',
  },
});
