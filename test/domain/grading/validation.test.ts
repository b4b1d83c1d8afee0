import { describe, expect, it } from 'vitest';
import { check } from '../../../src/domain/deck/shape';
import { checkerShape } from '../../../src/domain/grading/checkers';

function problems(value: unknown): string[] {
  return check(checkerShape, value).problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('checker validation', () => {
  it('minimal command checker is valid', () => {
    expect(problems({ kind: 'command', expected: 'docker build -t webapp:2.1 .' })).toEqual([]);
  });

  it('minimal yaml checker is valid', () => {
    expect(problems({ kind: 'yaml', expected: 'a: 1', match: 'subset' })).toEqual([]);
  });

  it('minimal dockerfile checker is valid', () => {
    expect(problems({ kind: 'dockerfile', expected: 'FROM alpine' })).toEqual([]);
  });

  it('expected command with an invented flag', () => {
    const [problem] = problems({ kind: 'command', expected: ['docker push a:1', 'docker build --tags a:1 .'] });
    expect(problem).toMatch(/^expected\[1\]: the expected command is invalid: .*--tags/);
  });

  it('expected command with an open quote', () => {
    expect(problems({ kind: 'command', expected: "docker build -t 'a ." })[0]).toMatch(/^expected: the expected command is invalid: A single quote/);
  });

  it('expected YAML with an unquoted number', () => {
    expect(problems({ kind: 'yaml', expected: 'args: [sleep, 3600]' })[0]).toMatch(/^expected: the expected YAML would be rejected by Kubernetes/);
  });

  it('unknown yaml match', () => {
    expect(problems({ kind: 'yaml', expected: 'a: 1', match: 'loose' })).toEqual(['match: expected one of "exact", "subset", got "loose"']);
  });

  it('expected Dockerfile with a spaced flag', () => {
    expect(problems({ kind: 'dockerfile', expected: 'FROM a AS b\nFROM c\nCOPY --from b /x /x' })[0]).toMatch(/^expected: the expected Dockerfile is invalid/);
  });

  it('unknown command option', () => {
    expect(problems({ kind: 'command', expected: 'docker images', normalise: true })[0]).toMatch(/^normalise: is not a known field/);
  });
});
