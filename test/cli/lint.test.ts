import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'layerdeck-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lint(path: string): Promise<{ status: number; lines: string[] }> {
  let stdout = '';
  const status = await main(['lint', path], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true }, stdin: (async function* () {})() });
  return { status, lines: stdout.trimEnd().split('\n') };
}

describe('layerdeck lint', () => {
  it('passes the bundled decks', async () => {
    for (const deck of ['dockerfile-instructions', 'multi-stage-builds', 'build-tag-push', 'image-pull-policy', 'command-and-args']) {
      expect((await lint(join(import.meta.dirname, '../../decks', `${deck}.json`))).status, deck).toBe(0);
    }
  });

  it('shows the first 200 of many problems and counts the rest', async () => {
    const cards = Array.from({ length: 300 }, (_, index) => ({ id: `c${index}`, type: 'basic', front: 'Front', back: 42 }));
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify({ format: 'layerdeck.deck', version: 1, id: 'broken', title: 'Broken', cards }));
    const { status, lines } = await lint(path);
    expect(status).toBe(1);
    expect(lines.filter((line) => line.includes('.back: expected a non-empty string, got 42'))).toHaveLength(200);
    expect(lines).toContain(`${path}: ...and 100 more problems`);
  });

  it('reports a missing file as not found', async () => {
    const { status, lines } = await lint(join(dir, 'missing.json'));
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/missing\.json: file not found$/);
  });
});
