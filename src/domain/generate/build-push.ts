/**
 * The commands that build, tag and push an image with docker (Docker CLI 29 with buildx), podman
 * or buildah. A push goes to the registry named in the image reference, so the pushed name must
 * carry the registry host.
 */

import { parseImageReference } from './image-reference';

export const BUILD_TOOLS = ['docker', 'podman', 'buildah'] as const;
export type BuildTool = (typeof BUILD_TOOLS)[number];

export interface BuildPushRequest {
  readonly tool: BuildTool;
  /** The reference to push, with registry host and tag, such as `registry.example.com:5000/team/api:1.4`. */
  readonly target: string;
  /**
   * The name of an image already built locally with the same tool. When it is set the image is
   * tagged and pushed; when it is undefined it is built from the Dockerfile in the current directory.
   */
  readonly local?: string | undefined;
}

/** One way to do the job: commands run in order. */
export type CommandSequence = readonly string[];

export interface BuildPushAnswer {
  /** The sequence shown as the expected answer. */
  readonly canonical: CommandSequence;
  /** Every sequence that does the same job, the canonical one first. */
  readonly accepted: readonly CommandSequence[];
}

/**
 * Returns the command sequences that build (or take) an image and push it as `target`.
 * Docker's `push` takes one name, so a local image is tagged first. podman and buildah may also
 * push a local image under another name with `push SOURCE DESTINATION`, where a destination
 * without a transport uses `docker://`.
 *
 * @example
 *   buildPushCommands({ tool: 'docker', target: 'reg.example.com/app:1' }).canonical;
 *   // ['docker build -t reg.example.com/app:1 .', 'docker push reg.example.com/app:1']
 */
export function buildPushCommands(request: BuildPushRequest): BuildPushAnswer {
  const { tool, target, local } = request;
  const parsed = parseImageReference(target);
  if (!parsed.ok) throw new RangeError(`Invalid target image ${JSON.stringify(target)}: ${parsed.message}.`);

  if (local === undefined) {
    const build = tool === 'buildah' ? 'buildah build' : `${tool} build`;
    const canonical = [`${build} -t ${target} .`, `${tool} push ${target}`];
    const accepted: CommandSequence[] = [canonical];
    if (tool === 'docker') accepted.push([`docker build --push -t ${target} .`]);
    if (tool === 'buildah') accepted.push([`buildah bud -t ${target} .`, `buildah push ${target}`]);
    if (tool !== 'docker') accepted.push([canonical[0]!, `${tool} push ${target} docker://${target}`]);
    return { canonical, accepted };
  }

  const canonical = [`${tool} tag ${local} ${target}`, `${tool} push ${target}`];
  const accepted: CommandSequence[] = [canonical];
  if (tool !== 'docker') {
    accepted.push([`${tool} push ${local} ${target}`], [`${tool} push ${local} docker://${target}`]);
  }
  return { canonical, accepted };
}

/** Returns the local name an image gets when it is built as `REPOSITORY:TAG` without a registry. */
export function localImageName(target: string): string {
  const parsed = parseImageReference(target);
  if (!parsed.ok) throw new RangeError(`Invalid target image ${JSON.stringify(target)}: ${parsed.message}.`);
  const { repository, tag } = parsed.reference;
  return tag === undefined ? repository : `${repository}:${tag}`;
}
