import { describe, expect, it } from 'vitest';
import { canonicalAnswer, gradeAnswer } from '../../../src/domain/grading/checkers';
import { distinctExpected, reasonCodes } from './support';

const MULTI_STAGE = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /app
FROM scratch
COPY --from=build /app /app
EXPOSE 8080
ENV MODE=prod
ENTRYPOINT ["/app"]
`;

const NGINX_CMD = 'CMD ["nginx", "-g", "daemon off;"]';

type Row = readonly [expected: string, answer: string, why: string];
type RejectRow = readonly [expected: string, answer: string, firstCode: string, why: string];

const accepted: Row[] = [
  [MULTI_STAGE, MULTI_STAGE.toLowerCase().replace('golang:1.22', 'golang:1.22').replace('mode=prod', 'MODE=prod'), 'lowercase keywords and as'],
  [MULTI_STAGE, MULTI_STAGE.replace('COPY . .', 'COPY . /src/'), 'WORKDIR then COPY . . is COPY . /src/'],
  [MULTI_STAGE, MULTI_STAGE.replace('COPY --from=build', 'COPY --from=0'), 'stage number for the stage name'],
  [MULTI_STAGE, MULTI_STAGE.replace('EXPOSE 8080', 'EXPOSE 8080/tcp'), 'tcp is the default protocol'],
  [MULTI_STAGE, MULTI_STAGE.replace('ENTRYPOINT ["/app"]', 'ENTRYPOINT [ "/app" ]'), 'exec form spacing'],
  [MULTI_STAGE, MULTI_STAGE.replace('RUN go build -o /app', 'RUN go build \\\n    -o /app'), 'line continuation'],
  [MULTI_STAGE, MULTI_STAGE.replace('RUN go build -o /app', 'RUN  go   build -o "/app"'), 'shell spacing and quotes'],
  [MULTI_STAGE, `# syntax=docker/dockerfile:1\n${MULTI_STAGE}`, 'parser directive comment'],
  [MULTI_STAGE, MULTI_STAGE.replace('FROM golang:1.22 AS build', 'FROM golang:1.22 As Build'), 'stage name case'],
  [MULTI_STAGE, MULTI_STAGE.replace(/\n/g, '\r\n'), 'CRLF line ends'],
  [NGINX_CMD, 'CMD ["nginx","-g","daemon off;"]', 'JSON without spaces'],
  [NGINX_CMD, 'cmd ["nginx", "-g", "daemon off;"]', 'keyword case'],
  ['ENV A=1 B=2', 'ENV B=2 A=1', 'ENV pairs in any order'],
  ['ENV GREETING="hello world"', "ENV GREETING='hello world'", 'ENV quote style'],
  ['EXPOSE 80 443', 'EXPOSE 443/tcp 80', 'ports in any order'],
  ['COPY --chown=app:app --chmod=755 run.sh /usr/local/bin/', 'COPY --chmod=755 --chown=app:app ./run.sh /usr/local/bin/', 'flag order and ./'],
  ['WORKDIR /app\nCOPY package.json .', 'WORKDIR /app\nCOPY package.json /app/', 'relative destination'],
  ['ARG VERSION=1.0\nFROM alpine:${VERSION}', 'arg VERSION=1.0\nfrom alpine:${VERSION}', 'ARG before FROM'],
];

const rejected: RejectRow[] = [
  [MULTI_STAGE, MULTI_STAGE.replace('COPY --from=build', 'COPY --from build'), 'dockerfile-flag-needs-equals', '--from without ='],
  [MULTI_STAGE, MULTI_STAGE.replace('ENTRYPOINT ["/app"]', "ENTRYPOINT ['/app']"), 'dockerfile-shell-vs-exec', 'single quotes make shell form'],
  [MULTI_STAGE, MULTI_STAGE.replace('ENTRYPOINT ["/app"]', 'ENTRYPOINT /app'), 'dockerfile-shell-vs-exec', 'shell form for exec'],
  [MULTI_STAGE, MULTI_STAGE.replace('RUN go build', 'CMD go build'), 'dockerfile-wrong-instruction', 'CMD where RUN builds'],
  [MULTI_STAGE, MULTI_STAGE.replace('EXPOSE 8080\n', ''), 'dockerfile-missing-instruction', 'EXPOSE left out'],
  [MULTI_STAGE, MULTI_STAGE.replace('EXPOSE 8080', 'EXPOSE 8080/udp'), 'dockerfile-argument-mismatch', 'udp is another port'],
  [MULTI_STAGE, MULTI_STAGE.replace('COPY --from=build', 'ADD --from=build'), 'dockerfile-add-from', 'ADD has no --from'],
  [MULTI_STAGE, `ENV MODE=prod\n${MULTI_STAGE}`, 'dockerfile-before-from', 'ENV before FROM'],
  [MULTI_STAGE, MULTI_STAGE.replace('FROM scratch', 'FROM scratch\nUSER 1000'), 'dockerfile-extra-instruction', 'extra USER'],
  [MULTI_STAGE, MULTI_STAGE.replace('COPY --from=build', 'COPY'), 'dockerfile-flag-mismatch', 'copy from the context'],
  [MULTI_STAGE, MULTI_STAGE.replace('WORKDIR /src', 'WORKDI /src'), 'dockerfile-unknown-instruction', 'misspelled keyword'],
  [NGINX_CMD, 'CMD nginx -g "daemon off;"', 'dockerfile-shell-vs-exec', 'shell form'],
  ['RUN apt-get update && apt-get install -y curl', 'RUN apt-get update\nRUN apt-get install -y curl', 'dockerfile-argument-mismatch', 'update in its own RUN'],
  ['COPY app.py /srv/', 'COPY app.py /srv', 'dockerfile-argument-mismatch', 'trailing slash makes a directory'],
  ['CMD ["echo", "$HOME"]', 'CMD ["sh", "-c", "echo $HOME"]', 'dockerfile-argument-mismatch', 'different argv'],
  ['COPY --from=build /app /app', 'COPY --from=test /app /app', 'dockerfile-flag-mismatch', 'another stage'],
];

describe('dockerfile checker', () => {
  it.each(accepted)('accepts %#: %s', (expected, answer) => {
    const verdict = gradeAnswer({ kind: 'dockerfile', expected: [expected] }, answer);
    expect(reasonCodes(verdict)).toEqual([]);
    expect(verdict.correct).toBe(true);
  });

  it.each(rejected)('rejects %#: %s', (expected, answer, firstCode) => {
    const verdict = gradeAnswer({ kind: 'dockerfile', expected: [expected] }, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe(firstCode);
  });

  it('legacy ENV accepted with a note', () => {
    const verdict = gradeAnswer({ kind: 'dockerfile', expected: [MULTI_STAGE] }, MULTI_STAGE.replace('ENV MODE=prod', 'ENV MODE prod'));
    expect(verdict.correct).toBe(true);
    expect(reasonCodes(verdict)).toEqual(['dockerfile-env-legacy']);
  });

  it('legacy ENV takes the rest of the line', () => {
    const verdict = gradeAnswer({ kind: 'dockerfile', expected: ['ENV GREETING="hello world"'] }, 'ENV GREETING hello world');
    expect(verdict.correct).toBe(true);
  });

  it('single quote message names JSON', () => {
    const verdict = gradeAnswer({ kind: 'dockerfile', expected: [NGINX_CMD] }, "CMD ['nginx', '-g', 'daemon off;']");
    expect(verdict.feedback[0]?.message).toContain('not valid JSON');
  });
});

describe('dockerfile checker canonical', () => {
  it.each(distinctExpected([...accepted, ...rejected]))('accepts its own expected %#', (expected) => {
    const checker = { kind: 'dockerfile' as const, expected: [expected] };
    expect(gradeAnswer(checker, canonicalAnswer(checker)).correct).toBe(true);
  });
});
