/**
 * A Dockerfile reader for grading, following the Dockerfile frontend 1.x reference: keywords are
 * case-insensitive, a JSON array is exec form only when it is valid JSON (double quotes), and
 * instruction flags must be written `--name=value`.
 */
import { canonicalImage } from '../command/image';
import { EXPANSION_MARK, displayValue, tokenizeShell } from '../command/tokenize';
import type { Feedback } from '../verdict';

export type InstructionForm = 'exec' | 'shell' | 'arguments';

export interface Instruction {
  /** The keyword in upper case. */
  readonly keyword: string;
  /** Flags such as `from=build`, sorted, with stage numbers resolved to stage names. */
  readonly flags: readonly string[];
  readonly form: InstructionForm;
  /** Normalized arguments: the exec array, the shell words, or the keyword's own parts. */
  readonly args: readonly string[];
  /** The line as typed, for feedback. */
  readonly text: string;
  /** Whether shell-form text looked like a JSON array, e.g. `['nginx']` with single quotes. */
  readonly looksLikeExec: boolean;
  /** Image references as typed: the `FROM` image or the `COPY --from` image, when not a stage. */
  readonly images: readonly string[];
  /** The comparison key with each image resolved to its full reference (`nginx` = `docker.io/library/nginx:latest`). */
  readonly imageNormalizedKey: string;
}

export interface DockerfileRead {
  readonly instructions: readonly Instruction[];
  /** Mistakes that make the build fail. */
  readonly errors: readonly Feedback[];
  /** Remarks that do not make the answer wrong, such as the legacy `ENV key value` form. */
  readonly notes: readonly Feedback[];
}

interface FlagRule {
  readonly boolean: boolean;
}

const INSTRUCTION_FLAGS: Record<string, Record<string, FlagRule>> = {
  FROM: { platform: { boolean: false } },
  COPY: { from: { boolean: false }, chown: { boolean: false }, chmod: { boolean: false }, link: { boolean: true }, parents: { boolean: true }, exclude: { boolean: false } },
  ADD: { chown: { boolean: false }, chmod: { boolean: false }, link: { boolean: true }, 'keep-git-dir': { boolean: true }, checksum: { boolean: false }, unpack: { boolean: true }, exclude: { boolean: false } },
  RUN: { mount: { boolean: false }, network: { boolean: false }, security: { boolean: false }, device: { boolean: false } },
  HEALTHCHECK: { interval: { boolean: false }, timeout: { boolean: false }, 'start-period': { boolean: false }, 'start-interval': { boolean: false }, retries: { boolean: false } },
};

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'WORKDIR', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER']);
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
/**
 * The instructions in which the builder itself substitutes `$VAR` and `${VAR}`, also under ONBUILD.
 * RUN, CMD and ENTRYPOINT leave it to the shell, so their exec form gets no substitution.
 */
const SUBSTITUTING_KEYWORDS = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** Rewrites `$NAME` as `${NAME}` outside a backslash escape, since the builder substitutes both the same way. */
function braceVariables(text: string): string {
  return text.replace(/(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g, '$${$1}');
}

/**
 * Rewrites `$NAME` as `${NAME}` in a shell word where the shell would expand it, so that
 * shell-form RUN, CMD and ENTRYPOINT compare the two spellings as equal. A `$` inside single
 * quotes carries no expansion mark and stays as written.
 */
function braceMarkedVariables(value: string): string {
  if (!value.includes(EXPANSION_MARK)) return value;
  return value.replace(new RegExp(`${EXPANSION_MARK}\\$([A-Za-z_][A-Za-z0-9_]*)`, 'g'), `${EXPANSION_MARK}$\${$1}`);
}

/** Joins continuation lines and drops comments and blank lines, keeping each instruction's text. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (current === undefined && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (current !== undefined && trimmed.startsWith('#')) continue;
    const continued = /\\\s*$/.test(line);
    const part = continued ? line.replace(/\\\s*$/, '') : line;
    current = current === undefined ? part.trim() : `${current} ${part.trim()}`;
    if (!continued) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current !== undefined && current.trim() !== '') lines.push(current);
  return lines;
}

function parseExecArray(rest: string): string[] | undefined {
  if (!rest.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(rest);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  } catch {
    return undefined;
  }
  return undefined;
}

/** Shell-form text compared by its words and operators, so spacing and equivalent quoting are free. */
function shellWords(rest: string): string[] {
  const tokens = tokenizeShell(rest);
  if (!tokens.ok) return [rest.replace(/\s+/g, ' ').trim()];
  const words: string[] = [];
  tokens.list.commands.forEach((command, index) => {
    if (index > 0) words.push(tokens.list.operators[index - 1] ?? ';');
    words.push(...command.words.map((word) => braceMarkedVariables(word.value)));
    for (const redirection of command.redirections) words.push(`${redirection.fd}${redirection.operator}`, redirection.target);
  });
  return words;
}

/** Words split as the Dockerfile frontend does for COPY, ADD, VOLUME and ARG: JSON form or white space. */
function plainWords(rest: string): string[] {
  return parseExecArray(rest) ?? rest.split(/\s+/).filter((word) => word !== '');
}

/** `key=value` pairs of ENV and LABEL; quotes are removed as the frontend does. */
function keyValuePairs(rest: string): string[] | undefined {
  const tokens = tokenizeShell(rest);
  if (!tokens.ok || tokens.list.commands.length !== 1) return undefined;
  const words = tokens.list.commands[0]!.words.map((word) => displayValue(braceMarkedVariables(word.value)));
  if (!words.every((word) => /^[^=]+=/.test(word))) return undefined;
  return words.map((word) => word).sort();
}

function normalizeFilePath(path: string): string {
  if (path === '.' || path === './') return '.';
  const trailing = path.endsWith('/') ? '/' : '';
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  const joined = segments.join('/');
  return `${path.startsWith('/') ? '/' : ''}${joined}${trailing && joined ? '/' : ''}` || '/';
}

/** Resolves a COPY/ADD destination against WORKDIR; a trailing slash (directory) is kept. */
function resolveDestination(destination: string, workdir: string): string {
  const isDirectory = destination.endsWith('/') || destination === '.' || destination === './';
  const absolute = destination.startsWith('/') ? destination : `${workdir.replace(/\/$/, '')}/${destination}`;
  const segments: string[] = [];
  for (const segment of absolute.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const joined = `/${segments.join('/')}`;
  return isDirectory && joined !== '/' ? `${joined}/` : joined;
}

function normalizePort(port: string): string {
  const [number, protocol] = port.split('/');
  return `${number}/${(protocol ?? 'tcp').toLowerCase()}`;
}

interface ReadState {
  workdir: string;
  stages: string[];
  seenFrom: boolean;
  readonly errors: Feedback[];
  readonly notes: Feedback[];
}

/**
 * Reads a `COPY --from` value: a stage number or name becomes the stage's lowercase name, and
 * anything else is an image reference, recorded in `images`. Stage names are case-insensitive.
 * NOTE: in a fragment without its FROM lines, a bare name such as `build` may be a stage defined
 * elsewhere, so it is lowercased like a stage name but still resolved like an image.
 */
function readCopySource(value: string, state: ReadState, images: string[]): string {
  if (/^\d+$/.test(value)) return state.stages[Number(value)] ?? value;
  const lower = value.toLowerCase();
  if (state.stages.includes(lower)) return lower;
  const source = /[:/@.]/.test(value) ? value : lower;
  if (!source.includes('$')) images.push(source);
  return source;
}

function readFlags(keyword: string, words: string[], line: string, state: ReadState, images: string[]): string[] {
  const rules = INSTRUCTION_FLAGS[keyword];
  const flags: string[] = [];
  while (words[0]?.startsWith('--')) {
    const word = words.shift()!;
    const equals = word.indexOf('=');
    const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
    if (keyword === 'ADD' && name === 'from') {
      state.errors.push({ code: 'dockerfile-add-from', actual: line, message: '`ADD` has no `--from` option; copy from another stage with `COPY --from=<stage>`.' });
      continue;
    }
    const rule = rules?.[name];
    if (!rule) {
      state.errors.push({ code: 'dockerfile-unknown-flag', actual: word, message: `\`${keyword}\` has no flag \`--${name}\`.` });
      continue;
    }
    if (equals === -1 && !rule.boolean) {
      const next = words[0];
      state.errors.push({
        code: 'dockerfile-flag-needs-equals',
        expected: `--${name}=${next ?? '…'}`,
        actual: `${word}${next ? ` ${next}` : ''}`,
        message: `Dockerfile instruction flags must be written \`--${name}=value\`; \`${word}${next ? ` ${next}` : ''}\` fails with "missing a value on flag".`,
      });
      continue;
    }
    let value = equals === -1 ? 'true' : word.slice(equals + 1);
    if (keyword === 'COPY' && name === 'from') value = readCopySource(value, state, images);
    flags.push(`${name}=${value}`);
  }
  return flags.sort();
}

/** Adds the key under which images compare as resolved references. */
function withImageKey(instruction: Omit<Instruction, 'imageNormalizedKey'>): Instruction {
  const resolve = (value: string) => (instruction.images.includes(value) ? canonicalImage(value, 'docker') : value);
  const resolved = {
    ...instruction,
    flags: instruction.flags.map((flag) => (flag.startsWith('from=') ? `from=${resolve(flag.slice('from='.length))}` : flag)),
    args: instruction.keyword === 'FROM' ? instruction.args.map((arg, index) => (index === 0 ? resolve(arg) : arg)) : instruction.args,
  };
  return { ...instruction, imageNormalizedKey: instructionKey(resolved) };
}

function readInstruction(line: string, state: ReadState): Instruction | undefined {
  const instruction = readInstructionParts(line, state);
  return instruction && withImageKey(instruction);
}

function readInstructionParts(line: string, state: ReadState): Omit<Instruction, 'imageNormalizedKey'> | undefined {
  const match = /^(\S+)\s*(.*)$/s.exec(line)!;
  const keyword = match[1]!.toUpperCase();
  let rest = match[2]!.trim();
  // ENV and LABEL values are read with shell quoting, which `keyValuePairs` applies before bracing.
  if (SUBSTITUTING_KEYWORDS.has(keyword) && keyword !== 'ENV' && keyword !== 'LABEL') rest = braceVariables(rest);

  if (!KEYWORDS.has(keyword)) {
    state.errors.push({ code: 'dockerfile-unknown-instruction', actual: line, message: `\`${match[1]}\` is not a Dockerfile instruction.` });
    return undefined;
  }
  if (!state.seenFrom && keyword !== 'FROM' && keyword !== 'ARG') {
    state.errors.push({ code: 'dockerfile-before-from', actual: line, message: `Only \`ARG\` may come before the first \`FROM\`, so \`${keyword}\` here fails the build.` });
  }

  const words = rest.split(/\s+/).filter((word) => word !== '');
  const before = words.length;
  const images: string[] = [];
  const flags = INSTRUCTION_FLAGS[keyword] ? readFlags(keyword, words, line, state, images) : [];
  // Drop the flag words from the text too, keeping the spacing of what follows.
  for (let consumed = before - words.length; consumed > 0; consumed -= 1) rest = rest.replace(/^\S+\s*/, '');
  const base = { keyword, flags, text: line, looksLikeExec: false, images };

  if (COMMAND_KEYWORDS.has(keyword) || keyword === 'SHELL') {
    const exec = parseExecArray(rest);
    if (exec) return { ...base, form: 'exec', args: exec };
    return { ...base, form: 'shell', args: shellWords(rest), looksLikeExec: rest.startsWith('[') };
  }

  switch (keyword) {
    case 'FROM': {
      state.seenFrom = true;
      state.workdir = '/';
      const [image = '', asWord, name] = words;
      const stage = asWord?.toUpperCase() === 'AS' && name ? name.toLowerCase() : undefined;
      // `FROM build` names an earlier stage and `scratch` is the reserved empty base; neither is an image to resolve.
      const isImage = !state.stages.includes(image.toLowerCase()) && image.toLowerCase() !== 'scratch' && !image.includes('$');
      state.stages.push(stage ?? String(state.stages.length));
      return { ...base, form: 'arguments', args: stage ? [image, stage] : [image], images: isImage ? [image] : [] };
    }
    case 'COPY':
    case 'ADD': {
      const parts = plainWords(rest);
      const destination = parts.pop() ?? '';
      return { ...base, form: 'arguments', args: [...parts.map(normalizeFilePath), resolveDestination(destination, state.workdir)] };
    }
    case 'WORKDIR': {
      state.workdir = resolveDestination(rest, state.workdir).replace(/(.)\/$/, '$1');
      return { ...base, form: 'arguments', args: [state.workdir] };
    }
    case 'EXPOSE':
      return { ...base, form: 'arguments', args: words.map(normalizePort).sort() };
    case 'ENV':
    case 'LABEL': {
      const pairs = keyValuePairs(rest);
      if (pairs) return { ...base, form: 'arguments', args: pairs };
      const [key = '', ...value] = words.map(braceVariables);
      if (keyword === 'ENV' && value.length > 0) {
        state.notes.push({
          code: 'dockerfile-env-legacy',
          actual: line,
          expected: `ENV ${key}=${JSON.stringify(value.join(' '))}`,
          message: `\`ENV ${key} ${value.join(' ')}\` is the deprecated legacy form; it sets the same variable as \`ENV ${key}=...\`, which is the recommended form.`,
        });
        return { ...base, form: 'arguments', args: [`${key}=${value.join(' ')}`] };
      }
      return { ...base, form: 'arguments', args: words.map(braceVariables) };
    }
    case 'VOLUME':
      return { ...base, form: 'arguments', args: plainWords(rest).map(normalizeFilePath).sort() };
    case 'ARG':
      return { ...base, form: 'arguments', args: words };
    case 'HEALTHCHECK': {
      const [mode = '', ...commandWords] = words;
      if (mode.toUpperCase() === 'NONE') return { ...base, form: 'arguments', args: ['NONE'] };
      const commandText = commandWords.join(' ');
      const exec = parseExecArray(commandText);
      return exec ? { ...base, form: 'exec', args: exec } : { ...base, form: 'shell', args: shellWords(commandText), looksLikeExec: commandText.startsWith('[') };
    }
    case 'ONBUILD': {
      const inner = readInstruction(rest, { ...state, seenFrom: true });
      return inner ? { ...base, form: inner.form, args: [inner.keyword, ...inner.flags, ...inner.args] } : undefined;
    }
    default:
      return { ...base, form: 'arguments', args: [words.join(' ')] };
  }
}

/** Reads a Dockerfile (or a fragment of one) into normalized instructions. */
export function readDockerfile(text: string, options: { fragment: boolean }): DockerfileRead {
  const state: ReadState = { workdir: '/', stages: [], seenFrom: options.fragment, errors: [], notes: [] };
  const instructions: Instruction[] = [];
  for (const line of logicalLines(text)) {
    const instruction = readInstruction(line, state);
    if (instruction) instructions.push(instruction);
  }
  return { instructions, errors: state.errors, notes: state.notes };
}

/** Returns the comparison key of an instruction; equal keys mean the instructions do the same thing. */
export function instructionKey(instruction: Pick<Instruction, 'keyword' | 'flags' | 'form' | 'args'>): string {
  return `${instruction.keyword}\u0000${instruction.flags.join(' ')}\u0000${instruction.form}\u0000${instruction.args.join('\u0001')}`;
}
