import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {})(),
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

const DECK = {
  format: 'layerdeck.deck',
  version: 1,
  id: 'images',
  title: 'Images',
  cards: [
    { id: 'policy', type: 'generated', template: 'pull-policy/default', pools: { image: ['localhost:5000/app'], form: ['typed'] } },
    { id: 'policy-choice', type: 'generated', template: 'pull-policy/default', pools: { form: ['choice'] } },
    { id: 'keyword', type: 'typed', prompt: 'Which keyword starts a stage?', answer: { kind: 'text', expected: 'FROM' } },
  ],
};

let directory = '';
let deckFile = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'layerdeck-show-'));
  deckFile = join(directory, 'deck.json');
  await writeFile(deckFile, JSON.stringify(DECK));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('layerdeck show', () => {
  it('prints a typed variant', async () => {
    const result = await run('show', deckFile, 'policy');
    expect(result.status).toBe(0);
    const shown = JSON.parse(result.stdout);
    expect(shown.expected).toBe('Always');
    expect(shown.checker).toEqual({ kind: 'text', expected: ['Always'], caseSensitive: true });
    expect(shown.params).toEqual({ image: 'localhost:5000/app', form: 'typed' });
    expect(shown.prompt).toContain('localhost:5000/app');
    expect(shown.options).toBeUndefined();
  });

  it('prints choice options', async () => {
    const result = await run('show', deckFile, 'policy-choice', '--seed', '5');
    const shown = JSON.parse(result.stdout);
    expect(shown.form).toBe('choice');
    expect(shown.seed).toBe(5);
    expect(shown.options).toHaveLength(3);
    expect(shown.options.filter((option: { correct: boolean }) => option.correct)).toHaveLength(1);
  });

  it('same seed prints same variant', async () => {
    const first = await run('show', deckFile, 'policy-choice', '--seed=12');
    const second = await run('show', deckFile, 'policy-choice', '--seed', '12');
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints a typed card', async () => {
    const shown = JSON.parse((await run('show', deckFile, 'keyword')).stdout);
    expect(shown.expected).toBe('FROM');
    expect(shown.answer).toEqual({ kind: 'text', expected: ['FROM'] });
  });

  it('unknown card exits 1', async () => {
    const result = await run('show', deckFile, 'missing');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/card "missing" not found .*its cards are: policy, policy-choice, keyword/);
  });

  it('invalid seed exits 2', async () => {
    const result = await run('show', deckFile, 'policy', '--seed', '-1');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--seed must be a whole number/);
  });

  it('missing file exits 2', async () => {
    const result = await run('show', join(directory, 'nope.json'), 'policy');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/file not found/);
  });

  it('invalid deck exits 1', async () => {
    const broken = join(directory, 'broken.json');
    await writeFile(broken, JSON.stringify({ ...DECK, cards: [{ id: 'x', type: 'generated', template: 'nope' }] }));
    const result = await run('show', broken, 'x');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cards\[0\]\.template: expected one of/);
  });
});

describe('layerdeck resolve pull-policy', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['app:latest@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'Always'],
    ['app:1.2@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'IfNotPresent'],
    ['app@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'IfNotPresent'],
  ])('default for %s', async (image, policy) => {
    const result = await run('resolve', 'pull-policy', image);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${policy}\n`);
  });

  it.each([
    ['--policy', 'Never'],
    ['--policy=IfNotPresent', undefined],
  ])('field set %s', async (flag, value) => {
    const args = value === undefined ? [flag] : [flag, value];
    const result = await run('resolve', 'pull-policy', 'nginx:latest', ...args);
    expect(result.stdout).toBe(`${value ?? 'IfNotPresent'}\n`);
  });

  it('wrong case exits 2', async () => {
    const result = await run('resolve', 'pull-policy', 'nginx', '--policy', 'always');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/case-sensitive, so write Always/);
    expect(result.stdout).toBe('');
  });

  it('invalid reference exits 2', async () => {
    const result = await run('resolve', 'pull-policy', 'MyApp:1.0');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/invalid image reference "MyApp:1.0"/);
  });

  it('missing image exits 2', async () => {
    expect((await run('resolve', 'pull-policy')).status).toBe(2);
  });
});

describe('layerdeck resolve argv', () => {
  it.each([
    [['--args', '["sleep","3600"]'], '["sleep","3600"]'],
    [['--cmd', 'echo hi'], '["/bin/sh","-c","echo hi"]'],
    [['--cmd', "['x']"], `["/bin/sh","-c","['x']"]`],
    [['--cmd', '["python","app.py"]'], '["python","app.py"]'],
    [['--entrypoint', '["/ep-1"]', '--cmd', '["foo","bar"]'], '["/ep-1","foo","bar"]'],
    [['--entrypoint', '["/ep-1"]', '--cmd', '["foo","bar"]', '--command', '["/ep-2"]'], '["/ep-2"]'],
    [['--entrypoint', '["/ep-1"]', '--cmd', '["foo","bar"]', '--args', '["zoo","boo"]'], '["/ep-1","zoo","boo"]'],
    [['--entrypoint', '["/ep-1"]', '--cmd', '["foo","bar"]', '--command', '["/ep-2"]', '--args', '["zoo","boo"]'], '["/ep-2","zoo","boo"]'],
    [['--entrypoint', 'e p', '--args', '["zoo","boo"]'], '["/bin/sh","-c","e p","zoo","boo"]'],
    [['--entrypoint', '["e","p"]', '--cmd', 'c p2'], '["e","p","/bin/sh","-c","c p2"]'],
    [['--command', '["echo","$(X)"]', '--env', 'X=1'], '["echo","1"]'],
  ])('%j', async (args, argv) => {
    const result = await run('resolve', 'argv', ...args);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${argv}\n`);
  });

  it('nothing to run exits 1', async () => {
    const result = await run('resolve', 'argv');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/nothing to run/);
  });

  it('invalid pod JSON exits 2', async () => {
    const result = await run('resolve', 'argv', '--command', '[sleep]');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--command: "\[sleep\]" is not valid JSON/);
  });

  it('non-string exec array exits 2', async () => {
    const result = await run('resolve', 'argv', '--cmd', '["sleep", 3600]');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--cmd: .*not a string/);
  });

  it('unknown option exits 2', async () => {
    const result = await run('resolve', 'argv', '--entry', 'x');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option "--entry"/);
  });
});

describe('layerdeck resolve', () => {
  it('image prints parts', async () => {
    const result = await run('resolve', 'image', 'myreg/app');
    const parts = JSON.parse(result.stdout);
    expect(parts.registry).toBe('docker.io');
    expect(parts.namespace).toBe('myreg');
    expect(parts.canonical).toBe('docker.io/myreg/app:latest');
  });

  it('unknown resolver exits 2', async () => {
    const result = await run('resolve', 'nope');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown resolver "nope"/);
  });

  it('help exits 0', async () => {
    const result = await run('resolve', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/layerdeck resolve argv/);
  });
});

describe('layerdeck lint generated', () => {
  it('passes valid generated cards', async () => {
    const result = await run('lint', deckFile);
    expect(result.stdout).toMatch(/1 deck passed/);
    expect(result.status).toBe(0);
  });
});
