import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseDeckText } from '../../src/domain/deck/format';
import { buildPackage, SAMPLE_MEDIA, sampleSpec } from '../domain/import/support/anki-package';

const dir = mkdtempSync(join(tmpdir(), 'layerdeck-convert-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {})(),
  });
  return { status, stdout, stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('layerdeck convert', () => {
  it('converts a CSV file to a valid deck file', async () => {
    const input = file('Spanish Verbs.csv', '\uFEFFhablar,to speak\ncomer,"to eat, to have lunch"\n');
    const output = join(dir, 'verbs.json');
    const result = await run('convert', input, '-o', output);
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: `${output}: 2 cards written.\n` });
    const parsed = parseDeckText(readFileSync(output, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.deck).toMatchObject({ id: 'text-spanish-verbs', title: 'Spanish Verbs' });
  });

  it('converts a TSV file with a separator option', async () => {
    const input = file('x.txt', 'a;b\nc;d\n');
    const result = await run('convert', input, '--separator', 'semicolon');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).cards.map((card: { front: string }) => card.front)).toEqual(['a', 'c']);
  });

  it('converts an Anki package and notes what a deck file cannot hold', async () => {
    const input = file('spanish.apkg', await buildPackage(3, sampleSpec(), SAMPLE_MEDIA));
    const result = await run('convert', input);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).cards).toHaveLength(4);
    expect(result.stderr).toBe(
      'note: 2 media files are not written; a deck file holds text only, so import the package in the app to keep them.\n' +
        'note: 4 reviews are not written; a deck file holds no history, so import the package in the app to keep them.\n',
    );
  });

  it('lists the problems of an invalid deck file with keypaths', async () => {
    const input = file('bad.json', JSON.stringify({ format: 'layerdeck.deck', version: 1, id: 'x', title: 'X', cards: [{ id: 'a', type: 'basic', front: 'q' }] }));
    const result = await run('convert', input, '-o', join(dir, 'never.json'));
    expect(result).toEqual({ status: 1, stdout: '', stderr: 'bad.json, cards[0].back: is required but missing\nlayerdeck convert: ' + input + ' was not converted.\n' });
  });

  it('reports warnings for skipped rows', async () => {
    const input = file('gaps.csv', 'q1,a1\nq2,\n');
    const result = await run('convert', input);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('warning: gaps.csv, line 2: the row has no back and was skipped; choose the column that holds the answer, or fill it in\n');
  });

  it('rejects an unknown extension, a missing file and bad options', async () => {
    expect((await run('convert', file('x.pdf', 'x'))).status).toBe(2);
    expect((await run('convert', join(dir, 'missing.csv'))).stderr).toMatch(/missing\.csv cannot be read \(ENOENT\)/);
    expect((await run('convert')).stderr).toContain('name the file to convert');
    expect((await run('convert', 'a.csv', '--separator', 'slash')).stderr).toContain('--separator needs tab, comma');
  });
});

describe('layerdeck convert with other encodings', () => {
  it('reads Windows-1252 with a warning', async () => {
    const input = file('latin.csv', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x63, 0x6f, 0x66, 0x66, 0x65, 0x65, 0x0a]));
    const result = await run('convert', input);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).cards[0].front).toBe('café');
    expect(result.stderr).toBe('warning: latin.csv is not UTF-8, so it was read as Windows-1252; if letters look wrong, save it as UTF-8 and convert it again.\n');
  });
});

describe('layerdeck convert with bad paths and files', () => {
  it('reports an output folder that does not exist without a stack trace', async () => {
    const input = file('plain.csv', 'front,back\nCMD,default args\n');
    const result = await run('convert', input, '-o', join(dir, 'missing-folder', 'deck.json'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^layerdeck convert: cannot write .*deck\.json: its folder does not exist; choose another path with -o\.\n$/);
  });

  it('rejects a binary file named .csv', async () => {
    const input = file('binary.csv', new Uint8Array([0x50, 0x4b, 0x00, 0x01, 0x02, 0x03]));
    const result = await run('convert', input);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('does not look like a text file');
  });
});
