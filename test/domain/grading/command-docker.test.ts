import { describe, expect, it } from 'vitest';
import { canonicalAnswer, gradeAnswer } from '../../../src/domain/grading/checkers';
import { distinctExpected, gradeCommand, reasonCodes, testCommandRows } from './support';
import type { AcceptRow, RejectRow } from './support';

const BUILD = 'docker build -t webapp:2.1 .';

const accepted: AcceptRow[] = [
  [BUILD, 'docker build . --tag=webapp:2.1', 'flags may follow the context'],
  [BUILD, 'docker build --tag webapp:2.1 .', 'long name with a space'],
  [BUILD, 'docker build -twebapp:2.1 .', 'value attached to the shorthand'],
  [BUILD, 'docker build -t=webapp:2.1 .', 'shorthand with ='],
  [BUILD, 'docker image build -t webapp:2.1 .', 'image build alias'],
  [BUILD, 'docker buildx build -t webapp:2.1 .', 'buildx build alias'],
  [BUILD, 'docker builder build -t webapp:2.1 .', 'builder build alias'],
  [BUILD, 'docker buildx b -t webapp:2.1 .', 'buildx b alias'],
  [BUILD, 'docker build -t webapp:2.1 ./', 'context ./ is .'],
  [BUILD, 'sudo docker build -t webapp:2.1 .', 'sudo does not change docker'],
  [BUILD, `docker build -t "webapp:2.1" '.'`, 'quotes are removed'],
  [BUILD, 'docker build -f Dockerfile -t webapp:2.1 .', 'default Dockerfile named'],
  [BUILD, 'docker build -f ./Dockerfile -t webapp:2.1 .', 'default Dockerfile as ./Dockerfile'],
  [BUILD, 'docker   build  -t webapp:2.1   .', 'extra spaces'],
  ['docker build -t web:1 app', 'cd app && docker build -t web:1 .', 'cd then . is the same directory'],
  ['docker build -t web:1 -f app/Dockerfile app', 'docker build -t web:1 app/', 'Dockerfile at the context root'],
  ['docker build -t web:1 -f build/Dockerfile .', 'docker build --file=build/Dockerfile -t web:1 .', 'non-default file with --file='],
  ['docker build -t a:1 -t a:latest .', 'docker build -t a:latest -t a:1 .', 'repeated -t in any order'],
  ['docker build --no-cache -t a:1 .', 'docker build --no-cache=true -t a:1 .', 'bool flag =true'],
  ['docker build -t a:1 .', 'docker build --no-cache=false -t a:1 .', 'bool flag =false is the default'],
  ['docker build --build-arg V=1 --build-arg W=2 -t a:1 .', 'docker build --build-arg W=2 -t a:1 --build-arg V=1 .', 'build args in any order'],
  ['docker build -t a:1 --target build .', 'docker build --target=build . -t a:1', 'target after context'],
  ['docker tag webapp:2.1 reg.example.com/team/webapp:2.1', 'docker image tag webapp:2.1 reg.example.com/team/webapp:2.1', 'image tag alias'],
  ['docker push reg.example.com/team/webapp:2.1', 'docker image push reg.example.com/team/webapp:2.1', 'image push alias'],
  ['docker push -a reg.example.com/webapp', 'docker push --all-tags reg.example.com/webapp', 'all-tags long name'],
  ['docker images', 'docker image ls', 'image ls alias'],
  ['docker images', 'docker image list', 'image list alias'],
  ['docker images --digests', 'docker image ls --digests', 'images flag on alias'],
  ['docker images -q', 'docker images --quiet', 'quiet long name'],
  ['docker save -o app.tar app:1', 'docker save --output app.tar app:1', 'output long name'],
  ['docker save -o app.tar app:1', 'docker save app:1 > app.tar', 'redirect instead of -o'],
  ['docker save -o app.tar app:1', 'docker save app:1 -o app.tar', 'output after the image'],
  ['docker save -o app.tar app:1', 'docker image save -o=app.tar app:1', 'image save alias'],
  ['docker load -i app.tar', 'docker load --input app.tar', 'input long name'],
  ['docker load -i app.tar', 'docker load < app.tar', 'stdin redirect instead of -i'],
  ['docker load -i app.tar', 'docker image load -i ./app.tar', 'image load alias and ./'],
  ['docker run -d --name web -p 8080:80 nginx:1.25', 'docker run --name=web -dp 8080:80 nginx:1.25', 'bool and value shorthands grouped'],
  ['docker run -it --rm busybox sh', 'docker run -i -t --rm busybox sh', '-it is -i -t'],
  ['docker run -it --rm busybox sh', 'docker run --rm -ti busybox sh', 'grouped shorthands in any order'],
  ['docker run -it --rm busybox sh', 'docker container run -it --rm busybox sh', 'container run alias'],
  ['docker run --rm busybox echo "Hello, World!"', "docker run --rm busybox echo 'Hello, World!'", 'quote style without expansions'],
  [`${BUILD} && docker push webapp:2.1`, `${BUILD}\ndocker push webapp:2.1`, 'new line joins like &&'],
  [`${BUILD} && docker push webapp:2.1`, `${BUILD}; docker push webapp:2.1`, 'semicolon joins like &&'],
  ['docker build -t reg.io/app:1 .', 'IMG=reg.io/app:1 && docker build -t "$IMG" .', 'variable set earlier in the chain'],
  ['docker ps -a', 'docker container ls --all', 'container ls alias'],
  ['docker exec -it web sh', 'docker exec -ti web sh', 'exec grouped shorthands'],
];

const rejected: RejectRow[] = [
  [BUILD, 'docker build -t webapp .', 'tag-defaults-to-latest', 'tag falls back to latest'],
  [BUILD, 'docker build -t webapp:2.1', 'missing-build-context', 'no build context'],
  [BUILD, 'docker build --tags webapp:2.1 .', 'unknown-flag', 'invented --tags'],
  [BUILD, 'docker build -tag webapp:2.1 .', 'single-dash-long-flag', '-tag is -t ag'],
  [BUILD, 'docker build --name webapp -t webapp:2.1 .', 'unknown-flag', 'build has no --name'],
  [BUILD, 'docker build -t webapp:2.1 --stage build .', 'unknown-flag', 'invented --stage'],
  [BUILD, 'docker build -t webapp:2.1 --dockerfile Dockerfile .', 'unknown-flag', 'invented --dockerfile'],
  [BUILD, 'docker build -t webapp:2.1 Dockerfile', 'dockerfile-as-context', 'Dockerfile given as context'],
  [BUILD, 'docker build -t webapp:v2.1 .', 'wrong-tag', 'different tag'],
  [BUILD, 'docker build -t webapp:2.1 . .', 'too-many-arguments', 'two contexts'],
  [BUILD, 'docker built -t webapp:2.1 .', 'wrong-subcommand', 'misspelled subcommand'],
  [BUILD, 'podman build -t webapp:2.1 .', 'wrong-tool', 'another tool'],
  ['docker build --no-cache -t a:1 .', 'docker build --no-cache false -t a:1 .', 'boolean-flag-value', 'bool flag with spaced value'],
  ['docker build --pull -t a:1 .', 'docker build -t a:1 .', 'missing-flag', 'flag left out'],
  ['docker build -t a:1 .', 'docker build --no-cache -t a:1 .', 'unexpected-flag', 'flag not asked for'],
  ['docker build -t myapp:1 .', 'docker build -t MyApp:1 .', 'invalid-image-name', 'uppercase repository'],
  ['docker build -t a:1 -t a:latest .', 'docker build -t a:1 .', 'missing-flag', 'one of two tags left out'],
  ['docker push reg.example.com/webapp:2.1', 'docker push webapp:2.1', 'registry-missing', 'push without registry host'],
  ['docker push reg.example.com/webapp:2.1', 'docker push webapp:2.1 reg.example.com/webapp:2.1', 'too-many-arguments', 'docker push takes one name'],
  ['docker push -a reg.example.com/webapp', 'docker push reg.example.com/webapp', 'missing-flag', 'push repo without -a'],
  ['docker push reg.example.com/webapp:2.1', 'docker push reg.example.com/webapp:2.1 --all-tags', 'all-tags-with-tag', '-a with a tag'],
  ['docker tag a:1 b:1', 'docker tag a:1 b:1 c:1', 'too-many-arguments', 'docker tag takes two names'],
  ['docker tag a:1 reg.io/a:1', 'docker tag reg.io/a:1 a:1', 'tag-arguments-swapped', 'source and target swapped'],
  ['docker load -i app.tar', 'docker load app.tar', 'load-takes-no-file-argument', 'positional file'],
  ['docker save -o app.tar app:1', 'docker export -o app.tar app:1', 'wrong-subcommand', 'export is for containers'],
  ['docker load -i app.tar', 'docker import app.tar', 'wrong-subcommand', 'import is for containers'],
  ['docker save -o app.tar app:1', 'docker save app:1', 'missing-output', 'archive not written to a file'],
  ['docker run -d -p 8080:80 nginx', 'docker run nginx -d -p 8080:80', 'option-after-image', 'options after the image'],
  ['docker run --rm busybox echo "$HOME"', "docker run --rm busybox echo '$HOME'", 'container-args-mismatch', 'single quotes stop expansion'],
  [`${BUILD} && docker push webapp:2.1`, BUILD, 'missing-command', 'push step left out'],
  [BUILD, `${BUILD} && docker push webapp:2.1`, 'extra-command', 'extra push step'],
  [`${BUILD} && docker push webapp:2.1`, `${BUILD} | docker push webapp:2.1`, 'wrong-join', 'pipe is not a sequence'],
  [BUILD, 'docker build -t webapp:2.1 "."x', 'wrong-build-context', 'different context'],
  [BUILD, "docker build -t 'webapp:2.1 .", 'shell-syntax-error', 'unclosed quote'],
];

describe('command checker, docker', () => {
  testCommandRows(accepted, rejected);

  it('tag message names the latest rule', () => {
    const [first] = gradeCommand(BUILD, 'docker build -t webapp .').feedback;
    expect(first?.message).toBe('`-t` sets the tag; `webapp` alone means `webapp:latest`, not `webapp:2.1`.');
    expect(first?.expected).toBe('webapp:2.1');
    expect(first?.actual).toBe('webapp');
  });

  it('rejected verdict suggests again', () => {
    expect(gradeCommand(BUILD, 'docker build -t webapp .').rating).toBe('again');
  });

  it('accepted verdict suggests good', () => {
    expect(gradeCommand(BUILD, 'docker build . -t webapp:2.1').rating).toBe('good');
  });

  it('normalizeImages accepts equal references', () => {
    const checker = { normalizeImages: true };
    expect(gradeCommand('docker run -d nginx', 'docker run -d docker.io/library/nginx:latest', checker).correct).toBe(true);
    expect(gradeCommand('docker pull nginx:latest', 'docker pull nginx', checker).correct).toBe(true);
  });

  it('literal image names by default', () => {
    const verdict = gradeCommand('docker pull nginx:latest', 'docker pull nginx');
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe('image-spelling-differs');
  });

  it('alternatives accept either form', () => {
    const verdict = gradeCommand('docker push reg.io/a:1', 'docker push reg.io/a:1');
    expect(verdict.correct).toBe(true);
  });
});

describe('command checker, docker canonical', () => {
  it.each(distinctExpected([...accepted, ...rejected]))('accepts its own expected %j', (expected) => {
    const checker = { kind: 'command' as const, expected: [expected] };
    expect(gradeAnswer(checker, canonicalAnswer(checker)).correct).toBe(true);
  });
});
