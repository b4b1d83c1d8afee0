import { describe, expect, it } from 'vitest';
import { buildPushCommands, localImageName } from '../../../src/domain/generate/build-push';

const TARGET = 'registry.example.com:5000/team/api:1.4';

describe('buildPushCommands build', () => {
  it.each([
    ['docker', ['docker build -t registry.example.com:5000/team/api:1.4 .', 'docker push registry.example.com:5000/team/api:1.4']],
    ['podman', ['podman build -t registry.example.com:5000/team/api:1.4 .', 'podman push registry.example.com:5000/team/api:1.4']],
    ['buildah', ['buildah build -t registry.example.com:5000/team/api:1.4 .', 'buildah push registry.example.com:5000/team/api:1.4']],
  ] as const)('%s', (tool, canonical) => {
    const answer = buildPushCommands({ tool, target: TARGET });
    expect(answer.canonical).toEqual(canonical);
    expect(answer.accepted[0]).toEqual(canonical);
  });

  it('docker accepts build --push', () => {
    const answer = buildPushCommands({ tool: 'docker', target: TARGET });
    expect(answer.accepted).toContainEqual([`docker build --push -t ${TARGET} .`]);
  });

  it('podman has no build --push', () => {
    const answer = buildPushCommands({ tool: 'podman', target: TARGET });
    expect(answer.accepted.flat().some((command) => command.includes('--push'))).toBe(false);
  });

  it('buildah accepts bud', () => {
    const answer = buildPushCommands({ tool: 'buildah', target: TARGET });
    expect(answer.accepted).toContainEqual([`buildah bud -t ${TARGET} .`, `buildah push ${TARGET}`]);
  });

  it('buildah options precede the context', () => {
    const answer = buildPushCommands({ tool: 'buildah', target: TARGET });
    expect(answer.accepted.flat().filter((command) => command.includes(' build ') || command.includes(' bud ')).every((command) => command.endsWith(' .'))).toBe(true);
  });
});

describe('buildPushCommands tag', () => {
  it('docker tags then pushes', () => {
    const answer = buildPushCommands({ tool: 'docker', target: TARGET, local: 'api:1.4' });
    expect(answer.canonical).toEqual([`docker tag api:1.4 ${TARGET}`, `docker push ${TARGET}`]);
    expect(answer.accepted).toHaveLength(1);
  });

  it.each(['podman', 'buildah'] as const)('%s may push to a destination', (tool) => {
    const answer = buildPushCommands({ tool, target: TARGET, local: 'api:1.4' });
    expect(answer.canonical).toEqual([`${tool} tag api:1.4 ${TARGET}`, `${tool} push ${TARGET}`]);
    expect(answer.accepted).toContainEqual([`${tool} push api:1.4 ${TARGET}`]);
    expect(answer.accepted).toContainEqual([`${tool} push api:1.4 docker://${TARGET}`]);
  });

  it('rejects an invalid target', () => {
    expect(() => buildPushCommands({ tool: 'docker', target: 'Reg/App:1' })).toThrow(/Invalid target image/);
  });
});

describe('localImageName', () => {
  it.each([
    [TARGET, 'api:1.4'],
    ['ghcr.io/acme/tools/cli:0.9', 'cli:0.9'],
    ['localhost:5000/web', 'web'],
  ])('%s', (target, local) => {
    expect(localImageName(target)).toBe(local);
  });
});
