import { describe, expect, it } from 'vitest';
import {
  deploymentContainerName,
  kubectlCreateLine,
  kubectlRunLine,
  resolveKubectlCreate,
  resolveKubectlRun,
  shellQuote,
} from '../../../src/domain/generate/kubectl-fields';

describe('resolveKubectlRun', () => {
  it('words go to args', () => {
    const container = resolveKubectlRun({ name: 'b', image: 'busybox', commandFlag: false, words: ['sleep', '3600'] });
    expect(container.args).toEqual(['sleep', '3600']);
    expect(container.command).toBeUndefined();
  });

  it('--command moves words to command', () => {
    const container = resolveKubectlRun({ name: 'b', image: 'busybox', commandFlag: true, words: ['sleep', '3600'] });
    expect(container.command).toEqual(['sleep', '3600']);
    expect(container.args).toBeUndefined();
  });

  it('--command without words sets nothing', () => {
    const container = resolveKubectlRun({ name: 'x', image: 'busybox', commandFlag: true, words: [] });
    expect(container.command).toBeUndefined();
    expect(container.args).toBeUndefined();
  });

  it('container named after the pod', () => {
    const container = resolveKubectlRun({ name: 'web', image: 'reg.io/team/nginx:1', commandFlag: false, words: [] });
    expect(container.name).toBe('web');
    expect(container.randomNameSuffix).toBe(false);
  });

  it('keeps each word whole', () => {
    const container = resolveKubectlRun({ name: 'b', image: 'busybox', commandFlag: false, words: ['sh', '-c', 'echo hi; sleep 1'] });
    expect(container.args).toEqual(['sh', '-c', 'echo hi; sleep 1']);
  });
});

describe('resolveKubectlCreate', () => {
  it.each(['deployment', 'job', 'cronjob'] as const)('%s fills command', (workload) => {
    const container = resolveKubectlCreate({ workload, name: 'j', image: 'busybox', words: ['date'] });
    expect(container.command).toEqual(['date']);
    expect(container.args).toBeUndefined();
  });

  it.each(['job', 'cronjob'] as const)('%s container name is not derived', (workload) => {
    const container = resolveKubectlCreate({ workload, name: 'report', image: 'reg.io/team/web:1', words: [] });
    expect(container.name).toBeUndefined();
  });

  it('deployment names container after image', () => {
    const container = resolveKubectlCreate({ workload: 'deployment', name: 'api', image: 'reg.io/team/web:1', words: [] });
    expect(container.name).toBe('web');
  });

  it('no words sets no command', () => {
    expect(resolveKubectlCreate({ workload: 'job', name: 'j', image: 'busybox', words: [] }).command).toBeUndefined();
  });
});

describe('deploymentContainerName', () => {
  const rows: readonly [string, string, boolean][] = [
    ['reg.io/team/web:1', 'web', false],
    ['nginx', 'nginx', false],
    ['nginx:1.27', 'nginx', false],
    ['localhost:5000/app', 'app', false],
    ['localhost:5000/app:2', 'app', false],
    ['busybox@sha256:c362a08dadd964c24f6ee650d3157b01ec2c51fa4924d59fa126e48352f40b45', 'busybox', false],
    ['reg.io/my_app:1', 'my-app', true],
    ['reg.io/web.v2', 'web-v2', true],
  ];
  it.each(rows)('%s', (image, name, suffix) => {
    const naming = deploymentContainerName(image);
    expect(naming.name).toBe(name);
    expect(naming.randomNameSuffix).toBe(suffix);
  });
});

describe('kubectl lines', () => {
  it('run line puts words after --', () => {
    expect(kubectlRunLine({ name: 'b', image: 'busybox', commandFlag: true, words: ['sh', '-c', 'echo hi; sleep 1'] })).toBe(
      "kubectl run b --image=busybox --command -- sh -c 'echo hi; sleep 1'",
    );
  });

  it('cronjob line has a schedule', () => {
    expect(kubectlCreateLine({ workload: 'cronjob', name: 'c', image: 'busybox', words: ['date'] })).toBe(
      "kubectl create cronjob c --image=busybox --schedule='*/5 * * * *' -- date",
    );
  });

  it.each([
    ['plain', 'plain'],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['http://web', 'http://web'],
  ])('shellQuote %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});
