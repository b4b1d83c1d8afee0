/**
 * The argv a container runs, from the image's ENTRYPOINT and CMD and the Pod's `command` and
 * `args`. Dockerfile parsing follows moby/buildkit (`parseMaybeJSON`: a line that is a JSON array
 * of strings is exec form, any other text is shell form). The merge follows containerd
 * (`internal/cri/opts/spec_opts.go`, `WithProcessArgs`), which Docker's own rule matches.
 */

/** The shell that shell-form RUN, CMD and ENTRYPOINT run through on Linux, unless SHELL changes it. */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** A Dockerfile CMD or ENTRYPOINT argument. */
export type DockerfileCommand =
  /** A JSON array of strings, run directly. */
  | { readonly form: 'exec'; readonly argv: readonly string[] }
  /** Any other text, run as `/bin/sh -c TEXT`. */
  | { readonly form: 'shell'; readonly text: string };

export type ParsedDockerfileCommand =
  | { readonly ok: true; readonly command: DockerfileCommand }
  | { readonly ok: false; readonly message: string };

/**
 * Parses the text after a CMD or ENTRYPOINT keyword. Text that is not valid JSON, such as
 * `['nginx']` with single quotes, is shell form, as the Dockerfile parser silently treats it.
 * A valid JSON array with a non-string element fails the build, so it is an error here too.
 *
 * @example
 *   parseDockerfileCommand('["python", "app.py"]'); // exec form ["python", "app.py"]
 *   parseDockerfileCommand('python app.py');        // shell form
 */
export function parseDockerfileCommand(text: string): ParsedDockerfileCommand {
  const rest = text.trim();
  if (rest === '') return { ok: false, message: 'the instruction has no arguments' };

  if (rest.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(rest);
    } catch {
      return { ok: true, command: { form: 'shell', text: rest } };
    }
    if (Array.isArray(value)) {
      if (!value.every((item): item is string => typeof item === 'string')) {
        return { ok: false, message: `the JSON array ${rest} has an element that is not a string, so the build fails ("arrays must be comprised of strings only")` };
      }
      return { ok: true, command: { form: 'exec', argv: value } };
    }
  }
  return { ok: true, command: { form: 'shell', text: rest } };
}

/** Returns the argv that an image config stores for a CMD or ENTRYPOINT. */
export function storedArgv(command: DockerfileCommand, shell: readonly string[] = DEFAULT_SHELL): string[] {
  return command.form === 'exec' ? [...command.argv] : [...shell, command.text];
}

/** The Pod fields that are set among `command` and `args` (an empty list counts as not set). */
export type PodCase = 'neither' | 'command' | 'args' | 'both';

/**
 * Returns the ENTRYPOINT and CMD an image ends up with when its Dockerfile sets `own` on top of
 * `base`. A Dockerfile ENTRYPOINT resets the CMD inherited from the base image, while a Dockerfile
 * CMD alone keeps the base ENTRYPOINT.
 */
export function inheritImageConfig<T>(
  base: { readonly entrypoint?: T | undefined; readonly cmd?: T | undefined },
  own: { readonly entrypoint?: T | undefined; readonly cmd?: T | undefined },
): { entrypoint: T | undefined; cmd: T | undefined } {
  const entrypoint = own.entrypoint ?? base.entrypoint;
  const inheritedCmd = own.entrypoint === undefined ? base.cmd : undefined;
  return { entrypoint, cmd: own.cmd ?? inheritedCmd };
}

/**
 * Expands `$(NAME)` references in a Pod `command` or `args` element the way the kubelet does:
 * a defined variable is replaced, an undefined one stays literal, and `$$` becomes `$`. `$NAME`
 * and `${NAME}` are never expanded. NOTE: a real kubelet also defines the service link variables
 * (such as `KUBERNETES_SERVICE_HOST`); only the variables in `env` are known here.
 */
export function expandPodReferences(word: string, env: Readonly<Record<string, string>> = {}): string {
  let output = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < word.length; cursor++) {
    if (word[cursor] !== '$' || cursor + 1 >= word.length) continue;
    output += word.slice(checkpoint, cursor);
    const next = word[cursor + 1];
    if (next === '$') {
      output += '$';
      cursor += 1;
    } else if (next === '(' && word.indexOf(')', cursor + 2) >= 0) {
      const close = word.indexOf(')', cursor + 2);
      const name = word.slice(cursor + 2, close);
      output += Object.hasOwn(env, name) ? env[name] : `$(${name})`;
      cursor = close;
    } else {
      output += `$${next}`;
      cursor += 1;
    }
    checkpoint = cursor + 1;
  }
  return output + word.slice(checkpoint);
}

export interface ArgvInput {
  /** The image's stored ENTRYPOINT, or undefined when the image has none. */
  readonly entrypoint?: readonly string[] | undefined;
  /** The image's stored CMD, or undefined when the image has none. */
  readonly cmd?: readonly string[] | undefined;
  /** The container's `command` field (Docker: `--entrypoint`). */
  readonly command?: readonly string[] | undefined;
  /** The container's `args` field (Docker: the words after the image name). */
  readonly args?: readonly string[] | undefined;
  /** Container environment for `$(NAME)` references in `command` and `args`. */
  readonly env?: Readonly<Record<string, string>> | undefined;
}

export interface ArgvResolution {
  /** The process argv, or undefined when there is nothing to run and container creation fails. */
  readonly argv: readonly string[] | undefined;
  readonly podCase: PodCase;
  /** True when the image ENTRYPOINT is part of the argv. */
  readonly usesEntrypoint: boolean;
  /** True when the image CMD is part of the argv. */
  readonly usesCmd: boolean;
}

const isSet = (list: readonly string[] | undefined): list is readonly string[] => list !== undefined && list.length > 0;

/**
 * Resolves the argv of a container. `command` replaces ENTRYPOINT and drops CMD, while `args`
 * replaces CMD only. An ENTRYPOINT of exactly `[""]` counts as none, as containerd treats it. `$(NAME)`
 * references in `command` and `args` are expanded first (see {@link expandPodReferences}).
 *
 * @example
 *   resolveArgv({ entrypoint: ['/ep-1'], cmd: ['foo', 'bar'], args: ['zoo', 'boo'] }).argv; // ['/ep-1', 'zoo', 'boo']
 *   resolveArgv({ args: ['sleep', '3600'] }).argv;                                         // ['sleep', '3600']
 *   resolveArgv({}).argv;                                                                  // undefined: nothing to run
 */
export function resolveArgv(input: ArgvInput): ArgvResolution {
  const commandSet = isSet(input.command);
  const argsSet = isSet(input.args);
  let podCase: PodCase = 'neither';
  if (commandSet && argsSet) podCase = 'both';
  else if (commandSet) podCase = 'command';
  else if (argsSet) podCase = 'args';

  const expand = (words: readonly string[]) => words.map((word) => expandPodReferences(word, input.env));
  let command: readonly string[] = commandSet ? expand(input.command!) : [];
  let args: readonly string[] = argsSet ? expand(input.args!) : [];
  let usesEntrypoint = false;
  let usesCmd = false;

  if (!commandSet) {
    if (!argsSet && isSet(input.cmd)) {
      args = input.cmd;
      usesCmd = true;
    }
    const entrypoint = input.entrypoint;
    const emptyEntrypoint = entrypoint !== undefined && entrypoint.length === 1 && entrypoint[0] === '';
    if (isSet(entrypoint) && !emptyEntrypoint) {
      command = entrypoint;
      usesEntrypoint = true;
    }
  }

  const argv = [...command, ...args];
  return { argv: argv.length === 0 ? undefined : argv, podCase, usesEntrypoint, usesCmd };
}

/** The image side of {@link resolveArgvFromDockerfile}: the text after each keyword, or undefined when absent. */
export interface DockerfileArgvInput {
  readonly entrypoint?: string | undefined;
  readonly cmd?: string | undefined;
  readonly command?: readonly string[] | undefined;
  readonly args?: readonly string[] | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
}

export type DockerfileArgvResolution =
  | ({ readonly ok: true; readonly entrypoint: DockerfileCommand | undefined; readonly cmd: DockerfileCommand | undefined } & ArgvResolution)
  | { readonly ok: false; readonly field: 'entrypoint' | 'cmd'; readonly message: string };

/**
 * Resolves the argv from the text after the Dockerfile ENTRYPOINT and CMD keywords plus the Pod's
 * `command` and `args`.
 */
export function resolveArgvFromDockerfile(input: DockerfileArgvInput): DockerfileArgvResolution {
  let entrypoint: DockerfileCommand | undefined;
  let cmd: DockerfileCommand | undefined;

  if (input.entrypoint !== undefined) {
    const parsed = parseDockerfileCommand(input.entrypoint);
    if (!parsed.ok) return { ok: false, field: 'entrypoint', message: parsed.message };
    entrypoint = parsed.command;
  }
  if (input.cmd !== undefined) {
    const parsed = parseDockerfileCommand(input.cmd);
    if (!parsed.ok) return { ok: false, field: 'cmd', message: parsed.message };
    cmd = parsed.command;
  }

  const resolution = resolveArgv({
    entrypoint: entrypoint && storedArgv(entrypoint),
    cmd: cmd && storedArgv(cmd),
    command: input.command,
    args: input.args,
    env: input.env,
  });
  return { ok: true, entrypoint, cmd, ...resolution };
}

/** Returns the list as a JSON array with a space after each comma: `["nginx", "-g", "daemon off;"]`. */
export function formatArgv(argv: readonly string[]): string {
  return `[${argv.map((word) => JSON.stringify(word)).join(', ')}]`;
}

/** Reads a JSON array of strings, such as a Pod `command` given on the command line. */
export function parseJsonStringArray(text: string): { ok: true; value: string[] } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `${JSON.stringify(text)} is not valid JSON. Write a JSON array of strings such as ["sleep", "3600"]` };
  }
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    return { ok: false, message: `${JSON.stringify(text)} is not a JSON array of strings. Write for example ["sleep", "3600"], with numbers in quotes` };
  }
  return { ok: true, value };
}
