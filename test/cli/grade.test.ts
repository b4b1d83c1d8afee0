import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { renderVariant } from '../../src/domain/generate/render';

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: string[], stdinText?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {
      if (stdinText !== undefined) yield stdinText;
    })(),
  };
  const status = await main(['grade', ...args], io);
  return { status, stdout, stderr };
}

function verdictOf(result: Run): { correct: boolean; rating: string; feedback: { code: string; message: string }[] } {
  return JSON.parse(result.stdout) as { correct: boolean; rating: string; feedback: { code: string; message: string }[] };
}

const deck = {
  format: 'layerdeck.deck',
  version: 1,
  id: 'grade-cli-test',
  title: 'Grade CLI test deck',
  cards: [
    { id: 'docker-build', type: 'typed', prompt: 'Build `webapp:2.1` from the current directory.', answer: { kind: 'command', expected: 'docker build -t webapp:2.1 .' } },
    { id: 'podman-push', type: 'typed', prompt: 'Push with TLS checks off.', answer: { kind: 'command', expected: 'podman push --tls-verify=false reg.io/app:1' } },
    { id: 'buildah-build', type: 'typed', prompt: 'Build with buildah.', answer: { kind: 'command', expected: 'buildah build -t app:1 .' } },
    { id: 'kubectl-manifest', type: 'typed', prompt: 'Write a Pod manifest.', answer: { kind: 'command', expected: 'kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml' } },
    { id: 'yaml-args', type: 'typed', prompt: 'Sleep for an hour.', answer: { kind: 'yaml', expected: 'args: ["sleep", "3600"]', match: 'subset' } },
    { id: 'dockerfile-cmd', type: 'typed', prompt: 'Run nginx in the foreground.', answer: { kind: 'dockerfile', expected: 'CMD ["nginx", "-g", "daemon off;"]' } },
    { id: 'generated-policy', type: 'generated', template: 'pull-policy/default' },
    { id: 'basic-card', type: 'basic', front: 'Q', back: 'A' },
  ],
};

let directory: string;
let deckFile: string;
let invalidFile: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'layerdeck-grade-'));
  deckFile = join(directory, 'deck.json');
  invalidFile = join(directory, 'invalid.json');
  await writeFile(deckFile, JSON.stringify(deck));
  await writeFile(invalidFile, JSON.stringify({ ...deck, cards: [{ id: 'x', type: 'typed', prompt: 'p', answer: { kind: 'command', expected: 'docker build --tags a .' } }] }));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

type GradeRow = readonly [cardId: string, answer: string, correct: boolean, firstCode: string | undefined, why: string];

const rows: GradeRow[] = [
  ['docker-build', 'docker build . --tag=webapp:2.1', true, undefined, 'docker flags after the context'],
  ['docker-build', 'docker build -t webapp .', false, 'tag-defaults-to-latest', 'docker tag falls back to latest'],
  ['podman-push', 'podman push reg.io/app:1 --tls-verify=false', true, undefined, 'podman flag after the image'],
  ['podman-push', 'podman push --tls-verify false reg.io/app:1', false, 'boolean-flag-value', 'podman bool with spaced value'],
  ['buildah-build', 'buildah bud -t app:1', true, undefined, 'buildah alias and default context'],
  ['buildah-build', 'buildah build . -t app:1', false, 'flag-after-positional', 'buildah flag after the context'],
  ['kubectl-manifest', 'k run nginx -oyaml --image nginx --dry-run=client > pod.yaml', true, undefined, 'kubectl k alias and -oyaml'],
  ['kubectl-manifest', 'kubectl run nginx --image=nginx --dry-run client -o yaml > pod.yaml', false, 'dry-run-needs-equals', 'kubectl dry-run with a space'],
  ['yaml-args', 'args:\n- sleep\n- "3600"\ncommand: [sh]', true, undefined, 'YAML block list and extra key'],
  ['yaml-args', 'args: [sleep, 3600]', false, 'yaml-number-not-string', 'YAML unquoted number'],
  ['dockerfile-cmd', 'cmd ["nginx","-g","daemon off;"]', true, undefined, 'Dockerfile keyword case and spacing'],
  ['dockerfile-cmd', "CMD ['nginx', '-g', 'daemon off;']", false, 'dockerfile-shell-vs-exec', 'Dockerfile single quotes'],
];

describe('layerdeck grade', () => {
  it.each(rows)('grades %s: %j (%s)', async (cardId, answer, correct, firstCode) => {
    const result = await run([deckFile, cardId, '--answer', answer]);
    expect(result.status).toBe(0);
    const verdict = verdictOf(result);
    expect(verdict.correct).toBe(correct);
    expect(verdict.rating).toBe(correct ? 'good' : 'again');
    expect(verdict.feedback[0]?.code).toBe(firstCode);
  });

  it('reads the answer from stdin', async () => {
    const result = await run([deckFile, 'docker-build'], 'docker build -t webapp:2.1 .\n');
    expect(result.status).toBe(0);
    expect(verdictOf(result).correct).toBe(true);
  });

  it('prints exactly three fields', async () => {
    const result = await run([deckFile, 'docker-build', '--answer', 'docker build -t webapp .']);
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['correct', 'rating', 'feedback']);
  });

  it('feedback items carry expected and actual', async () => {
    const [first] = verdictOf(await run([deckFile, 'docker-build', '--answer', 'docker build -t webapp .'])).feedback as Record<string, string>[];
    expect(first).toEqual({
      code: 'tag-defaults-to-latest',
      expected: 'webapp:2.1',
      actual: 'webapp',
      message: '`-t` sets the tag; `webapp` alone means `webapp:latest`, not `webapp:2.1`.',
    });
  });

  it('generated card uses the seed', async () => {
    const variant = renderVariant(deck.id, { id: 'generated-policy', template: 'pull-policy/default' }, 3);
    const result = await run([deckFile, 'generated-policy', '--seed', '3', '--answer', variant.expected]);
    expect(result.status).toBe(0);
    expect(verdictOf(result).correct).toBe(true);
  });

  it('inline checker without a deck', async () => {
    const result = await run(['--checker', '{"kind": "command", "expected": "docker push reg.io/a:1"}', '--answer', 'docker image push reg.io/a:1']);
    expect(result.status).toBe(0);
    expect(verdictOf(result).correct).toBe(true);
  });

  it('unknown card exits 2', async () => {
    const result = await run([deckFile, 'no-such-card', '--answer', 'x']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`layerdeck grade: ${deckFile} has no card with id "no-such-card".\n`);
  });

  it('invalid deck exits 2', async () => {
    const result = await run([invalidFile, 'x', '--answer', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a valid deck: cards[0].answer.expected: the expected command is invalid');
  });

  it('missing deck file exits 2', async () => {
    const result = await run([join(directory, 'missing.json'), 'x', '--answer', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('file not found');
  });

  it('basic card exits 2', async () => {
    const result = await run([deckFile, 'basic-card', '--answer', 'A']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('basic card, which takes no typed answer');
  });

  it('invalid inline checker exits 2', async () => {
    const result = await run(['--checker', '{"kind": "yaml"}', '--answer', 'a: 1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected: is required but missing');
  });

  it('missing card id exits 2', async () => {
    expect((await run([deckFile])).status).toBe(2);
  });

  it('invalid seed exits 2', async () => {
    expect((await run([deckFile, 'generated-policy', '--seed', '-1', '--answer', 'x'])).status).toBe(2);
  });
});
