import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchProfile } from './support/chromium';
import type { Profile } from './support/chromium';
import { DIST } from './support/global-setup';
import { waitForServiceWorker } from './support/pwa';
import { serveStatic } from './support/static-server';
import type { StaticServer } from './support/static-server';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

let server: StaticServer;
let profile: Profile;

beforeAll(async () => {
  server = await serveStatic(DIST);
  profile = await launchProfile({ width: 1280, height: 800 });
});

afterAll(async () => {
  await profile.close();
  await server.close();
});

/** Width and height from a PNG file's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('web app manifest', () => {
  it('passes Chromium installability checks', async () => {
    const page = await profile.context.newPage();
    await page.goto(server.url);
    await page.locator('.deck').first().waitFor();
    await waitForServiceWorker(page);
    const devtools = await profile.context.newCDPSession(page);

    const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
    const { errors } = await devtools.send('Page.getAppManifest');

    expect(installabilityErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('names the app and opens standalone', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toBe('Layerdeck');
    expect(manifest.short_name).toBe('Layerdeck');
    expect(manifest.description).toMatch(/offline/i);
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('lists PNG icons of the sizes they claim', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    const icons = manifest.icons as ManifestIcon[];
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(icon.type).toBe('image/png');
      expect(pngSize(join(DIST, icon.src)), icon.src).toEqual({ width, height });
    }
  });

  it('handles deck files', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.file_handlers).toEqual([
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
    ]);
  });
});
