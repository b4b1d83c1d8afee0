/**
 * Rewrites a chain into one normal form, so that different command sequences with the same
 * effect on images compare equal. Applied to the expected and the typed chain alike:
 * - `docker build --push -t A -t B` = build, then `push A` and `push B`;
 * - podman/buildah `push SRC DEST` = `tag SRC DEST` + `push DEST`, or a plain `push SRC` when DEST
 *   names the same image as SRC;
 * - `build -t A` followed by `tag A B` = one build with `-t A -t B` (A may be spelled another way,
 *   such as `localhost/app:1` for podman's `app:1`, since the tag only looks the image up);
 * - `push -a REPO` = a push of every tag of REPO named earlier in the chain;
 * - consecutive pushes compare in any order.
 */
import type { ChainForm, Join } from './chain';
import { TOOLS } from './grammars/index';
import { canonicalImage, parseImageReference } from './image';
import { findSubcommand } from './parse';
import type { CommandForm } from './parse';
import type { Facet, ToolName } from './spec';

interface Step {
  form: CommandForm;
  /** The operator that joins this step to the previous one; undefined for the first step. */
  join: Join | undefined;
}

function isCommand(form: CommandForm, path: string): boolean {
  return form.subcommand !== undefined && form.subcommand.path.join(' ') === path;
}

/** Builds a command for a rewrite; feedback shows its `text`. */
function syntheticCommand(like: CommandForm, path: readonly string[], facets: readonly Facet[], text: string): CommandForm | undefined {
  const compiled = like.tool ? TOOLS.get(like.tool) : undefined;
  const subcommand = compiled ? findSubcommand(compiled, path) : undefined;
  if (!subcommand) return undefined;
  return {
    program: like.program,
    tool: like.tool,
    sudo: like.sudo,
    subcommand,
    typedPath: path.join(' '),
    facets: new Map(facets.map((facet) => [facet.key, facet])),
    errors: [],
    notes: [],
    flagsAfterCommand: [],
    text,
  };
}

function pushOf(like: CommandForm, image: string): CommandForm | undefined {
  return syntheticCommand(like, ['push'], [{ key: 'image', label: 'the pushed image', values: [image], kind: 'image', ordered: true }], `${like.program} push ${image}`);
}

function withFacets(form: CommandForm, change: (facets: Map<string, Facet>) => void): CommandForm {
  const facets = new Map(form.facets);
  change(facets);
  return { ...form, facets };
}

/** `docker build --push -t A -t B .` -> the build without `--push`, then one push per tag. */
function expandBuildPush(step: Step): Step[] {
  const { form } = step;
  if (form.tool !== 'docker' || !isCommand(form, 'build') || !form.facets.has('--push') || form.errors.length > 0) return [step];
  const tags = form.facets.get('--tag')?.values ?? [];
  const pushes = tags.map((tag) => pushOf(form, tag));
  if (tags.length === 0 || pushes.some((push) => push === undefined)) return [step];
  const build = withFacets(form, (facets) => facets.delete('--push'));
  return [{ form: build, join: step.join }, ...pushes.map((push) => ({ form: push!, join: 'then' as const }))];
}

/** podman/buildah `push SRC DEST` -> `tag SRC DEST` + `push DEST`. */
function expandPushDestination(step: Step): Step[] {
  const { form } = step;
  const source = form.facets.get('image')?.values[0];
  const destination = form.facets.get('destination')?.values[0];
  if (!isCommand(form, 'push') || source === undefined || destination === undefined || form.errors.length > 0) return [step];
  if (sameLocalImage(destination, source, form.tool)) return [{ ...step, form: withFacets(form, (facets) => facets.delete('destination')) }];
  const tag = syntheticCommand(
    form,
    ['tag'],
    [
      { key: 'source', label: 'the source image', values: [source], kind: 'image', ordered: true },
      { key: 'target', label: 'the new name', values: [destination], kind: 'image', ordered: false },
    ],
    `${form.program} tag ${source} ${destination}`,
  );
  const push = withFacets(form, (facets) => {
    facets.delete('destination');
    facets.set('image', { key: 'image', label: 'the pushed image', values: [destination], kind: 'image', ordered: true });
  });
  if (!tag) return [step];
  return [{ form: tag, join: step.join }, { form: { ...push, text: `${form.program} push ${destination}` }, join: 'then' }];
}

/** Returns whether two names resolve to the same image for the tool, such as `app:1` and `localhost/app:1` for podman. */
function sameLocalImage(left: string, right: string, tool: ToolName | undefined): boolean {
  return left === right || (tool !== undefined && canonicalImage(left, tool) === canonicalImage(right, tool));
}

/** Folds `tag A B` into an earlier `build -t A` of the same tool, as an extra `-t B`. */
function foldTagsIntoBuilds(steps: Step[]): Step[] {
  const result: Step[] = [];
  for (const step of steps) {
    const { form } = step;
    const source = form.facets.get('source')?.values[0];
    const targets = form.facets.get('target')?.values ?? [];
    const buildIndex = isCommand(form, 'tag') && form.errors.length === 0 && step.join !== '|'
      ? findLastIndex(result, (earlier) => earlier.form.program === form.program && isCommand(earlier.form, 'build') && (earlier.form.facets.get('--tag')?.values.some((tag) => source !== undefined && sameLocalImage(tag, source, form.tool)) ?? false))
      : -1;
    if (buildIndex === -1) {
      result.push(step);
      continue;
    }
    const build = result[buildIndex]!;
    result[buildIndex] = {
      ...build,
      form: withFacets(build.form, (facets) => {
        const tags = facets.get('--tag')!;
        facets.set('--tag', { ...tags, values: [...tags.values, ...targets] });
      }),
    };
  }
  return result;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index]!)) return index;
  return -1;
}

function repositoryOf(image: string): string {
  const reference = parseImageReference(image);
  return `${reference.host ? `${reference.host}/` : ''}${reference.path}`;
}

/** `push -a REPO` -> one push per tag of REPO that the chain named before it. */
function expandPushAllTags(steps: Step[]): Step[] {
  const result: Step[] = [];
  const named: string[] = [];
  for (const step of steps) {
    const { form } = step;
    for (const key of ['--tag', 'target']) named.push(...(form.facets.get(key)?.values ?? []));
    const repository = form.facets.get('image')?.values[0];
    if (!isCommand(form, 'push') || !form.facets.has('--all-tags') || repository === undefined || form.errors.length > 0) {
      result.push(step);
      continue;
    }
    const tags = [...new Set(named.filter((image) => repositoryOf(image) === repository && parseImageReference(image).tag !== undefined))];
    const pushes = tags.map((tag) => pushOf(form, tag));
    if (tags.length === 0 || pushes.some((push) => push === undefined)) {
      result.push(step);
      continue;
    }
    pushes.forEach((push, index) => result.push({ form: push!, join: index === 0 ? step.join : 'then' }));
  }
  return result;
}

/** Sorts runs of consecutive pushes by image name, since their order does not matter. */
function sortPushRuns(steps: Step[]): Step[] {
  const result = [...steps];
  let start = 0;
  while (start < result.length) {
    let end = start;
    while (end < result.length && isCommand(result[end]!.form, 'push') && (end === start || result[end]!.join === 'then') && result[end]!.form.program === result[start]!.form.program) end += 1;
    if (end - start > 1) {
      const run = result.slice(start, end).sort((left, right) => pushKey(left.form).localeCompare(pushKey(right.form)));
      run.forEach((step, index) => (result[start + index] = { ...step, join: index === 0 ? result[start]!.join : 'then' }));
    }
    start = Math.max(end, start + 1);
  }
  return result;
}

function pushKey(form: CommandForm): string {
  return form.facets.get('image')?.values[0] ?? '';
}

const IMAGE_TOOLS: ReadonlySet<ToolName | undefined> = new Set(['docker', 'podman', 'buildah']);

/** Returns the normal form of a chain; chains without image commands come back unchanged. */
export function normalizeChain(chain: ChainForm): ChainForm {
  if (!chain.commands.some((form) => IMAGE_TOOLS.has(form.tool))) return chain;
  let steps: Step[] = chain.commands.map((form, index) => ({ form, join: index === 0 ? undefined : chain.joins[index - 1] }));
  steps = steps.flatMap(expandBuildPush).flatMap(expandPushDestination);
  steps = foldTagsIntoBuilds(steps);
  steps = expandPushAllTags(steps);
  steps = sortPushRuns(steps);
  return { commands: steps.map((step) => step.form), joins: steps.slice(1).map((step) => step.join ?? 'then') };
}
