/**
 * Renders the app icons in public/icons/ from public/favicon.svg with headless Chromium:
 *   npx tsx scripts/render-icons.ts
 * The PNGs are committed; run this again only when the favicon changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchProfile } from '../test/e2e/support/chromium';

const publicDir = join(import.meta.dirname, '..', 'public');
const favicon = readFileSync(join(publicDir, 'favicon.svg'), 'utf8');

/**
 * Draws the favicon's layers on a full-bleed square, shrunk around the centre so every shape stays inside
 * the maskable safe zone (a centred circle with 40% of the icon's width as radius). Launchers and
 * iOS crop this square to their own shape, so it must have no transparent corners.
 */
function fullBleed(scale: number): string {
  const layers = favicon.replace(/^.*?<rect[^>]*fill="#1d4ed8"\/>/s, '').replace(/<\/svg>\s*$/, '');
  const offset = 32 * (1 - scale);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#1d4ed8"/><g transform="translate(${offset} ${offset}) scale(${scale})">${layers}</g></svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.8) },
  { file: 'apple-touch-icon-180.png', size: 180, svg: fullBleed(0.85) },
];

const profile = await launchProfile({ width: 512, height: 512 });
try {
  const page = await profile.context.newPage();
  for (const icon of icons) {
    const sized = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({
      path: join(publicDir, 'icons', icon.file),
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
      omitBackground: true,
    });
    console.log(`wrote public/icons/${icon.file}`);
  }
} finally {
  await profile.close();
}
