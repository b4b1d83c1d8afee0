import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchProfile } from './chromium';
import type { Profile } from './chromium';
import { DIST } from './global-setup';
import { serveStatic } from './static-server';
import type { StaticServer } from './static-server';

export interface ServedApp {
  readonly url: string;
  /** The profile of the newest page from `freshPage`. */
  readonly profile: Profile;
  /** Opens a page in a new Chromium profile; the profile is closed after the test. */
  freshPage(): Promise<Page>;
}

/**
 * Serves the built app for a test file and gives each test its own Chromium profile, so no
 * test sees another's IndexedDB or service worker. Registers the hooks that stop both.
 */
export function serveWithFreshProfiles(viewport = { width: 390, height: 844 }): ServedApp {
  let server: StaticServer | undefined;
  let profile: Profile | undefined;

  beforeAll(async () => {
    server = await serveStatic(DIST);
  });

  afterEach(async () => {
    await profile?.close();
    profile = undefined;
  });

  afterAll(async () => {
    await server?.close();
  });

  return {
    get url() {
      if (!server) throw new Error('The app server starts in beforeAll; use it inside a test.');
      return server.url;
    },
    get profile() {
      if (!profile) throw new Error('No profile is open; call freshPage() first.');
      return profile;
    },
    async freshPage() {
      profile = await launchProfile(viewport);
      return profile.context.newPage();
    },
  };
}
