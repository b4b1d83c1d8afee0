/**
 * Reads one simple command the way its tool does: finds the subcommand, parses flags with
 * cobra/pflag rules, and lets the subcommand turn the result into comparable facets.
 */
import type { Feedback } from '../verdict';
import { closestName } from './suggest';
import { normalizePath } from './paths';
import type { Facet, FacetSink, FlagSpec, FlagUse, ParsedArguments, ReadContext, SubcommandSpec, ToolName, ToolSpec } from './spec';
import { displayValue } from './tokenize';
import type { Redirection, SimpleCommand } from './tokenize';

/** A parsed command line, reduced to what decides its behaviour. */
export interface CommandForm {
  /** The program run, with `k` read as `kubectl` and a leading `sudo` removed. */
  readonly program: string;
  readonly tool: ToolName | undefined;
  readonly sudo: boolean;
  /** Undefined for programs without a grammar and for subcommands the grammar does not know. */
  readonly subcommand: SubcommandSpec | undefined;
  /** The subcommand words as typed, such as `image build`. */
  readonly typedPath: string;
  readonly facets: ReadonlyMap<string, Facet>;
  /** Mistakes that make the tool fail or do something other than intended. */
  readonly errors: readonly Feedback[];
  /** Remarks that do not make the answer wrong. */
  readonly notes: readonly Feedback[];
  /**
   * Flags typed after a container command without `--` before it (`kubectl run x --image=i ls -l`):
   * the tool read them as its own flags, although they may have been meant for the container.
   */
  readonly flagsAfterCommand: readonly FlagUse[];
  /** The command as typed, for feedback. */
  readonly text: string;
}

interface CompiledSubcommand {
  readonly spec: SubcommandSpec;
  readonly long: ReadonlyMap<string, FlagSpec>;
  readonly short: ReadonlyMap<string, FlagSpec>;
}

interface SubcommandNode {
  compiled?: CompiledSubcommand;
  readonly children: Map<string, SubcommandNode>;
}

interface CompiledTool {
  readonly spec: ToolSpec;
  readonly root: SubcommandNode;
  readonly globalLong: ReadonlyMap<string, FlagSpec>;
  readonly globalShort: ReadonlyMap<string, FlagSpec>;
}

const BOOLEAN_WORDS = new Map([
  ['1', 'true'], ['t', 'true'], ['T', 'true'], ['true', 'true'], ['TRUE', 'true'], ['True', 'true'],
  ['0', 'false'], ['f', 'false'], ['F', 'false'], ['false', 'false'], ['FALSE', 'false'], ['False', 'false'],
]);

function flagMaps(flags: readonly FlagSpec[]): { long: Map<string, FlagSpec>; short: Map<string, FlagSpec> } {
  const long = new Map<string, FlagSpec>();
  const short = new Map<string, FlagSpec>();
  for (const flag of flags) {
    long.set(flag.name, flag);
    for (const alias of flag.aliases ?? []) long.set(alias, flag);
    if (flag.short) short.set(flag.short, flag);
  }
  return { long, short };
}

/** Builds the lookup tables of a tool once, when its grammar module loads. */
export function compileTool(spec: ToolSpec): CompiledTool {
  const root: SubcommandNode = { children: new Map() };
  const globals = flagMaps(spec.globalFlags);

  for (const subcommand of spec.subcommands) {
    const own = flagMaps(subcommand.flags);
    const compiled: CompiledSubcommand = spec.globalFlagsAnywhere
      ? { spec: subcommand, long: new Map([...globals.long, ...own.long]), short: new Map([...globals.short, ...own.short]) }
      : { spec: subcommand, ...own };
    for (const path of [subcommand.path, ...(subcommand.aliases ?? [])]) {
      let node = root;
      for (const word of path) {
        let child = node.children.get(word);
        if (!child) {
          child = { children: new Map() };
          node.children.set(word, child);
        }
        node = child;
      }
      node.compiled = compiled;
    }
  }
  return { spec, root, globalLong: globals.long, globalShort: globals.short };
}

function flagLabel(flag: FlagSpec): string {
  return flag.short ? `\`-${flag.short}\`/\`--${flag.name}\`` : `\`--${flag.name}\``;
}

/** Collects facets, errors and notes while a command is read. */
class FormBuilder implements FacetSink {
  readonly facets = new Map<string, Facet>();
  readonly errors: Feedback[] = [];
  readonly notes: Feedback[] = [];

  constructor(
    readonly tool: ToolName,
    readonly cwd: string,
    readonly context: ReadContext = {},
  ) {}

  set(facet: Facet): void {
    this.facets.set(facet.key, facet);
  }

  remove(key: string): void {
    this.facets.delete(key);
  }

  get(key: string): Facet | undefined {
    return this.facets.get(key);
  }

  error(feedback: Feedback): void {
    this.errors.push(feedback);
  }

  note(feedback: Feedback): void {
    if (!this.notes.some((existing) => existing.code === feedback.code && existing.actual === feedback.actual)) this.notes.push(feedback);
  }

  hasError(code: string): boolean {
    return this.errors.some((existing) => existing.code === code);
  }
}

interface FlagLookup {
  readonly long: ReadonlyMap<string, FlagSpec>;
  readonly short: ReadonlyMap<string, FlagSpec>;
}

/** The result of reading flags with pflag rules. */
interface FlagParse {
  readonly flags: FlagUse[];
  readonly positionals: string[];
  afterDash: string[] | undefined;
  /** Index in `words` where reading stopped, for the subcommand search. */
  stoppedAt: number;
}

interface FlagParseOptions {
  readonly lookup: FlagLookup;
  readonly interspersed: boolean;
  /**
   * Stop without consuming at the first positional or unknown flag, as the subcommand search
   * needs; the subcommand's own parse reads them afterwards.
   */
  readonly stopAtPositional: boolean;
  readonly commandName: string;
  /** The subcommand's {@link SubcommandSpec.containerCommandAfter}, when its later words are a container command. */
  readonly containerCommandAfter?: number | undefined;
}

/**
 * Reads flags the way spf13/pflag does: `--name=value`, `--name value` (value flags only),
 * `-abc` groups of bool shorthands, `-tvalue`, `-t=value`, and `--` ending flag parsing.
 */
function parseFlags(words: readonly string[], start: number, options: FlagParseOptions, sink: FormBuilder): FlagParse {
  const result: FlagParse = { flags: [], positionals: [], afterDash: undefined, stoppedAt: words.length };
  let index = start;

  const warnIfBooleanFollows = (flag: FlagSpec, typed: string) => {
    const next = words[index];
    if (next !== undefined && BOOLEAN_WORDS.has(next)) {
      sink.error({
        code: 'boolean-flag-value',
        expected: `--${flag.name}=${next}`,
        actual: `${typed} ${next}`,
        message: `\`--${flag.name}\` is a boolean flag, so \`${next}\` after a space is a separate argument; write \`--${flag.name}=${next}\`.`,
      });
    }
  };

  /** Reports `--dry-run client`; returns whether the next word was such a lost value. */
  const optionalFollowedByValue = (flag: FlagSpec, typed: string): boolean => {
    const next = words[index];
    if (next === undefined || !flag.values?.includes(next)) return false;
    sink.error({
      code: flag.name === 'dry-run' ? 'dry-run-needs-equals' : 'flag-value-needs-equals',
      expected: `--${flag.name}=${next}`,
      actual: `${typed} ${next}`,
      message: `\`--${flag.name}\` has an optional value, so it must be attached with \`=\`: \`--${flag.name}=${next}\`; after a space \`${next}\` is a separate argument.`,
    });
    return true;
  };

  /** Returns the container command words read so far, or none when the flag at hand does not follow them. */
  const commandWordsBefore = (): string[] => {
    const after = options.containerCommandAfter;
    return after !== undefined && result.positionals.length > after ? result.positionals.slice(after) : [];
  };

  /**
   * Reports a flag word after the container command that the tool could not read as its own flag.
   * The learner most likely meant it for the container, so the fix is `--` before the command.
   */
  const missingDoubleDash = (typed: string, failure: string): boolean => {
    const command = commandWordsBefore();
    if (command.length === 0) return false;
    // One report is enough: every later flag-like word has the same cause.
    if (sink.hasError('missing-double-dash')) return true;
    const tool = options.commandName.split(' ')[0];
    sink.error({
      code: 'missing-double-dash',
      actual: typed,
      message:
        `\`${typed}\` comes after the container command \`${command.join(' ')}\`, but without \`--\` ${tool} still reads words that start with \`-\` as its own flags, ` +
        `and ${failure}. Put \`--\` before the container command so that every word after it goes to the container.`,
    });
    return true;
  };

  const unknown = (typed: string, name: string) => {
    if (missingDoubleDash(typed, `\`${options.commandName}\` has no flag \`${typed}\``)) return;
    // Every one-letter name is one edit away from every other, so a suggestion for `-c` would be noise.
    const suggestion = name.length > 1 ? closestName(name, [...options.lookup.long.keys()]) : undefined;
    sink.error({
      code: 'unknown-flag',
      actual: typed,
      message: `\`${options.commandName}\` has no flag \`${typed}\`${suggestion ? `; did you mean \`--${suggestion}\`?` : '.'}`,
    });
  };

  const needsValue = (typed: string, flag: FlagSpec) => {
    if (missingDoubleDash(typed, `\`${typed}\` is its \`--${flag.name}\` flag, which needs a value`)) return;
    sink.error({ code: 'flag-needs-value', actual: typed, message: `\`${typed}\` needs a value after it.` });
  };

  const add = (use: Omit<FlagUse, 'operandsBefore'>) => {
    result.flags.push({ ...use, operandsBefore: result.positionals.length });
  };

  const booleanValue = (flag: FlagSpec, text: string, typed: string): string => {
    const value = BOOLEAN_WORDS.get(text);
    if (value !== undefined) return value;
    sink.error({ code: 'invalid-boolean-value', actual: typed, message: `\`--${flag.name}\` takes true or false, not \`${text}\`.` });
    return text;
  };

  while (index < words.length) {
    const word = words[index]!;

    if (word === '--') {
      if (options.stopAtPositional) {
        result.stoppedAt = index;
        return result;
      }
      result.afterDash = words.slice(index + 1);
      return result;
    }

    if (word.startsWith('--') && word.length > 2) {
      index += 1;
      const equals = word.indexOf('=');
      const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
      const flag = options.lookup.long.get(name);
      if (!flag && options.stopAtPositional) {
        result.stoppedAt = index - 1;
        return result;
      }
      if (!flag) {
        unknown(equals === -1 ? word : word.slice(0, equals), name);
        continue;
      }
      const attached = equals === -1 ? undefined : word.slice(equals + 1);
      if (flag.type === 'bool') {
        if (attached === undefined) warnIfBooleanFollows(flag, word);
        add({ spec: flag, value: attached === undefined ? 'true' : booleanValue(flag, attached, word), typed: word });
      } else if (flag.type === 'optional') {
        const lostValue = attached === undefined && optionalFollowedByValue(flag, word);
        if (attached === undefined && !lostValue && flag.bareDeprecation) sink.note({ code: 'deprecated-bare-flag', actual: word, message: flag.bareDeprecation });
        add({ spec: flag, value: attached ?? flag.bareValue ?? '', typed: word });
      } else if (attached !== undefined) {
        add({ spec: flag, value: attached, typed: word });
      } else if (index < words.length) {
        add({ spec: flag, value: words[index]!, typed: `${word} ${words[index]}` });
        index += 1;
      } else {
        needsValue(word, flag);
      }
      if (flag.deprecation) sink.note({ code: 'deprecated-flag', actual: word, message: flag.deprecation });
      continue;
    }

    if (word.startsWith('-') && word.length > 1) {
      if (options.stopAtPositional && !options.lookup.short.has(word[1]!)) {
        result.stoppedAt = index;
        return result;
      }
      index += 1;
      const longName = word.slice(1).split('=')[0]!;
      if (longName.length > 1 && options.lookup.long.has(longName) && !options.stopAtPositional) {
        sink.error({
          code: 'single-dash-long-flag',
          expected: `--${word.slice(1)}`,
          actual: word,
          message: `Long flag names need two dashes: \`${word}\` is read as single-letter flags, so write \`--${word.slice(1)}\`.`,
        });
      }
      for (let position = 1; position < word.length; position += 1) {
        const letter = word[position]!;
        const flag = options.lookup.short.get(letter);
        if (!flag) {
          unknown(`-${letter}`, letter);
          break;
        }
        const rest = word.slice(position + 1);
        const typed = `-${letter}`;
        if (rest.startsWith('=')) {
          const attached = rest.slice(1);
          add({ spec: flag, value: flag.type === 'bool' ? booleanValue(flag, attached, word) : attached, typed: word });
          break;
        }
        if (flag.type === 'bool') {
          add({ spec: flag, value: 'true', typed });
          if (rest === '') warnIfBooleanFollows(flag, word);
          continue;
        }
        if (flag.type === 'optional') {
          add({ spec: flag, value: flag.bareValue ?? '', typed });
          if (rest === '') optionalFollowedByValue(flag, word);
          continue;
        }
        if (rest !== '') {
          add({ spec: flag, value: rest, typed: word });
        } else if (index < words.length) {
          add({ spec: flag, value: words[index]!, typed: `${word} ${words[index]}` });
          index += 1;
        } else {
          needsValue(typed, flag);
        }
        break;
      }
      continue;
    }

    if (options.stopAtPositional) {
      result.stoppedAt = index;
      return result;
    }
    if (!options.interspersed) {
      result.positionals.push(...words.slice(index));
      return result;
    }
    result.positionals.push(word);
    index += 1;
  }
  return result;
}

/** Splits stringSlice values on commas and applies the value kind's normal form. */
function flagFacetValues(flag: FlagSpec, uses: readonly FlagUse[], cwd: string): string[] {
  const raw = flag.repeatable || flag.commaList ? uses.map((use) => use.value) : [uses[uses.length - 1]!.value];
  const values = flag.commaList ? raw.flatMap((value) => value.split(',')).filter((value) => value !== '') : raw;
  return values.map((value) => normalizeValue(value, flag.kind ?? 'text', cwd));
}

/** Applies the normal form of a value kind: paths resolved, comma maps sorted. */
export function normalizeValue(value: string, kind: Facet['kind'], cwd: string): string {
  if (kind === 'path') return normalizePath(value, cwd);
  if (kind === 'map') return value.split(',').filter((part) => part !== '').sort().join(',');
  return value;
}

function addFlagFacets(flags: readonly FlagUse[], sink: FormBuilder): void {
  const grouped = new Map<FlagSpec, FlagUse[]>();
  for (const use of flags) {
    const uses = grouped.get(use.spec);
    if (uses) uses.push(use);
    else grouped.set(use.spec, [use]);
  }
  for (const [flag, uses] of grouped) {
    const values = flagFacetValues(flag, uses, sink.cwd);
    const defaultValue = flag.defaultValue ?? (flag.type === 'bool' ? 'false' : undefined);
    if (!flag.repeatable && !flag.commaList && values[0] === defaultValue) continue;
    sink.set({ key: `--${flag.name}`, label: flagLabel(flag), values, kind: flag.kind ?? 'text', ordered: flag.ordered ?? false, flag });
  }
}

const REDIRECTION_KEYS: Partial<Record<Redirection['operator'], { key: string; label: string }>> = {
  '>': { key: 'stdout', label: 'the output redirection `>`' },
  '>|': { key: 'stdout', label: 'the output redirection `>`' },
  '>>': { key: 'stdout-append', label: 'the appending redirection `>>`' },
  '<': { key: 'stdin', label: 'the input redirection `<`' },
};

function addRedirectionFacets(redirections: readonly Redirection[], sink: FormBuilder): void {
  for (const redirection of redirections) {
    if (redirection.body !== undefined) {
      sink.set({ key: 'heredoc', label: 'the here-document', values: [redirection.body], kind: 'json', ordered: true });
      continue;
    }
    const standard = REDIRECTION_KEYS[redirection.operator];
    const isDefaultFd = redirection.fd === (redirection.operator.startsWith('<') ? 0 : 1);
    if (standard && isDefaultFd) {
      sink.set({ key: standard.key, label: standard.label, values: [normalizePath(redirection.target, sink.cwd)], kind: 'path', ordered: true });
    } else {
      const key = `${redirection.fd}${redirection.operator}`;
      sink.set({ key, label: `the redirection \`${key}\``, values: [redirection.target], kind: 'text', ordered: true });
    }
  }
}

/** Builds the form of a program without a grammar: its words in order and its redirections. */
function genericForm(program: string, sudo: boolean, words: readonly string[], command: SimpleCommand, cwd: string, text: string, tool?: ToolName): CommandForm {
  const sink = new FormBuilder(tool ?? 'docker', cwd);
  if (words.length > 0) sink.set({ key: 'argv', label: 'the arguments', values: words, kind: 'text', ordered: true });
  addRedirectionFacets(command.redirections, sink);
  return { program, tool, sudo, subcommand: undefined, typedPath: words[0] ?? '', facets: sink.facets, errors: sink.errors, notes: sink.notes, flagsAfterCommand: [], text };
}

/** Returns the text of a command as typed, for feedback. */
export function commandText(command: SimpleCommand): string {
  const redirections = command.redirections.map((redirection) => `${redirection.operator}${redirection.operator.startsWith('<<') ? '' : ' '}${displayValue(redirection.target)}`);
  return [...command.words.map((word) => word.raw), ...redirections].join(' ');
}

/**
 * Reads one simple command into a {@link CommandForm}.
 *
 * @param tools The grammars by program name, `k` included.
 * @param cwd The working directory set by an earlier `cd` in the chain.
 * @param context What the task says about the files around the command, such as the build file.
 */
export function readCommand(command: SimpleCommand, tools: ReadonlyMap<string, CompiledTool>, cwd: string, context: ReadContext = {}): CommandForm {
  const text = commandText(command);
  let words = command.words.map((word) => word.value);
  const sudo = words[0] === 'sudo';
  if (sudo) words = words.slice(1);
  const first = words[0] ?? '';
  const tool = tools.get(first);
  if (!tool) return genericForm(first, sudo, words.slice(1), command, cwd, text);

  const sink = new FormBuilder(tool.spec.name, cwd, context);
  const program = tool.spec.name;
  const globalLookup = { long: tool.globalLong, short: tool.globalShort };

  // Walk the subcommand tree; global flags may sit between the words (cobra strips them).
  // NOTE: a subcommand's own flag before a deeper word (`kubectl create --dry-run=client job x`)
  // stops the walk early, although cobra would still find `create job`.
  let node = tool.root;
  let index = 1;
  const globalFlags: FlagUse[] = [];
  const typedPath: string[] = [];
  for (;;) {
    const scan = parseFlags(words, index, { lookup: globalLookup, interspersed: true, stopAtPositional: true, commandName: program }, sink);
    globalFlags.push(...scan.flags);
    index = scan.stoppedAt;
    const word = words[index];
    if (word !== undefined && word.startsWith('-') && !node.compiled && tool.spec.globalFlagsAnywhere) {
      // Like cobra, skip an unknown flag (and the value it may take) while searching for the subcommand.
      sink.error({ code: 'unknown-flag', actual: word, message: `\`${program}\` has no flag \`${word.split('=')[0]}\`.` });
      index += !word.includes('=') && (word.startsWith('--') || word.length === 2) ? 2 : 1;
      continue;
    }
    const child = word === undefined ? undefined : node.children.get(word);
    if (!child) break;
    node = child;
    typedPath.push(word!);
    index += 1;
    if (!tool.spec.globalFlagsAnywhere && node.compiled && node.children.size === 0) break;
  }

  const compiled = node.compiled;
  if (!compiled) {
    const generic = genericForm(program, sudo, words.slice(1), command, cwd, text, tool.spec.name);
    return { ...generic, typedPath: words.slice(1, index + 1).join(' '), errors: [...sink.errors, ...generic.errors] };
  }

  const commandName = `${program} ${compiled.spec.path.join(' ')}`;
  const containerCommandAfter = compiled.spec.containerCommandAfter;
  const parsedFlags = parseFlags(
    words,
    index,
    { lookup: compiled, interspersed: compiled.spec.interspersed, stopAtPositional: false, commandName, containerCommandAfter },
    sink,
  );
  const flags = [...globalFlags, ...parsedFlags.flags];

  if (!compiled.spec.interspersed && compiled.spec.lateFlags === 'error') {
    const late = parsedFlags.positionals.slice(1).find((word) => isKnownFlagWord(word, compiled));
    if (late) {
      sink.error({
        code: 'flag-after-positional',
        actual: late,
        message: `\`${commandName}\` reads options only before its first argument, so \`${late}\` after it is not read as an option; move it before the arguments.`,
      });
    }
  }

  addFlagFacets(flags, sink);
  addRedirectionFacets(command.redirections, sink);
  const parsed: ParsedArguments = {
    tool: tool.spec.name,
    subcommand: compiled.spec,
    flags,
    positionals: parsedFlags.positionals,
    afterDash: parsedFlags.afterDash,
    redirections: command.redirections,
    cwd,
  };
  if (compiled.spec.interpret) {
    compiled.spec.interpret(parsed, sink);
  } else {
    if (parsed.positionals.length > 0) sink.set({ key: 'args', label: 'the arguments', values: parsed.positionals, kind: 'text', ordered: true });
    if (parsed.afterDash && parsed.afterDash.length > 0) sink.set({ key: 'after-dash', label: 'the words after `--`', values: parsed.afterDash, kind: 'text', ordered: true });
  }

  const flagsAfterCommand = containerCommandAfter === undefined ? [] : parsedFlags.flags.filter((use) => use.operandsBefore > containerCommandAfter);
  return {
    program,
    tool: tool.spec.name,
    sudo,
    subcommand: compiled.spec,
    typedPath: typedPath.join(' '),
    facets: sink.facets,
    errors: sink.errors,
    notes: sink.notes,
    flagsAfterCommand,
    text,
  };
}

/** Returns whether a word would be read as one of the subcommand's own flags, e.g. `-t` or `--tag=x`. */
export function isKnownFlagWord(word: string, lookup: FlagLookup): boolean {
  if (word.startsWith('--') && word.length > 2) {
    const equals = word.indexOf('=');
    return lookup.long.has(equals === -1 ? word.slice(2) : word.slice(2, equals));
  }
  if (word.startsWith('-') && word.length > 1) return lookup.short.has(word[1]!);
  return false;
}

/** Looks up the flag a word names in a subcommand, for feedback about misplaced options. */
export function flagNamedBy(word: string, subcommand: SubcommandSpec, globals: readonly FlagSpec[] = []): FlagSpec | undefined {
  const all = [...subcommand.flags, ...globals];
  if (word.startsWith('--') && word.length > 2) {
    const equals = word.indexOf('=');
    const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
    return all.find((flag) => flag.name === name || flag.aliases?.includes(name));
  }
  if (word.startsWith('-') && word.length > 1) return all.find((flag) => flag.short === word[1]);
  return undefined;
}

/** Looks up a subcommand by its canonical path, for commands built by chain rewrites. */
export function findSubcommand(tool: CompiledTool, path: readonly string[]): SubcommandSpec | undefined {
  let node: SubcommandNode | undefined = tool.root;
  for (const word of path) node = node?.children.get(word);
  return node?.compiled?.spec;
}

export type { CompiledTool };
