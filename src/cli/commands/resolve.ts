import { parseJsonStringArray, resolveArgvFromDockerfile } from '../../domain/generate/argv';
import { canonicalReference, effectiveTag, parseImageReference } from '../../domain/generate/image-reference';
import { defaultPullPolicy, resolvePullPolicy } from '../../domain/generate/pull-policy';
import type { Command } from '../command';
import type { Io } from '../io';

const USAGE = 'resolve pull-policy|argv|image ...';

const HELP = `Usage:
  layerdeck resolve pull-policy <image> [--policy Always|IfNotPresent|Never]
  layerdeck resolve argv [--entrypoint TEXT] [--cmd TEXT] [--command JSON] [--args JSON] [--env NAME=VALUE]...
  layerdeck resolve image <image>

pull-policy  Print the imagePullPolicy a container gets: the --policy value when given (exact
             case), else the default Kubernetes sets for the image when the field is left out.
argv         Print the argv a container runs, as a JSON array. --entrypoint and --cmd take the
             text after the Dockerfile keyword: a JSON array such as '["python","app.py"]' is
             exec form, other text (also invalid JSON such as "['x']") is shell form. --command
             and --args take the Pod fields as JSON arrays. --env defines a variable for
             $(NAME) references in --command and --args.
image        Print the parts of an image reference as JSON.

Exit status: 0 on success, 1 when argv has nothing to run, 2 for invalid arguments such as an
invalid image reference or a wrongly cased policy.
`;

/** Thrown for a usage error; the command prints it and exits with status 2. */
export class UsageError extends Error {}

export interface ParsedOptions {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly positional: readonly string[];
  readonly help: boolean;
}

/**
 * Reads `--name value` and `--name=value` options; `--` ends the options. Options not listed in
 * `valueOptions` are usage errors. A value may start with `-`, because it is always the next word.
 */
export function parseOptions(args: readonly string[], valueOptions: readonly string[]): ParsedOptions {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  let help = false;

  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      positional.push(...args.slice(index + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }

    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (!valueOptions.includes(name)) {
      const known = valueOptions.length > 0 ? `the options here are ${valueOptions.join(', ')}` : 'this command takes no options';
      throw new UsageError(`unknown option "${name}"; ${known}`);
    }
    const value = equals >= 0 ? arg.slice(equals + 1) : args[++index];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, positional, help };
}

/** Returns the single value of an option, or undefined when it is absent; repeating it is an error. */
function single(options: ParsedOptions, name: string): string | undefined {
  const values = options.values.get(name);
  if (values === undefined) return undefined;
  if (values.length > 1) throw new UsageError(`${name} is given ${values.length} times; give it once`);
  return values[0];
}

function onePositional(options: ParsedOptions, noun: string, example: string): string {
  const [value, ...extra] = options.positional;
  if (value === undefined) throw new UsageError(`name the ${noun}, for example: ${example}`);
  if (extra.length > 0) throw new UsageError(`expected one ${noun}, got ${options.positional.length}: ${options.positional.join(' ')}`);
  return value;
}

function printHelp(io: Io): number {
  io.stdout.write(HELP);
  return 0;
}

function resolvePolicy(args: readonly string[], io: Io): number {
  const options = parseOptions(args, ['--policy']);
  if (options.help) return printHelp(io);
  const image = onePositional(options, 'image', 'layerdeck resolve pull-policy nginx:1.27');
  const resolved = resolvePullPolicy(image, single(options, '--policy'));
  if (!resolved.ok) throw new UsageError(resolved.message);
  io.stdout.write(`${resolved.policy}\n`);
  return 0;
}

function jsonList(options: ParsedOptions, name: string): string[] | undefined {
  const text = single(options, name);
  if (text === undefined) return undefined;
  const parsed = parseJsonStringArray(text);
  if (!parsed.ok) throw new UsageError(`${name}: ${parsed.message}`);
  return parsed.value;
}

function dockerfileText(options: ParsedOptions, name: string, keyword: string): string | undefined {
  const text = single(options, name);
  if (text !== undefined && text.trim() === '') {
    throw new UsageError(`${name} is empty; leave it out when the image has no ${keyword}`);
  }
  return text;
}

function environment(options: ParsedOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of options.values.get('--env') ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--env expects NAME=VALUE, got "${pair}"`);
    env[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return env;
}

function resolveArgvCommand(args: readonly string[], io: Io): number {
  const options = parseOptions(args, ['--entrypoint', '--cmd', '--command', '--args', '--env']);
  if (options.help) return printHelp(io);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"; pass values with --entrypoint, --cmd, --command or --args`);

  const resolution = resolveArgvFromDockerfile({
    entrypoint: dockerfileText(options, '--entrypoint', 'ENTRYPOINT'),
    cmd: dockerfileText(options, '--cmd', 'CMD'),
    command: jsonList(options, '--command'),
    args: jsonList(options, '--args'),
    env: environment(options),
  });
  if (!resolution.ok) throw new UsageError(`--${resolution.field}: ${resolution.message}`);

  if (resolution.argv === undefined) {
    io.stderr.write(
      'layerdeck resolve: nothing to run: the image has no ENTRYPOINT or CMD and the Pod sets neither command nor args, so container creation fails ("no command specified").\n',
    );
    return 1;
  }
  io.stdout.write(`${JSON.stringify(resolution.argv)}\n`);
  return 0;
}

function resolveImage(args: readonly string[], io: Io): number {
  const options = parseOptions(args, []);
  if (options.help) return printHelp(io);
  const image = onePositional(options, 'image', 'layerdeck resolve image localhost:5000/app');
  const parsed = parseImageReference(image);
  if (!parsed.ok) throw new UsageError(`invalid image reference "${image}": ${parsed.message}`);
  const reference = parsed.reference;
  const parts = {
    registry: reference.registry,
    namespace: reference.namespace,
    repository: reference.repository,
    path: reference.path,
    tag: reference.tag ?? null,
    digest: reference.digest ?? null,
    effectiveTag: effectiveTag(reference) ?? null,
    canonical: canonicalReference(reference),
    defaultPullPolicy: defaultPullPolicy(reference).policy,
  };
  io.stdout.write(`${JSON.stringify(parts, null, 2)}\n`);
  return 0;
}

const SUBCOMMANDS: Record<string, (args: readonly string[], io: Io) => number> = {
  'pull-policy': resolvePolicy,
  argv: resolveArgvCommand,
  image: resolveImage,
};

export const resolveCommand: Command = {
  usage: USAGE,
  summary: 'Print what a resolver computes: the effective imagePullPolicy, the argv a container runs, or the parts of an image reference.',
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined) {
      io.stderr.write(HELP);
      return 2;
    }
    if (name === '--help' || name === '-h') {
      io.stdout.write(HELP);
      return 0;
    }
    const subcommand = SUBCOMMANDS[name];
    if (!subcommand) {
      io.stderr.write(`layerdeck resolve: unknown resolver "${name}"; use pull-policy, argv or image.\n`);
      return 2;
    }
    try {
      return subcommand(rest, io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`layerdeck resolve ${name}: ${error.message}\n`);
      return 2;
    }
  },
};

