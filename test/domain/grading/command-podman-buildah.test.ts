import { describe, expect, it } from 'vitest';
import { canonicalAnswer, gradeAnswer } from '../../../src/domain/grading/checkers';
import { distinctExpected, gradeCommand, reasonCodes } from './support';
import type { AcceptRow, RejectRow } from './support';

const PODMAN_BUILD = 'podman build -t app:1 .';
const BUILDAH_BUILD = 'buildah build -t app:1 .';

const podmanAccepted: AcceptRow[] = [
  [PODMAN_BUILD, 'podman image build -t app:1 .', 'image build alias'],
  [PODMAN_BUILD, 'podman buildx build -t app:1 .', 'buildx build alias'],
  [PODMAN_BUILD, 'podman build . -t app:1', 'flags after the context'],
  [PODMAN_BUILD, 'podman build -f Containerfile -t app:1 .', 'default Containerfile named'],
  [PODMAN_BUILD, 'podman build -f Dockerfile -t app:1 .', 'default Dockerfile named'],
  ['podman build -f build/Containerfile -t app:1 build', 'podman build -f build/Containerfile -t app:1', 'context from the -f directory'],
  ['podman build --layers=false -t a:1 .', 'podman build --layers=0 -t a:1 .', 'bool value 0'],
  [PODMAN_BUILD, 'podman build --layers -t app:1 .', 'layers is on by default'],
  ['podman tag app:1 reg.io/app:1 reg.io/app:latest', 'podman tag app:1 reg.io/app:latest reg.io/app:1', 'several targets in any order'],
  ['podman tag app:1 reg.io/app:1', 'podman image tag app:1 reg.io/app:1', 'image tag alias'],
  ['podman push app:1 reg.io/team/app:1', 'podman push app:1 docker://reg.io/team/app:1', 'docker transport is the default'],
  ['podman push --tls-verify=false reg.io/app:1', 'podman push reg.io/app:1 --tls-verify=false', 'podman allows flags after arguments'],
  ['podman images', 'podman image list', 'image list alias'],
  ['podman save -o app.tar app:1', 'podman save app:1 > app.tar', 'redirect instead of -o'],
  ['podman load -i app.tar', 'podman load < app.tar', 'stdin instead of -i'],
  ['podman run -d --name web -p 8080:80 nginx:1.25', 'podman run -dp 8080:80 --name web nginx:1.25', 'grouped shorthands'],
];

const podmanRejected: RejectRow[] = [
  [PODMAN_BUILD, 'podman build -t app:1', 'missing-build-context', 'no context and no -f'],
  [PODMAN_BUILD, 'podman build -t app:1 Containerfile', 'dockerfile-as-context', 'Containerfile as context'],
  [PODMAN_BUILD, 'podman build --push -t app:1 .', 'unknown-flag', 'podman build has no --push'],
  [PODMAN_BUILD, 'sudo podman build -t app:1 .', 'sudo-changes-image-store', 'rootful store differs'],
  [PODMAN_BUILD, 'podman build -t app .', 'tag-defaults-to-latest', 'tag falls back to latest'],
  ['podman push --tls-verify=false reg.io/app:1', 'podman push --tls-verify false reg.io/app:1', 'boolean-flag-value', 'bool with spaced value'],
  ['podman push reg.io/app:1', 'podman push app:1', 'registry-missing', 'push goes to localhost'],
  ['podman load -i app.tar', 'podman load app.tar', 'load-takes-no-file-argument', 'positional file'],
  ['podman tag app:1 reg.io/app:1', 'podman tag app:1', 'missing-argument', 'no target'],
  ['podman run -d -p 8080:80 nginx', 'podman run nginx -p 8080:80 -d', 'option-after-image', 'options after the image'],
];

const buildahAccepted: AcceptRow[] = [
  [BUILDAH_BUILD, 'buildah bud -t app:1 .', 'bud alias'],
  [BUILDAH_BUILD, 'buildah build-using-dockerfile -t app:1 .', 'build-using-dockerfile alias'],
  [BUILDAH_BUILD, 'buildah build -t app:1', 'context defaults to .'],
  [BUILDAH_BUILD, 'buildah build --tag=app:1 ./', 'long name and ./'],
  ['buildah build -f Containerfile -t app:1 .', 'buildah bud -t app:1', 'default file and context'],
  ['buildah push app:1 docker://reg.io/app:1', 'buildah push app:1 reg.io/app:1', 'docker transport is the default'],
  ['buildah push --tls-verify=false app:1 docker://reg.io/app:1', 'buildah push --tls-verify=false app:1 reg.io/app:1', 'flag before the arguments'],
  ['buildah tag app:1 reg.io/app:1 reg.io/app:latest', 'buildah tag app:1 reg.io/app:latest reg.io/app:1', 'targets in any order'],
  ['buildah images --json', 'buildah images --json=true', 'bool =true'],
  ['buildah build --layers -t app:1 .', 'buildah build --layers=true -t app:1 .', 'layers given explicitly'],
];

const buildahRejected: RejectRow[] = [
  [BUILDAH_BUILD, 'buildah build . -t app:1', 'flag-after-positional', 'buildah reads no flags after the context'],
  ['buildah push --tls-verify=false app:1 reg.io/app:1', 'buildah push app:1 --tls-verify=false reg.io/app:1', 'flag-after-positional', 'flag between arguments'],
  ['buildah push --tls-verify=false app:1 reg.io/app:1', 'buildah push --tls-verify false app:1 reg.io/app:1', 'boolean-flag-value', 'bool with spaced value'],
  [BUILDAH_BUILD, 'buildah build -t app .', 'tag-defaults-to-latest', 'tag falls back to latest'],
  [BUILDAH_BUILD, 'buildah build --layer -t app:1 .', 'unknown-flag', 'misspelled --layers'],
  [BUILDAH_BUILD, 'docker build -t app:1 .', 'wrong-tool', 'another tool'],
  ['buildah build --layers -t app:1 .', 'buildah build -t app:1 .', 'missing-flag', 'buildah caches no layers by default'],
  [BUILDAH_BUILD, 'buildah build -t app:1 Containerfile', 'dockerfile-as-context', 'file given as context'],
];

describe('command checker, podman', () => {
  it.each(podmanAccepted)('accepts %j as %j (%s)', (expected, answer) => {
    const verdict = gradeCommand(expected, answer);
    expect(reasonCodes(verdict)).toEqual([]);
    expect(verdict.correct).toBe(true);
  });

  it.each(podmanRejected)('rejects %j as %j with %s (%s)', (expected, answer, firstCode) => {
    const verdict = gradeCommand(expected, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe(firstCode);
  });

  it('ignoreSudo accepts sudo', () => {
    expect(gradeCommand(PODMAN_BUILD, `sudo ${PODMAN_BUILD}`, { ignoreSudo: true }).correct).toBe(true);
  });

  it('normalizeImages treats localhost as unqualified', () => {
    expect(gradeCommand('podman push localhost/app:1 reg.io/app:1', 'podman push app:1 reg.io/app:1', { normalizeImages: true }).correct).toBe(true);
  });
});

describe('command checker, buildah', () => {
  it.each(buildahAccepted)('accepts %j as %j (%s)', (expected, answer) => {
    const verdict = gradeCommand(expected, answer);
    expect(reasonCodes(verdict)).toEqual([]);
    expect(verdict.correct).toBe(true);
  });

  it.each(buildahRejected)('rejects %j as %j with %s (%s)', (expected, answer, firstCode) => {
    const verdict = gradeCommand(expected, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe(firstCode);
  });
});

describe('command checker, podman and buildah canonical', () => {
  it.each(distinctExpected([...podmanAccepted, ...podmanRejected, ...buildahAccepted, ...buildahRejected]))('accepts its own expected %j', (expected) => {
    const checker = { kind: 'command' as const, expected: [expected] };
    expect(gradeAnswer(checker, canonicalAnswer(checker)).correct).toBe(true);
  });
});
