/**
 * The container fields that `kubectl run` and `kubectl create deployment|job|cronjob` write, after
 * kubernetes/kubectl `pkg/cmd/run/run.go` (`createPod`) and `pkg/cmd/create/create_{deployment,job,cronjob}.go`.
 */

/** The object a kubectl command creates. `pod` is `kubectl run`. */
export type KubectlWorkload = 'pod' | 'deployment' | 'job' | 'cronjob';

export const CREATE_WORKLOADS = ['deployment', 'job', 'cronjob'] as const;
export type CreateWorkload = (typeof CREATE_WORKLOADS)[number];

/** The container that kubectl generates. */
export interface GeneratedContainer {
  /** The container name, or undefined for `create job` and `create cronjob`, whose container naming the templates do not teach. */
  readonly name: string | undefined;
  /**
   * True when kubectl appends a random five-character suffix to the name (`create deployment` with
   * an image name containing `_` or `.`), so the full name cannot be predicted.
   */
  readonly randomNameSuffix: boolean;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
}

export interface KubectlRunInput {
  /** The Pod name, which is also the container name. */
  readonly name: string;
  readonly image: string;
  /** Whether `--command` is given. */
  readonly commandFlag: boolean;
  /** The words after the Pod name (after `--`). */
  readonly words: readonly string[];
}

/**
 * Returns the container that `kubectl run NAME --image=IMAGE [--command] -- WORDS` creates. The
 * words go to `args`, or to `command` with `--command`. With no words neither field is set.
 */
export function resolveKubectlRun(input: KubectlRunInput): GeneratedContainer {
  const base = { name: input.name, randomNameSuffix: false, image: input.image };
  if (input.words.length === 0) return base;
  return input.commandFlag ? { ...base, command: [...input.words] } : { ...base, args: [...input.words] };
}

/**
 * Returns the container name `kubectl create deployment` derives from an image: the last path
 * component without tag or digest, with `_` and `.` replaced by `-` (a random suffix is then added).
 */
export function deploymentContainerName(image: string): { name: string; randomNameSuffix: boolean } {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) return { name: name.replace(/[_.]/g, '-'), randomNameSuffix: true };
  return { name, randomNameSuffix: false };
}

export interface KubectlCreateInput {
  readonly workload: CreateWorkload;
  /** The object name. */
  readonly name: string;
  readonly image: string;
  /** The words after `--`. */
  readonly words: readonly string[];
}

/**
 * Returns the container that `kubectl create deployment|job|cronjob NAME --image=IMAGE -- WORDS`
 * creates. These commands have no `--command` flag: the words always fill `command`. Only a
 * Deployment's container name is derived, from the image.
 */
export function resolveKubectlCreate(input: KubectlCreateInput): GeneratedContainer {
  const naming = input.workload === 'deployment' ? deploymentContainerName(input.image) : { name: undefined, randomNameSuffix: false };
  const base = { ...naming, image: input.image };
  return input.words.length === 0 ? base : { ...base, command: [...input.words] };
}

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word for a POSIX shell, leaving plain words bare: `sh`, `'echo hi; sleep 1'`. */
export function shellQuote(word: string): string {
  if (SHELL_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Returns the kubectl command line for a `run` input, with the container words after `--`. */
export function kubectlRunLine(input: KubectlRunInput): string {
  const flags = [`--image=${shellQuote(input.image)}`, ...(input.commandFlag ? ['--command'] : [])];
  const words = input.words.length > 0 ? ['--', ...input.words.map(shellQuote)] : [];
  return ['kubectl', 'run', shellQuote(input.name), ...flags, ...words].join(' ');
}

/** An example schedule for rendered `create cronjob` lines, which require `--schedule`. */
const EXAMPLE_SCHEDULE = '*/5 * * * *';

/** Returns the kubectl command line for a `create` input, with the container words after `--`. */
export function kubectlCreateLine(input: KubectlCreateInput): string {
  const flags = [`--image=${shellQuote(input.image)}`, ...(input.workload === 'cronjob' ? [`--schedule=${shellQuote(EXAMPLE_SCHEDULE)}`] : [])];
  const words = input.words.length > 0 ? ['--', ...input.words.map(shellQuote)] : [];
  return ['kubectl', 'create', input.workload, shellQuote(input.name), ...flags, ...words].join(' ');
}
