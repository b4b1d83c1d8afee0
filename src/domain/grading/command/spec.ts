/**
 * Types for the per-tool command grammars: the subcommand tree, each subcommand's flags as
 * cobra/pflag declares them, and the hook that turns parsed arguments into comparable facets.
 */
import type { Feedback } from '../verdict';
import type { Redirection } from './tokenize';

export type ToolName = 'docker' | 'podman' | 'buildah' | 'kubectl';

/**
 * How pflag reads a flag. `bool`: no value unless attached with `=`. `value`: takes the next
 * word or an attached value. `optional`: like `bool` but with a string value (pflag's
 * NoOptDefVal), so a value must be attached with `=`.
 */
export type FlagType = 'bool' | 'value' | 'optional';

/** How flag values and operands are compared. */
export type ValueKind = 'text' | 'image' | 'path' | 'json' | 'map';

export interface FlagSpec {
  /** The long name without dashes; it names the flag in feedback. */
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** Every use adds a value (pflag stringArray); order is free unless `ordered` is set. */
  readonly repeatable?: boolean;
  /** Every use adds comma-separated values (pflag stringSlice). */
  readonly commaList?: boolean;
  readonly ordered?: boolean;
  /** The value a bare `optional` flag takes (pflag's NoOptDefVal). */
  readonly bareValue?: string;
  /** The values the tool accepts; a bare `optional` flag followed by one of them lost it. */
  readonly values?: readonly string[];
  /** A value that means the same as leaving the flag out. Bool flags default to "false". */
  readonly defaultValue?: string;
  readonly kind?: ValueKind;
  /** Other long names the tool accepts for this flag. */
  readonly aliases?: readonly string[];
  /** A sentence for the feedback when the tool warns that this flag is deprecated. */
  readonly deprecation?: string;
  /** A sentence for the feedback when an `optional` flag given without a value is deprecated. */
  readonly bareDeprecation?: string;
}

/** One flag occurrence after parsing. */
export interface FlagUse {
  readonly spec: FlagSpec;
  readonly value: string;
  /** The words as typed, e.g. `-t webapp` or `--tag=webapp`. */
  readonly typed: string;
  /** How many positional words came before this flag on the command line. */
  readonly operandsBefore: number;
}

/** What pflag produced for one command line, before any tool-specific meaning is applied. */
export interface ParsedArguments {
  readonly tool: ToolName;
  readonly subcommand: SubcommandSpec;
  readonly flags: readonly FlagUse[];
  /** Non-flag words before `--` (or every word after the first positional when interspersed is off). */
  readonly positionals: readonly string[];
  /** Words after `--`; undefined when there was no `--`. */
  readonly afterDash: readonly string[] | undefined;
  readonly redirections: readonly Redirection[];
  /** The working directory from an earlier `cd` in the chain, `.` when none. */
  readonly cwd: string;
}

/** A comparable part of a command: one flag's values, an operand such as the build context, or a redirection. */
export interface Facet {
  /** `--tag` for flags, a role name such as `context` or `image` for operands. */
  readonly key: string;
  /** How the facet is named in feedback, e.g. "`-t`/`--tag`" or "the build context". */
  readonly label: string;
  readonly values: readonly string[];
  readonly kind: ValueKind;
  readonly ordered: boolean;
  /** Set for facets that come from flags. */
  readonly flag?: FlagSpec;
}

/** The build file names that docker, podman or buildah find in a context root without `-f`. */
export const BUILD_FILE_NAMES = ['Dockerfile', 'Containerfile'] as const;
export type BuildFileName = (typeof BUILD_FILE_NAMES)[number];

/** Facts from the task about the files around a command, which some tool defaults depend on. */
export interface ReadContext {
  /**
   * The build file in the context root. When it is set, `-f` may be left out only where it names
   * the file the tool would find by itself. When it is undefined, any default name may be left out.
   */
  readonly buildFile?: BuildFileName | undefined;
}

/** The facet collector handed to a subcommand's `interpret` hook. */
export interface FacetSink {
  readonly tool: ToolName;
  readonly cwd: string;
  readonly context: ReadContext;
  set(facet: Facet): void;
  remove(key: string): void;
  get(key: string): Facet | undefined;
  /** Records a mistake that makes the tool fail or do something else. */
  error(feedback: Feedback): void;
  /** Records a remark that does not make the answer wrong, such as a deprecated spelling. */
  note(feedback: Feedback): void;
  /** Returns whether a mistake with this feedback code was already recorded. */
  hasError(code: string): boolean;
}

// NOTE: The grammars list the flags of each subcommand that container and CKAD answers use, not
// every flag the tools have; an unlisted flag is graded as unknown (`unknown-flag`).
export interface SubcommandSpec {
  /** The canonical words after the tool name, e.g. `['build']` or `['create', 'secret', 'docker-registry']`. */
  readonly path: readonly string[];
  /** Other word sequences that run the same command, e.g. `['image', 'build']`. */
  readonly aliases?: readonly (readonly string[])[];
  readonly flags: readonly FlagSpec[];
  /** False when flags must come before the first positional (buildah, `docker run`). */
  readonly interspersed: boolean;
  /**
   * With `interspersed` off, what a flag-like word after the first positional is: `argv` when it
   * becomes a container argument (`docker run IMAGE ls -l`), `error` when the tool then fails
   * (buildah takes no flags after its image or context arguments).
   */
  readonly lateFlags?: 'argv' | 'error';
  /**
   * For subcommands whose later words become a container's command (`kubectl run NAME CMD...`):
   * how many operands come before that command. A flag-like word after the command words is
   * still read as the tool's own flag unless `--` comes first.
   */
  readonly containerCommandAfter?: number;
  /** Turns positionals, `--` words and redirections into facets; without it they are compared as typed. */
  interpret?(parsed: ParsedArguments, sink: FacetSink): void;
}

export interface ToolSpec {
  readonly name: ToolName;
  /** Words that mean the tool, e.g. `k` for kubectl. */
  readonly names: readonly string[];
  /** Flags of the root command: kubectl accepts them anywhere, the others before the subcommand only. */
  readonly globalFlags: readonly FlagSpec[];
  readonly globalFlagsAnywhere: boolean;
  readonly subcommands: readonly SubcommandSpec[];
  /** Whether a leading `sudo` can be ignored: only where it does not change which image store is used. */
  readonly sudoIsNeutral: boolean;
}
