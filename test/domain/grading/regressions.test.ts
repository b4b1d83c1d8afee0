import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/domain/deck/shape';
import { CHECKER_KINDS, checkerShape, gradeAnswer } from '../../../src/domain/grading/checkers';
import type { Verdict } from '../../../src/domain/grading/verdict';
import { gradeCommand, reasonCodes } from './support';

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

function firstMessage(verdict: Verdict): string {
  return verdict.feedback.find((item) => !item.code.startsWith('keyboard-'))?.message ?? '';
}

function gradeDockerfile(expected: string, answer: string, normalizeImages?: boolean): Verdict {
  return gradeAnswer({ kind: 'dockerfile', expected: [expected], ...(normalizeImages === undefined ? {} : { normalizeImages }) }, answer);
}

describe('image names that resolve to the same reference', () => {
  const literal: [expected: string, answer: string, expectedName: string, typedName: string][] = [
    ['kubectl run b --image=busybox -- sleep 3600', 'kubectl run b --image=busybox:latest -- sleep 3600', 'busybox', 'busybox:latest'],
    ['docker build -t app:1.4 -t app:latest .', 'docker build --tag=app:1.4 --tag=app .', 'app:latest', 'app'],
    ['docker push docker.io/library/nginx:1.27', 'docker push nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27'],
  ];

  it.each(literal)('literal card rejects %s as %s', (expected, answer, expectedName, typedName) => {
    const verdict = gradeCommand(expected, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe('image-spelling-differs');
    expect(firstMessage(verdict)).toBe(
      `\`${typedName}\` names the same image as \`${expectedName}\`, but this card asks for the name exactly as written: \`${expectedName}\`.`,
    );
  });

  it.each(literal)('normalizeImages accepts %s as %s', (expected, answer) => {
    expect(gradeCommand(expected, answer, { normalizeImages: true }).correct).toBe(true);
  });

  it('tag-only vs digest-only names differ', () => {
    const verdict = gradeCommand(`kubectl run b --image=app@${DIGEST_A}`, `kubectl run b --image=app:latest@${DIGEST_A}`);
    expect(reasonCodes(verdict)[0]).toBe('wrong-tag');
    expect(firstMessage(verdict)).toContain('has the tag `latest`, but the task asks for no tag, only a digest');
  });

  it.each([
    [`app:1@${DIGEST_A}`, `app:1@${DIGEST_B}`],
    [`app:1@${DIGEST_A}`, 'app:1'],
    ['app:1', `app:1@${DIGEST_A}`],
  ])('digest difference named for %s vs %s', (expected, answer) => {
    const verdict = gradeCommand(`kubectl run b --image=${expected}`, `kubectl run b --image=${answer}`, { normalizeImages: true });
    expect(reasonCodes(verdict)[0]).toBe('wrong-digest');
  });

  it('tag compared after Docker Hub defaults', () => {
    const verdict = gradeCommand('kubectl run b --image=docker.io/library/nginx:1.27', 'kubectl run b --image=nginx:1.26', { normalizeImages: true });
    expect(reasonCodes(verdict)[0]).toBe('wrong-tag');
    expect(firstMessage(verdict)).toBe('`nginx:1.26` has the tag `1.26`, but the task asks for the tag `1.27`.');
  });
});

describe('podman and buildah names without a registry host', () => {
  const localhostSpellings: [expected: string, answer: string][] = [
    ['podman tag app:1 registry.example.com/app:1', 'podman tag localhost/app:1 registry.example.com/app:1'],
    ['podman build --target test -t app:test .', 'podman build --target test -t localhost/app:test .'],
    ['buildah build -t app:1 .', 'buildah build -t localhost/app:1 .'],
    ['buildah push localhost/app:1 docker://registry.example.com/app:1', 'buildah push app:1 docker://registry.example.com/app:1'],
  ];

  it.each(localhostSpellings)('normalizeImages accepts %s as %s', (expected, answer) => {
    expect(gradeCommand(expected, answer, { normalizeImages: true }).correct).toBe(true);
  });

  it.each(localhostSpellings)('literal card names the spelling for %s as %s', (expected, answer) => {
    const verdict = gradeCommand(expected, answer);
    expect(reasonCodes(verdict)[0]).toBe('image-spelling-differs');
    expect(verdict.feedback.map((item) => item.message).join(' ')).not.toContain('docker.io');
  });

  it('wrong registry names localhost, not docker.io', () => {
    const verdict = gradeCommand('podman push app:1', 'podman push quay.io/app:1');
    expect(reasonCodes(verdict)[0]).toBe('wrong-registry');
    expect(firstMessage(verdict)).toContain('`localhost/app`');
    expect(firstMessage(verdict)).not.toContain('docker.io');
  });

  it('missing registry says localhost', () => {
    const verdict = gradeCommand('podman push quay.io/app:1', 'podman push app:1');
    expect(reasonCodes(verdict)[0]).toBe('registry-missing');
    expect(firstMessage(verdict)).toContain('`localhost/app:1`');
  });

  it('docker still resolves to Docker Hub', () => {
    const verdict = gradeCommand('docker push quay.io/app:1', 'docker push app:1');
    expect(firstMessage(verdict)).toContain('`docker.io/library/app`');
  });
});

describe('flag-like words after a container command', () => {
  it('kubectl run without -- before sh -c', () => {
    const verdict = gradeCommand(
      "kubectl run ticker --image=busybox --command -- /bin/sh -c 'while true; do date; sleep 5; done'",
      "kubectl run ticker --image=busybox --command /bin/sh -c 'while true; do date; sleep 5; done'",
    );
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe('missing-double-dash');
    expect(reasonCodes(verdict)).not.toContain('unknown-flag');
    expect(verdict.feedback.map((item) => item.message).join(' ')).not.toContain('did you mean');
  });

  it.each([
    ["kubectl create job j --image=busybox -- sh -c 'date'", "kubectl create job j --image=busybox sh -c 'date'"],
    ["kubectl create cronjob c --image=busybox --schedule='*/5 * * * *' -- sh -c 'date'", "kubectl create cronjob c --image=busybox --schedule='*/5 * * * *' sh -c 'date'"],
    ["kubectl exec web -- sh -c 'date'", "kubectl exec web sh -c 'date'"],
  ])('%s without -- names missing-double-dash', (expected, answer) => {
    const verdict = gradeCommand(expected, answer);
    expect(reasonCodes(verdict)[0]).toBe('missing-double-dash');
    expect(reasonCodes(verdict).filter((code) => code === 'missing-double-dash')).toHaveLength(1);
  });

  it('several dash words give one reason', () => {
    const verdict = gradeCommand("kubectl create job pi --image=perl:5.34 -- perl -Mbignum=bpi -wle 'print bpi(2000)'", "kubectl create job pi --image=perl:5.34 perl -Mbignum=bpi -wle 'print bpi(2000)'");
    expect(reasonCodes(verdict)[0]).toBe('missing-double-dash');
    expect(reasonCodes(verdict).filter((code) => code === 'missing-double-dash')).toHaveLength(1);
  });

  it('known shorthand that needs a value', () => {
    const verdict = gradeCommand('kubectl run x --image=busybox --command -- ls -l', 'kubectl run x --image=busybox --command ls -l');
    expect(reasonCodes(verdict)[0]).toBe('missing-double-dash');
    expect(firstMessage(verdict)).toContain('`--labels`');
  });

  it('known shorthand that takes the next letters', () => {
    const verdict = gradeCommand('kubectl run x --image=busybox --command -- ls -la', 'kubectl run x --image=busybox --command ls -la');
    expect(reasonCodes(verdict)[0]).toBe('missing-double-dash');
    expect(reasonCodes(verdict)).not.toContain('unexpected-flag');
  });

  it('kubectl flag after the command stays a flag', () => {
    expect(gradeCommand('kubectl run x --image=busybox -n dev -- sleep 3600', 'kubectl run x --image=busybox sleep 3600 -n dev').correct).toBe(true);
  });

  it('one-letter unknown flag gets no suggestion', () => {
    const verdict = gradeCommand('podman build -t app:1 .', 'podman build -t app:1 . -x');
    expect(reasonCodes(verdict)[0]).toBe('unknown-flag');
    expect(firstMessage(verdict)).toBe('`podman build` has no flag `-x`.');
  });
});

describe('kubectl flags after --', () => {
  it.each([
    ['kubectl run nap --image=busybox -- sleep 3600', 'kubectl run nap --image=busybox -- sleep 3600 --restart=Never'],
    ['kubectl run nap --image=busybox --restart=Never -- sleep 3600', 'kubectl run nap --image=busybox -- sleep 3600 --restart=Never'],
    ['kubectl run nap --image=busybox -- sleep 3600', 'kubectl run nap --image=busybox -- sleep 3600 --dry-run=client'],
    ['kubectl create job j --image=busybox -- sleep 10', 'kubectl create job j --image=busybox -- sleep 10 --dry-run=client'],
  ])('%s vs %s names option-after-double-dash', (expected, answer) => {
    expect(reasonCodes(gradeCommand(expected, answer))[0]).toBe('option-after-double-dash');
  });

  it('dry-run after -- is named once', () => {
    const verdict = gradeCommand(
      'kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml',
      'kubectl run nginx --image=nginx -- --dry-run=client -o yaml > pod.yaml',
    );
    expect(reasonCodes(verdict)[0]).toBe('option-after-double-dash');
    expect(reasonCodes(verdict)).not.toContain('missing-dry-run');
  });

  it('short flag common in commands is not blamed', () => {
    const verdict = gradeCommand('kubectl exec web -- ls', 'kubectl exec web -- sh -c ls');
    expect(reasonCodes(verdict)[0]).toBe('container-args-mismatch');
  });

  it('flag word the expected argv has too', () => {
    const verdict = gradeCommand('kubectl run x --image=busybox -- grep --restart=Never f', 'kubectl run x --image=busybox -- grep --restart=Never g');
    expect(reasonCodes(verdict)[0]).toBe('container-args-mismatch');
  });
});

describe('push destination equal to the source', () => {
  it.each([
    ['podman push registry.example.com/team/web:3', 'podman push registry.example.com/team/web:3 docker://registry.example.com/team/web:3'],
    ['podman push registry.example.com/team/web:3', 'podman push registry.example.com/team/web:3 registry://registry.example.com/team/web:3'],
    ['podman push registry.example.com/team/web:3', 'podman push registry.example.com/team/web:3 registry.example.com/team/web:3'],
    ['podman push registry.example.com/team/web', 'podman push registry.example.com/team/web docker://registry.example.com/team/web:latest'],
    ['buildah push --tls-verify=false localhost:5000/app:1', 'buildah push --tls-verify=false localhost:5000/app:1 docker://localhost:5000/app:1'],
    ['podman push app:1', 'podman push app:1 localhost/app:1'],
  ])('%s accepts %s', (expected, answer) => {
    expect(gradeCommand(expected, answer).correct).toBe(true);
  });

  it('other destination is still a tag and push', () => {
    const verdict = gradeCommand('podman push registry.example.com/team/web:3', 'podman push registry.example.com/team/web:3 docker://registry.example.com/team/web:4');
    expect(verdict.correct).toBe(false);
  });
});

describe('build, tag and push chains without listed alternatives', () => {
  it.each([
    ['docker build -t app:1.4 -t app:latest .', 'docker build -t app:1.4 . && docker tag app:1.4 app:latest', false],
    ['docker build -t app:1.4 . && docker tag app:1.4 app:latest', 'docker build -t app:1.4 -t app:latest .', false],
    ['docker build -t app:1.4 -t app:latest .', 'docker build -t app:1.4 . && docker tag docker.io/library/app:1.4 app:latest', false],
    ['podman build -t app:1 -t quay.io/app:1 .', 'podman build -t app:1 . && podman tag localhost/app:1 quay.io/app:1', false],
    ['podman push localhost/api:1.4 quay.io/acme/api:1.4', 'podman tag api:1.4 quay.io/acme/api:1.4 && podman push quay.io/acme/api:1.4', true],
    ['podman push localhost/api:1.4 quay.io/acme/api:1.4', 'podman tag localhost/api:1.4 quay.io/acme/api:1.4 && podman push quay.io/acme/api:1.4', false],
    ['buildah push --tls-verify=false app:1 docker://localhost:5000/app:1', 'buildah tag app:1 localhost:5000/app:1 && buildah push --tls-verify=false localhost:5000/app:1', false],
  ])('%s accepts %s (normalizeImages %s)', (expected, answer, normalizeImages) => {
    expect(gradeCommand(expected, answer, { normalizeImages }).correct).toBe(true);
  });

  it('podman source spelled without localhost on a literal card', () => {
    const verdict = gradeCommand('podman push localhost/api:1.4 quay.io/acme/api:1.4', 'podman tag api:1.4 quay.io/acme/api:1.4 && podman push quay.io/acme/api:1.4');
    expect(reasonCodes(verdict)[0]).toBe('image-spelling-differs');
  });
});

describe('Dockerfile image references', () => {
  const NGINX_CONF = '/etc/nginx/nginx.conf /etc/nginx/';
  const sameImage: [expected: string, answer: string][] = [
    [`FROM alpine:3.20\nCOPY --from=nginx:latest ${NGINX_CONF}`, `FROM alpine:3.20\nCOPY --from=nginx ${NGINX_CONF}`],
    [`FROM alpine:3.20\nCOPY --from=nginx:latest ${NGINX_CONF}`, `FROM alpine:3.20\nCOPY --from=docker.io/library/nginx:latest ${NGINX_CONF}`],
    [`COPY --from=nginx:latest ${NGINX_CONF}`, `COPY --from=nginx ${NGINX_CONF}`],
    ['FROM nginx:latest', 'FROM nginx'],
    ['FROM nginx:latest AS web\nEXPOSE 80', 'FROM docker.io/library/nginx AS web\nEXPOSE 80'],
  ];

  it.each(sameImage)('normalizeImages accepts %j as %j', (expected, answer) => {
    expect(gradeDockerfile(expected, answer, true).correct).toBe(true);
  });

  it.each(sameImage)('literal card names the spelling for %j as %j', (expected, answer) => {
    const verdict = gradeDockerfile(expected, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe('image-spelling-differs');
    expect(firstMessage(verdict)).toContain('but this card asks for the name exactly as written');
  });

  it('literal message names both spellings', () => {
    const verdict = gradeDockerfile('FROM nginx:latest', 'FROM nginx');
    expect(firstMessage(verdict)).toBe('`nginx` names the same image as `nginx:latest`, but this card asks for the name exactly as written: `nginx:latest`.');
  });

  it('stage name is not an image', () => {
    const expected = 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app';
    expect(gradeDockerfile(expected, expected.replace('--from=build', '--from=build:latest'), true).correct).toBe(false);
    expect(gradeDockerfile(expected, expected.replace('--from=build', '--from=Build'), true).correct).toBe(true);
  });

  it('image tag case is kept', () => {
    expect(gradeDockerfile('COPY --from=app:V1 /a /b', 'COPY --from=app:v1 /a /b', true).correct).toBe(false);
  });

  it('other image still differs', () => {
    expect(gradeDockerfile('FROM nginx:latest', 'FROM nginx:1.27', true).correct).toBe(false);
  });
});

describe('Dockerfile variable spellings', () => {
  const builderSide: [expected: string, answer: string][] = [
    ['ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION}', 'ARG GO_VERSION=1.22\nFROM golang:$GO_VERSION'],
    ['ADD ${URL} /downloads/', 'ADD $URL /downloads/'],
    ['COPY --chown=${APP_USER} app/ ${APP_HOME}/', 'COPY --chown=$APP_USER app/ $APP_HOME/'],
    ['ENV PATH=${PATH}:/app/bin', 'ENV PATH=$PATH:/app/bin'],
    ['ENV PATH="${PATH}:/app/bin"', 'ENV PATH=$PATH:/app/bin'],
    ['EXPOSE ${PORT}', 'EXPOSE $PORT'],
    ['LABEL version=${VERSION}', 'LABEL version=$VERSION'],
    ['STOPSIGNAL ${SIGNAL}', 'STOPSIGNAL $SIGNAL'],
    ['USER ${APP_USER}', 'USER $APP_USER'],
    ['VOLUME ${DATA_DIR}', 'VOLUME $DATA_DIR'],
    ['WORKDIR ${APP_HOME}/src', 'WORKDIR $APP_HOME/src'],
    ['ONBUILD COPY ${SRC} /app/', 'ONBUILD COPY $SRC /app/'],
  ];

  it.each(builderSide)('builder substitution accepts %j as %j', (expected, answer) => {
    expect(gradeDockerfile(expected, answer).correct).toBe(true);
    expect(gradeDockerfile(answer, expected).correct).toBe(true);
  });

  it.each([
    ['RUN echo ${HOME}', 'RUN echo $HOME'],
    ['RUN echo "${HOME}"', 'RUN echo "$HOME"'],
    ['CMD echo ${HOME}', 'CMD echo $HOME'],
    ['ENTRYPOINT exec app --home ${HOME}', 'ENTRYPOINT exec app --home $HOME'],
  ])('shell form accepts %j as %j', (expected, answer) => {
    expect(gradeDockerfile(expected, answer).correct).toBe(true);
  });

  it.each([
    ['CMD ["echo", "${HOME}"]', 'CMD ["echo", "$HOME"]'],
    ['ENTRYPOINT ["/app", "--home", "${HOME}"]', 'ENTRYPOINT ["/app", "--home", "$HOME"]'],
    ['RUN ["echo", "${HOME}"]', 'RUN ["echo", "$HOME"]'],
  ])('exec form keeps %j literal', (expected, answer) => {
    expect(gradeDockerfile(expected, answer).correct).toBe(false);
  });

  it('single quotes keep RUN literal', () => {
    expect(gradeDockerfile("RUN echo '${HOME}'", "RUN echo '$HOME'").correct).toBe(false);
  });

  it('escaped dollar stays literal', () => {
    expect(gradeDockerfile('WORKDIR \\$HOME', 'WORKDIR ${HOME}').correct).toBe(false);
  });
});

describe('buildFile names the file in the context', () => {
  const containerfile = { buildFile: 'Containerfile' as const };

  it('podman rejects -f Dockerfile for a Containerfile', () => {
    const verdict = gradeCommand('podman build -t app:1 .', 'podman build -t app:1 -f Dockerfile .', containerfile);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe('wrong-build-file');
    expect(firstMessage(verdict)).toBe(
      'The build context holds `Containerfile`, so `-f Dockerfile` builds a different file, or fails when there is none; leave out `-f` or write `-f Containerfile`.',
    );
  });

  it.each(['podman build -t app:1 -f Containerfile .', 'podman build -t app:1 .', 'cd src && podman build -t app:1 -f ../Containerfile ..'])('podman accepts %s', (answer) => {
    expect(gradeCommand('podman build -t app:1 .', answer, containerfile).correct).toBe(true);
  });

  it('podman with a Dockerfile rejects -f Containerfile', () => {
    const verdict = gradeCommand('podman build -t app:1 .', 'podman build -t app:1 -f Containerfile .', { buildFile: 'Dockerfile' });
    expect(reasonCodes(verdict)[0]).toBe('wrong-build-file');
    expect(gradeCommand('podman build -t app:1 .', 'podman build -t app:1 -f Dockerfile .', { buildFile: 'Dockerfile' }).correct).toBe(true);
  });

  it('docker needs -f for a Containerfile', () => {
    const expected = 'docker build -f Containerfile -t app:1 .';
    expect(gradeCommand(expected, 'docker build -t app:1 -f ./Containerfile .', containerfile).correct).toBe(true);
    expect(gradeCommand(expected, 'docker build -t app:1 .', containerfile).correct).toBe(false);
    const verdict = gradeCommand(expected, 'docker build -t app:1 -f Dockerfile .', containerfile);
    expect(reasonCodes(verdict)[0]).toBe('wrong-build-file');
    expect(firstMessage(verdict)).toContain('write `-f Containerfile`');
    expect(firstMessage(verdict)).not.toContain('leave out');
  });

  it('without buildFile both default names are omittable', () => {
    expect(gradeCommand('podman build -t app:1 .', 'podman build -t app:1 -f Dockerfile .').correct).toBe(true);
    expect(gradeCommand('podman build -t app:1 .', 'podman build -t app:1 -f Containerfile .').correct).toBe(true);
  });

  it('deck rejects an unknown buildFile', () => {
    const problems = check(checkerShape, { kind: 'command', expected: 'podman build -t app:1 .', buildFile: 'containerfile' }).problems;
    expect(problems.map((problem) => problem.path)).toEqual(['buildFile']);
  });
});

describe('docs describe every checker option', () => {
  const docs = readFileSync(new URL('../../../docs/decks.md', import.meta.url), 'utf8');

  /** Returns the text under the `###` heading of a checker kind; `oneOf` and `all` share one. */
  function sectionOf(kind: string): string {
    const sections = docs.split('\n### ').slice(1);
    return sections.find((section) => section.split('\n')[0]!.split(' and ').includes(kind)) ?? '';
  }

  const options = Object.entries(CHECKER_KINDS).flatMap(([kind, definition]) => {
    const properties = (definition.options.schema() as { properties?: Record<string, unknown> }).properties ?? {};
    return Object.keys(properties)
      .filter((name) => name !== 'kind' && name !== 'expected')
      .map((name) => [kind, name]);
  });

  it('expected is described for every kind', () => {
    expect(docs).toContain('Every kind except `oneOf`\nand `all` takes `expected` as one string or a list of accepted alternatives');
  });

  it.each(options)('%s option %s', (kind, name) => {
    const section = sectionOf(kind);
    expect(section).toContain(`\`${name}\``);
    expect(section).toContain(`"${name}"`);
  });
});
