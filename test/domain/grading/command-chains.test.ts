import { describe, expect, it } from 'vitest';
import { canonicalAnswer, gradeAnswer } from '../../../src/domain/grading/checkers';
import { distinctExpected, testCommandRows } from './support';
import type { AcceptRow, RejectRow } from './support';

const TWO_TAGS = 'docker build -t reg.io/a:1 -t reg.io/a:latest . && docker push reg.io/a:1 && docker push reg.io/a:latest';
const PODMAN_PUSH = 'podman build -t app:1 . && podman push app:1 reg.io/app:1';

const accepted: AcceptRow[] = [
  [TWO_TAGS, 'docker build --push -t reg.io/a:1 -t reg.io/a:latest .', 'build --push pushes every tag'],
  [TWO_TAGS, 'docker build -t reg.io/a:1 -t reg.io/a:latest . && docker push -a reg.io/a', 'push -a pushes the tags built'],
  [TWO_TAGS, 'docker build -t reg.io/a:1 . && docker tag reg.io/a:1 reg.io/a:latest && docker push reg.io/a:1 && docker push reg.io/a:latest', 'tag instead of a second -t'],
  [TWO_TAGS, 'docker build -t reg.io/a:latest -t reg.io/a:1 . && docker push reg.io/a:latest && docker push reg.io/a:1', 'pushes in any order'],
  [PODMAN_PUSH, 'podman build -t app:1 . && podman tag app:1 reg.io/app:1 && podman push reg.io/app:1', 'tag then push'],
  [PODMAN_PUSH, 'podman build -t app:1 -t reg.io/app:1 . && podman push reg.io/app:1', 'second -t then push'],
  [PODMAN_PUSH, 'podman build -t app:1 . && podman push app:1 docker://reg.io/app:1', 'docker transport'],
  ['buildah bud -t app:1 . && buildah push app:1 docker://reg.io/app:1', 'buildah build -t app:1 && buildah tag app:1 reg.io/app:1 && buildah push reg.io/app:1', 'buildah tag then push'],
  ['docker build -t web:1 app', 'cd app\ndocker build -t web:1 .', 'cd on its own line'],
  ['podman push localhost:5000/app:1', 'podman push localhost:5000/app:1 docker://localhost:5000/app:1', 'destination equal to the source'],
  ['docker build -t web:1 . && docker push web:1', 'export IMG=web:1\ndocker build -t $IMG . && docker push ${IMG}', 'exported variable'],
];

const rejected: RejectRow[] = [
  [TWO_TAGS, 'docker build -t reg.io/a:1 -t reg.io/a:latest . && docker push reg.io/a:1', 'missing-command', 'one tag not pushed'],
  [TWO_TAGS, 'docker build -t reg.io/a:1 -t reg.io/a:latest . && docker push reg.io/a', 'push-needs-all-tags', 'push without -a'],
  [TWO_TAGS, 'docker build -t reg.io/a:1 -t reg.io/a:latest .', 'missing-command', 'tag without push'],
  [PODMAN_PUSH, 'podman build -t app:1 . && podman push app:1', 'registry-missing', 'push to localhost only'],
  ['docker build -t web:1 . && docker push web:1', 'docker push web:1 && docker build -t web:1 .', 'missing-command', 'steps in the wrong order'],
  ['docker build -t web:1 app', 'cd app && docker build -t web:1 app', 'wrong-build-context', 'cd and the path both'],
];

describe('command checker, chains', () => {
  testCommandRows(accepted, rejected);

  it.each(distinctExpected([...accepted, ...rejected]))('accepts its own expected %j', (expected) => {
    const checker = { kind: 'command' as const, expected: [expected] };
    expect(gradeAnswer(checker, canonicalAnswer(checker)).correct).toBe(true);
  });
});
