/**
 * The service worker and web app manifest settings for vite-plugin-pwa, and the list of built
 * files that are deliberately left out of the precache. `scripts/check-precache.ts` fails the build
 * when a file in the output directory is neither precached nor listed here.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

export interface PrecacheExclusion {
  /** A glob relative to the output directory, in the syntax Workbox's `globIgnores` takes. */
  readonly glob: string;
  /** The reason the file is not precached. */
  readonly reason: string;
}

/** Built files that are served but never precached, each with its reason. */
export const PRECACHE_EXCLUSIONS: readonly PrecacheExclusion[] = [
  {
    glob: '**/*.map',
    reason: 'Source maps are read only by developer tools, which fetch them from the network; precaching them would more than double every install.',
  },
  {
    glob: 'sw.js',
    reason: 'The service worker script is fetched by the browser itself on every update check and must never come from a cache.',
  },
  {
    glob: 'workbox-*.js',
    reason: 'The Workbox runtime is imported by sw.js when the service worker starts, and the browser stores it with the service worker.',
  },
];

/**
 * The largest file the service worker precaches, in bytes. vite-plugin-pwa fails the build when a
 * matched file is larger, so a big new asset is a decision, not a silent gap in offline support.
 * 4 MiB leaves room for the biggest WASM module the app may ship: sql-wasm.wasm of sql.js 1.x,
 * for Anki packages, is 688 kB, and the main chunk is about 0.3 MB today.
 */
export const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024;

export const THEME_COLOR = '#1d4ed8';

export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  // src/pwa registers the service worker through workbox-window and shows the update prompt.
  injectRegister: false,
  registerType: 'prompt',
  // `globPatterns` below matches the icons already, so listing them here would precache them twice.
  includeManifestIcons: false,
  manifest: {
    id: '/',
    name: 'Layerdeck',
    short_name: 'Layerdeck',
    description: 'Flashcards with FSRS spaced repetition for container images and the Kubernetes CKAD exam. Works offline.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    // The light theme's page background, so the splash screen matches the first frame.
    background_color: '#f6f7fb',
    categories: ['education'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // Files opened with the installed app go to the import screen, which reads them from `launchQueue`.
    file_handlers: [
      {
        action: '/import',
        accept: {
          'application/json': ['.json'],
          'text/csv': ['.csv'],
          'text/tab-separated-values': ['.tsv'],
          'text/plain': ['.txt'],
          'application/x-apkg': ['.apkg'],
          'application/x-colpkg': ['.colpkg'],
        },
      },
    ],
  },
  workbox: {
    globPatterns: ['**/*'],
    // vite-plugin-pwa adds the manifest itself, with a revision; matching it again would list it twice.
    globIgnores: [...PRECACHE_EXCLUSIONS.map((exclusion) => exclusion.glob), 'manifest.webmanifest'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
    // Every in-app route (a deep link such as /study/<deck id>) is the app shell, also offline.
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first visit is controlled as soon as the precache is complete, so a lazy chunk asked
    // for later in that visit is served offline too. Updates still wait for the learner's consent.
    clientsClaim: true,
    skipWaiting: false,
  },
};
