/**
 * What the positional arguments of the image commands mean (build, tag, push, images, save,
 * load, run); docker, podman and buildah share them and differ in arity and defaults.
 */
import { parseImageReference } from '../image';
import { directoryOf, joinPath, normalizePath } from '../paths';
import { BUILD_FILE_NAMES } from '../spec';
import type { FacetSink, ParsedArguments, ToolName } from '../spec';

const DOCKERFILE_NAME = /(^|\/)(Dockerfile|Containerfile)$|\.(dockerfile|containerfile)$/i;
const REMOTE_CONTEXT = /^[a-z][a-z0-9+.-]*:\/\/|^git@|^-$/i;

function commandName(parsed: ParsedArguments): string {
  return `${parsed.tool} ${parsed.subcommand.path.join(' ')}`;
}

/** All positional words, `--` included, because these commands take no container argv. */
function operands(parsed: ParsedArguments): string[] {
  return [...parsed.positionals, ...(parsed.afterDash ?? [])];
}

export interface BuildRules {
  /** buildah uses the current directory when no context is given. */
  readonly contextOptional: boolean;
  /** podman uses the directory of the first `-f` file when no context is given. */
  readonly contextFromFile: boolean;
  /** File names the builder finds in the context root without `-f`. */
  readonly defaultFiles: readonly string[];
}

/**
 * Returns the build files that the builder finds in the context root without `-f`. When the task
 * names the file in the context root, only that name counts, because podman builds `Containerfile`
 * when both exist, and finds no `Containerfile` when only a `Dockerfile` exists.
 */
function omittableFiles(rules: BuildRules, sink: FacetSink): readonly string[] {
  const { buildFile } = sink.context;
  return buildFile === undefined ? rules.defaultFiles : rules.defaultFiles.filter((file) => file === buildFile);
}

/** Explains `-f Dockerfile` when the task's context holds a `Containerfile`, and the reverse. */
function reportOtherBuildFile(file: string, context: string, rules: BuildRules, sink: FacetSink): void {
  const { buildFile } = sink.context;
  if (buildFile === undefined) return;
  const other = BUILD_FILE_NAMES.find((name) => name !== buildFile && joinPath(context, name) === file);
  if (other === undefined) return;
  const fix = rules.defaultFiles.includes(buildFile) ? `leave out \`-f\` or write \`-f ${buildFile}\`` : `write \`-f ${buildFile}\``;
  sink.error({
    code: 'wrong-build-file',
    expected: buildFile,
    actual: other,
    message: `The build context holds \`${buildFile}\`, so \`-f ${other}\` builds a different file, or fails when there is none; ${fix}.`,
  });
}

/**
 * Build: exactly one context (`.` = `./` = the same directory by another path), and `-f`
 * dropped when it names the default file in the context root, since the builder finds it anyway.
 */
export function interpretBuild(rules: BuildRules) {
  return (parsed: ParsedArguments, sink: FacetSink): void => {
    const name = commandName(parsed);
    const words = operands(parsed);
    const files = sink.get('--file')?.values ?? [];

    let context: string | undefined;
    if (words.length === 0) {
      if (rules.contextOptional) context = '.';
      else if (rules.contextFromFile && files[0] !== undefined) context = directoryOf(files[0]);
      else {
        sink.error({
          code: 'missing-build-context',
          expected: '.',
          message: `\`${name}\` needs exactly one build context, usually \`.\` for the current directory; without it the build fails.`,
        });
      }
    } else {
      context = normalizePath(words[0]!, sink.cwd);
      if (words.length > 1) {
        sink.error({
          code: 'too-many-arguments',
          actual: words.join(' '),
          message: `\`${name}\` takes exactly one build context, but got ${words.length} arguments: ${words.map((word) => `\`${word}\``).join(', ')}.`,
        });
      }
      if (DOCKERFILE_NAME.test(context)) {
        sink.error({
          code: 'dockerfile-as-context',
          actual: words[0],
          message: `The build context is a directory, not the Dockerfile itself; pass the directory (\`.\`) and name the file with \`-f\` if needed.`,
        });
      }
    }

    if (context === undefined) return;
    sink.set({ key: 'context', label: 'the build context', values: [context], kind: 'path', ordered: true });

    if (files.length === 1 && !REMOTE_CONTEXT.test(context)) {
      const defaults = omittableFiles(rules, sink).map((file) => joinPath(context, file));
      if (defaults.includes(files[0]!)) sink.remove('--file');
      else reportOtherBuildFile(files[0]!, context, rules, sink);
    }
  };
}

/** Checks the number of operands and reports the tool's error when it is wrong. */
function checkArity(parsed: ParsedArguments, sink: FacetSink, words: readonly string[], min: number, max: number, usage: string): void {
  const name = commandName(parsed);
  if (words.length < min) {
    sink.error({ code: 'missing-argument', message: `\`${name}\` needs ${usage}.` });
  } else if (words.length > max) {
    sink.error({
      code: 'too-many-arguments',
      actual: words.join(' '),
      message: `\`${name}\` takes ${usage}, but got ${words.length} arguments: ${words.map((word) => `\`${word}\``).join(', ')}.`,
    });
  }
}

/** docker tag takes exactly SOURCE and TARGET; podman and buildah take several targets. */
export function interpretTag(maxTargets: number) {
  return (parsed: ParsedArguments, sink: FacetSink): void => {
    const words = operands(parsed);
    const usage = maxTargets === 1 ? 'exactly two arguments, SOURCE and TARGET' : 'a SOURCE and one or more TARGET names';
    checkArity(parsed, sink, words, 2, maxTargets + 1, usage);
    if (words[0] !== undefined) sink.set({ key: 'source', label: 'the source image', values: [words[0]], kind: 'image', ordered: true });
    if (words.length > 1) sink.set({ key: 'target', label: 'the new name', values: words.slice(1), kind: 'image', ordered: false });
  };
}

/** The `docker://` transport is the default for a push destination, so it is dropped. */
function withoutDefaultTransport(destination: string): string {
  return destination.replace(/^(docker|registry):\/\//, '');
}

/** docker push takes exactly one NAME; podman and buildah take IMAGE and an optional DESTINATION. */
export function interpretPush(tool: ToolName) {
  return (parsed: ParsedArguments, sink: FacetSink): void => {
    const words = operands(parsed);
    if (tool === 'docker' && words.length === 2) {
      sink.error({
        code: 'too-many-arguments',
        actual: words.join(' '),
        message: '`docker push` takes one image name and no destination; tag the image with the destination name (`docker tag`), then push that name.',
      });
    } else {
      checkArity(parsed, sink, words, 1, tool === 'docker' ? 1 : 2, tool === 'docker' ? 'exactly one image name' : 'an IMAGE and an optional DESTINATION');
    }
    if (words[0] !== undefined) sink.set({ key: 'image', label: 'the pushed image', values: [words[0]], kind: 'image', ordered: true });
    if (words[1] !== undefined && tool !== 'docker') {
      sink.set({ key: 'destination', label: 'the push destination', values: [withoutDefaultTransport(words[1])], kind: 'image', ordered: true });
    }
    if (sink.get('--all-tags') && words[0] !== undefined && parseImageReference(words[0]).tag !== undefined) {
      sink.error({ code: 'all-tags-with-tag', actual: words[0], message: '`--all-tags` pushes every tag of a repository, so the name must not carry a tag.' });
    }
  };
}

/** pull takes exactly one image name. */
export function interpretPull(parsed: ParsedArguments, sink: FacetSink): void {
  const words = operands(parsed);
  checkArity(parsed, sink, words, 1, 1, 'exactly one image name');
  if (words[0] !== undefined) sink.set({ key: 'image', label: 'the pulled image', values: [words[0]], kind: 'image', ordered: true });
}

/** images takes an optional REPOSITORY[:TAG] filter. */
export function interpretImages(parsed: ParsedArguments, sink: FacetSink): void {
  const words = operands(parsed);
  checkArity(parsed, sink, words, 0, 1, 'at most one REPOSITORY[:TAG] argument');
  if (words.length > 0) sink.set({ key: 'repository', label: 'the repository filter', values: words, kind: 'image', ordered: true });
}

/** save writes to `-o FILE` or to standard output, so `-o f` = `--output f` = `> f`. */
export function interpretSave(parsed: ParsedArguments, sink: FacetSink): void {
  const words = operands(parsed);
  checkArity(parsed, sink, words, 1, Infinity, 'at least one image name');
  if (words.length > 0) sink.set({ key: 'images', label: 'the saved images', values: words, kind: 'image', ordered: false });
  const output = sink.get('--output') ?? sink.get('stdout');
  sink.remove('--output');
  sink.remove('stdout');
  if (output) sink.set({ key: 'output', label: 'the archive file (`-o` or `>`)', values: output.values, kind: 'path', ordered: true });
}

/** load reads `-i FILE` or standard input and takes no positional argument. */
export function interpretLoad(parsed: ParsedArguments, sink: FacetSink): void {
  const words = operands(parsed);
  if (words.length > 0) {
    sink.error({
      code: 'load-takes-no-file-argument',
      actual: words.join(' '),
      message: `\`${commandName(parsed)}\` takes no file argument; read the archive with \`-i ${words[0]}\` or \`< ${words[0]}\`.`,
    });
  }
  const input = sink.get('--input') ?? sink.get('stdin');
  sink.remove('--input');
  sink.remove('stdin');
  if (input) sink.set({ key: 'input', label: 'the archive file (`-i` or `<`)', values: input.values, kind: 'path', ordered: true });
}

/** run: options end at the image; every later word is the container's command and arguments. */
export function interpretRun(parsed: ParsedArguments, sink: FacetSink): void {
  const [image, ...rest] = parsed.positionals;
  if (image === undefined) {
    sink.error({ code: 'missing-argument', message: `\`${commandName(parsed)}\` needs an image name after its options.` });
    return;
  }
  sink.set({ key: 'image', label: 'the image', values: [image], kind: 'image', ordered: true });
  if (rest.length > 0) sink.set({ key: 'container-args', label: 'the command and arguments after the image', values: rest, kind: 'text', ordered: true });
}
