import { describe, expect, it } from 'vitest';
import {
  expandPodReferences,
  inheritImageConfig,
  parseDockerfileCommand,
  resolveArgv,
  resolveArgvFromDockerfile,
  storedArgv,
} from '../../../src/domain/generate/argv';
import type { PodCase } from '../../../src/domain/generate/argv';

describe('parseDockerfileCommand', () => {
  const rows: readonly { text: string; stored: string[]; form: 'exec' | 'shell' }[] = [
    // Exec form is a JSON array with double quotes.
    { text: '["nginx", "-g", "daemon off;"]', form: 'exec', stored: ['nginx', '-g', 'daemon off;'] },
    // Single quotes are not JSON, so the line is shell form.
    { text: "['nginx']", form: 'shell', stored: ['/bin/sh', '-c', "['nginx']"] },
    // Exec form runs without a shell, so `$HOME` stays literal.
    { text: '["echo", "$HOME"]', form: 'exec', stored: ['echo', '$HOME'] },
    // Shell form is stored as /bin/sh -c TEXT.
    { text: 'echo hi', form: 'shell', stored: ['/bin/sh', '-c', 'echo hi'] },
    { text: '["sh", "-c", "echo $HOME"]', form: 'exec', stored: ['sh', '-c', 'echo $HOME'] },
    { text: '  [ "a" ,"b" ]  ', form: 'exec', stored: ['a', 'b'] },
    { text: '[]', form: 'exec', stored: [] },
    { text: '["a"] trailing', form: 'shell', stored: ['/bin/sh', '-c', '["a"] trailing'] },
    { text: '[python app.py]', form: 'shell', stored: ['/bin/sh', '-c', '[python app.py]'] },
  ];

  it.each(rows)('$text', (row) => {
    const parsed = parseDockerfileCommand(row.text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.command.form).toBe(row.form);
    expect(storedArgv(parsed.command)).toEqual(row.stored);
  });

  it('non-string array element fails', () => {
    const parsed = parseDockerfileCommand('["sleep", 3600]');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(/not a string/);
  });

  it('empty text fails', () => {
    expect(parseDockerfileCommand('   ').ok).toBe(false);
  });
});

interface DockerfileRow {
  readonly name: string;
  readonly entrypoint?: string;
  readonly cmd?: string;
  readonly command?: string[];
  readonly args?: string[];
  /** undefined: nothing to run. */
  readonly argv: string[] | undefined;
}

// The CMD/ENTRYPOINT table for an image without overrides, plus run-time arguments.
const DOCKERFILE_ROWS: readonly DockerfileRow[] = [
  { name: 'no entrypoint, no cmd', argv: undefined },
  { name: 'no entrypoint, exec cmd', cmd: '["c", "p"]', argv: ['c', 'p'] },
  { name: 'no entrypoint, shell cmd', cmd: 'c p', argv: ['/bin/sh', '-c', 'c p'] },
  { name: 'exec entrypoint, no cmd', entrypoint: '["e", "p"]', argv: ['e', 'p'] },
  { name: 'exec entrypoint, exec cmd', entrypoint: '["e", "p"]', cmd: '["c", "p2"]', argv: ['e', 'p', 'c', 'p2'] },
  { name: 'exec entrypoint, shell cmd', entrypoint: '["e", "p"]', cmd: 'c p2', argv: ['e', 'p', '/bin/sh', '-c', 'c p2'] },
  { name: 'shell entrypoint, no cmd', entrypoint: 'e p', argv: ['/bin/sh', '-c', 'e p'] },
  // The ignored CMD words are still appended; the shell receives them as $0 and $1.
  { name: 'shell entrypoint, exec cmd', entrypoint: 'e p', cmd: '["c", "p2"]', argv: ['/bin/sh', '-c', 'e p', 'c', 'p2'] },
  { name: 'shell entrypoint, shell cmd', entrypoint: 'e p', cmd: 'c p2', argv: ['/bin/sh', '-c', 'e p', '/bin/sh', '-c', 'c p2'] },
  { name: 'single-quoted cmd', cmd: "['nginx']", argv: ['/bin/sh', '-c', "['nginx']"] },
  // docker run IMAGE a b: appended to an exec ENTRYPOINT, CMD replaced.
  { name: 'run arguments replace cmd', entrypoint: '["e", "p"]', cmd: '["c"]', args: ['a', 'b'], argv: ['e', 'p', 'a', 'b'] },
  // Shell-form ENTRYPOINT ignores run-time arguments: they become $0, $1.
  { name: 'shell entrypoint with args', entrypoint: 'e p', args: ['zoo', 'boo'], argv: ['/bin/sh', '-c', 'e p', 'zoo', 'boo'] },
  // docker run --entrypoint X replaces ENTRYPOINT and clears CMD.
  { name: 'entrypoint override clears cmd', entrypoint: '["e"]', cmd: '["c"]', command: ['x'], argv: ['x'] },
  { name: 'entrypoint override with args', entrypoint: '["e"]', cmd: '["c"]', command: ['x'], args: ['a'], argv: ['x', 'a'] },
  { name: 'exec entrypoint, default flags', entrypoint: '["redis-server"]', cmd: '["--port", "6379"]', argv: ['redis-server', '--port', '6379'] },
  { name: 'empty exec cmd', cmd: '[]', argv: undefined },
  { name: 'empty exec entrypoint', entrypoint: '[]', cmd: '["c"]', argv: ['c'] },
];

describe('resolveArgvFromDockerfile', () => {
  it.each(DOCKERFILE_ROWS)('$name', (row) => {
    const resolution = resolveArgvFromDockerfile(row);
    if (!resolution.ok) throw new Error(resolution.message);
    expect(resolution.argv).toEqual(row.argv);
  });

  it('reports the failing instruction', () => {
    const resolution = resolveArgvFromDockerfile({ cmd: '["sleep", 1]' });
    expect(resolution.ok ? '' : resolution.field).toBe('cmd');
  });
});

interface PodRow {
  readonly name: string;
  readonly entrypoint?: string[];
  readonly cmd?: string[];
  readonly command?: string[];
  readonly args?: string[];
  readonly podCase: PodCase;
  readonly argv: string[] | undefined;
}

// The four cases of Pod command/args against image ENTRYPOINT/CMD, and the edge cases.
const POD_ROWS: readonly PodRow[] = [
  { name: 'case 1 neither', entrypoint: ['/ep-1'], cmd: ['foo', 'bar'], podCase: 'neither', argv: ['/ep-1', 'foo', 'bar'] },
  { name: 'case 2 command only', entrypoint: ['/ep-1'], cmd: ['foo', 'bar'], command: ['/ep-2'], podCase: 'command', argv: ['/ep-2'] },
  { name: 'case 3 args only', entrypoint: ['/ep-1'], cmd: ['foo', 'bar'], args: ['zoo', 'boo'], podCase: 'args', argv: ['/ep-1', 'zoo', 'boo'] },
  { name: 'case 4 both', entrypoint: ['/ep-1'], cmd: ['foo', 'bar'], command: ['/ep-2'], args: ['zoo', 'boo'], podCase: 'both', argv: ['/ep-2', 'zoo', 'boo'] },
  { name: 'args only without entrypoint', cmd: ['sh'], args: ['sleep', '3600'], podCase: 'args', argv: ['sleep', '3600'] },
  { name: 'args only, nothing in image', args: ['sleep', '3600'], podCase: 'args', argv: ['sleep', '3600'] },
  { name: 'args only, shell entrypoint', entrypoint: ['/bin/sh', '-c', 'e p'], args: ['zoo', 'boo'], podCase: 'args', argv: ['/bin/sh', '-c', 'e p', 'zoo', 'boo'] },
  { name: 'nothing at all', podCase: 'neither', argv: undefined },
  { name: 'command only, no image config', command: ['date'], podCase: 'command', argv: ['date'] },
  // command/args are not run through a shell: the script stays one element.
  {
    name: 'explicit shell',
    cmd: ['sh'],
    command: ['/bin/sh', '-c'],
    args: ['while true; do date; sleep 5; done'],
    podCase: 'both',
    argv: ['/bin/sh', '-c', 'while true; do date; sleep 5; done'],
  },
  { name: 'empty lists count as unset', entrypoint: ['/ep-1'], cmd: ['foo'], command: [], args: [], podCase: 'neither', argv: ['/ep-1', 'foo'] },
  { name: 'empty-string entrypoint is none', entrypoint: [''], cmd: ['foo'], podCase: 'neither', argv: ['foo'] },
];

describe('resolveArgv', () => {
  it.each(POD_ROWS)('$name', (row) => {
    const resolution = resolveArgv(row);
    expect(resolution.podCase).toBe(row.podCase);
    expect(resolution.argv).toEqual(row.argv);
  });

  it('reports which image parts are used', () => {
    const resolution = resolveArgv({ entrypoint: ['/ep-1'], cmd: ['foo'], args: ['zoo'] });
    expect(resolution.usesEntrypoint).toBe(true);
    expect(resolution.usesCmd).toBe(false);
  });

  it('expands references in pod fields', () => {
    const resolution = resolveArgv({ command: ['echo', '$(GREETING)', '$$(GREETING)', '$(MISSING)', '$HOME'], env: { GREETING: 'hi' } });
    expect(resolution.argv).toEqual(['echo', 'hi', '$(GREETING)', '$(MISSING)', '$HOME']);
  });

  it('leaves image config unexpanded', () => {
    expect(resolveArgv({ cmd: ['echo', '$$(X)'], env: { X: 'x' } }).argv).toEqual(['echo', '$$(X)']);
  });
});

describe('expandPodReferences', () => {
  const rows: readonly [string, string][] = [
    ['$(A)', 'a'],
    ['x$(A)y', 'xay'],
    ['$$(A)', '$(A)'],
    ['$$$(A)', '$a'],
    ['$(B)', '$(B)'],
    ['${A}', '${A}'],
    ['$A', '$A'],
    ['$(A', '$(A'],
    ['end$', 'end$'],
    ['$()', '$()'],
  ];
  it.each(rows)('%s', (input, output) => {
    expect(expandPodReferences(input, { A: 'a' })).toBe(output);
  });
});

describe('inheritImageConfig', () => {
  const base = { entrypoint: ['/base-ep'], cmd: ['base-cmd'] };

  it('entrypoint resets inherited cmd', () => {
    expect(inheritImageConfig({ cmd: ['sh'] }, { entrypoint: ['/ep'] })).toEqual({ entrypoint: ['/ep'], cmd: undefined });
  });

  it('cmd alone keeps base entrypoint', () => {
    expect(inheritImageConfig(base, { cmd: ['new'] })).toEqual({ entrypoint: ['/base-ep'], cmd: ['new'] });
  });

  it('neither keeps both', () => {
    expect(inheritImageConfig(base, {})).toEqual(base);
  });

  it('both replace both', () => {
    expect(inheritImageConfig(base, { entrypoint: ['/ep'], cmd: ['c'] })).toEqual({ entrypoint: ['/ep'], cmd: ['c'] });
  });
});
