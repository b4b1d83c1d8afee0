/** Templates that ask for the commands to build, tag and push an image with docker, podman or buildah. */

import { commandAnswer } from '../answers';
import { buildPushCommands, localImageName } from '../build-push';
import type { BuildTool } from '../build-push';
import { parseImageReference } from '../image-reference';
import { code } from '../markdown';
import { checkedString, choiceOf, parameter } from '../parameters';
import type { RenderedQuestion, Template } from '../template';

const REGISTRIES: readonly string[] = ['registry.example.com', 'registry.example.com:5000', 'localhost:5000', 'harbor.internal:8443', 'ghcr.io'];
const REPOSITORIES: readonly string[] = ['team/api', 'web', 'acme/billing-worker', 'tools/cli'];
const TAGS: readonly string[] = ['1.4', 'v2', '2026.05', '1.0.3-rc1'];

const registryItem = checkedString(
  'a registry host such as "registry.example.com:5000"',
  { description: 'A registry host, with a port if needed; it must contain "." or ":" or be "localhost".' },
  (value) => {
    const parsed = parseImageReference(`${value}/app`);
    if (!parsed.ok || parsed.reference.registry !== value || !parsed.reference.registryGiven) {
      return 'a host needs a "." or ":" or must be "localhost", or it is read as a Docker Hub namespace';
    }
    return undefined;
  },
);

const repositoryItem = checkedString(
  'a repository path such as "team/api"',
  { description: 'A repository path without registry or tag, such as "team/api".' },
  (value) => {
    const parsed = parseImageReference(`registry.example.com/${value}`);
    return parsed.ok && parsed.reference.path === value ? undefined : 'use lowercase path components without registry, tag or digest';
  },
);

const tagItem = checkedString('a tag such as "1.4"', { pattern: '^[\\w][\\w.-]{0,127}$', description: 'The tag to push.' }, (value) =>
  /^[\w][\w.-]{0,127}$/.test(value) ? undefined : 'a tag has 1 to 128 letters, digits, "_", "." or "-" and cannot start with "." or "-"',
);

const FORMS = ['build-push', 'tag-push'] as const;

const TOOL_NOTES: Record<BuildTool, { buildPush: string; tagPush: string; missingHost: string }> = {
  docker: {
    buildPush: '`docker build --push -t NAME .` builds and pushes in one command.',
    tagPush: '`docker push` takes exactly one name, so the local image is tagged with the registry name first.',
    missingHost: 'Without the host, `docker push` would send the image to Docker Hub (`docker.io`).',
  },
  podman: {
    buildPush: '`podman build` has no `--push` option, so the push is a separate command.',
    tagPush: '`podman push SOURCE DESTINATION` also pushes a local image under another name in one step; a destination without a transport uses `docker://`.',
    missingHost: 'Without the host, podman stores and pushes the name under `localhost/`, a registry literally named `localhost`.',
  },
  buildah: {
    buildPush: 'buildah reads options only before the context, so `-t NAME` comes before `.`; `buildah bud` is an older name of `buildah build`.',
    tagPush: '`buildah push SOURCE DESTINATION` also pushes a local image under another name in one step; a destination without a transport uses `docker://`.',
    missingHost: 'Without the host, buildah stores the name under `localhost/`, so the push would target a registry named `localhost`.',
  },
};

type BuildPushParameter = 'registry' | 'repository' | 'tag' | 'form';

function buildPushTemplate(tool: BuildTool): Template<BuildPushParameter> {
  return {
    id: `build-tag-push/${tool}`,
    summary: `The ${tool} commands that build (or take a local image), tag and push an image to a given registry.`,
    parameters: {
      registry: parameter('The registry host to push to.', registryItem, REGISTRIES),
      repository: parameter('The repository path on that registry.', repositoryItem, REPOSITORIES),
      tag: parameter('The tag to push.', tagItem, TAGS),
      form: parameter('build-push (build from the Dockerfile, then push) or tag-push (a local image exists; tag and push it).', choiceOf(FORMS, 'build-push or tag-push'), FORMS),
    },
    render(draw): RenderedQuestion {
      const registry = draw('registry');
      const repository = draw('repository');
      const tag = draw('tag');
      const form = draw('form');
      const target = `${registry}/${repository}:${tag}`;
      const notes = TOOL_NOTES[tool];
      const hostRule = `A push goes to the registry named in the image, so the pushed name must start with ${code(registry)}. ${notes.missingHost}`;
      const chain = 'Give the commands, chained with `&&` or one per line.';

      // The prompts ask for an image, not a literal string, so equivalent names such as
      // podman's `localhost/api:1.4` for `api:1.4` are accepted.
      if (form === 'tag-push') {
        const local = localImageName(target);
        const answer = commandAnswer(buildPushCommands({ tool, target, local }).accepted, { normalizeImages: true });
        return {
          prompt:
            `With ${tool}, an image was built locally as ${code(local)}. Push it to the registry ${code(registry)} ` +
            `under the repository path ${code(repository)} with tag ${code(tag)}. ${chain}`,
          explanation: `${hostRule} ${notes.tagPush}`,
          ...answer,
        };
      }

      // Building under a local name and tagging it afterwards also pushes the right image, but it
      // leaves an extra local name that no expected sequence can list, so the prompt rules it out.
      const answer = commandAnswer(buildPushCommands({ tool, target }).accepted, { normalizeImages: true });
      return {
        prompt:
          `With ${tool}, build an image from the Dockerfile in the current directory and push it to the registry ${code(registry)} ` +
          `under the repository path ${code(repository)} with tag ${code(tag)}. ` +
          `Give the image its full registry name in the build command, so that no separate \`tag\` step is needed. ${chain}`,
        explanation: `${hostRule} Name the image ${code(target)} when building, then push that name. ${notes.buildPush}`,
        ...answer,
      };
    },
  };
}

export const buildTagPushDocker = buildPushTemplate('docker');
export const buildTagPushPodman = buildPushTemplate('podman');
export const buildTagPushBuildah = buildPushTemplate('buildah');
