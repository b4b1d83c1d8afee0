import { describe, expect, it } from 'vitest';
import { canonicalAnswer, gradeAnswer } from '../../../src/domain/grading/checkers';
import type { YamlMatch } from '../../../src/domain/grading/yaml/compare';
import { distinctExpected, reasonCodes } from './support';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  containers:
  - name: b
    image: busybox:1.36
    args: ["sleep", "3600"]
  imagePullSecrets:
  - name: regcred
`;

const SNIPPET = `imagePullSecrets:
- name: regcred
`;

type YamlRow = readonly [expected: string, match: YamlMatch, answer: string, why: string];
type YamlRejectRow = readonly [expected: string, match: YamlMatch, answer: string, firstCode: string, why: string];

const accepted: YamlRow[] = [
  [POD, 'exact', POD.replace('apiVersion: v1\nkind: Pod', 'kind: Pod\napiVersion: v1'), 'key order'],
  [POD, 'exact', POD.replace('args: ["sleep", "3600"]', 'args:\n    - sleep\n    - "3600"'), 'block list'],
  [POD, 'exact', POD.replace('args: ["sleep", "3600"]', "args: ['sleep', '3600']"), 'single quotes'],
  [POD, 'exact', POD.replace('name: b\nspec', 'name: "b"\nspec'), 'quoted plain string'],
  [POD, 'exact', POD.replace('  - name: regcred', '  - {name: regcred}'), 'flow mapping'],
  [POD, 'exact', POD.replace('  containers:\n  - name', '  containers:\n    - name').replace('\n    image', '\n      image').replace('\n    args', '\n      args'), 'indented sequence'],
  [POD, 'exact', `${POD}\n# a comment\n`, 'comments'],
  [POD, 'exact', POD.replace(/\n/g, '\r\n'), 'CRLF line ends'],
  [POD, 'subset', POD.replace('  imagePullSecrets:', '  restartPolicy: Never\n  imagePullSecrets:'), 'extra key in subset mode'],
  [SNIPPET, 'subset', `kind: Pod\n${SNIPPET}`, 'snippet with a sibling key'],
  [SNIPPET, 'exact', 'imagePullSecrets: [{name: regcred}]', 'flow form of the snippet'],
  ['command: ["/bin/sh", "-c"]\nargs: ["while true; do date; sleep 5; done"]', 'exact', 'args:\n- while true; do date; sleep 5; done\ncommand:\n- /bin/sh\n- -c', 'shell loop as one arg'],
  ['env:\n- name: MODE\n  value: "1"', 'exact', "env:\n- value: '1'\n  name: MODE", 'env value quoted'],
  ['containers:\n- name: a\n  image: a:1\n- name: b\n  image: b:1', 'subset', 'containers:\n- name: b\n  image: b:1\n- name: a\n  image: a:1', 'subset lists in any order'],
];

const rejected: YamlRejectRow[] = [
  [POD, 'exact', POD.replace('args: ["sleep", "3600"]', 'args: [sleep, 3600]'), 'yaml-number-not-string', 'unquoted number in args'],
  [POD, 'exact', POD.replace('args: ["sleep", "3600"]', 'args: ["sleep 3600"]'), 'yaml-argv-one-item', 'whole command line as one item'],
  [POD, 'exact', POD.replace('args: ["sleep", "3600"]', 'args: "sleep 3600"'), 'yaml-argv-one-item', 'command line as a string'],
  [POD, 'exact', POD.replace('  containers:', '\tcontainers:'), 'yaml-tab-indent', 'tab indentation'],
  [POD, 'exact', POD.replace('  - name: regcred', '  - regcred'), 'yaml-type-mismatch', 'secret as a string'],
  [POD, 'exact', POD.replace('  imagePullSecrets:\n  - name: regcred\n', '').replace('    args: ["sleep", "3600"]', '    args: ["sleep", "3600"]\n    imagePullSecrets:\n    - name: regcred'), 'yaml-key-misplaced', 'imagePullSecrets inside the container'],
  [POD, 'exact', POD.replace('imagePullSecrets', 'imagePullSecret'), 'yaml-missing-key', 'singular key'],
  [POD, 'exact', POD.replace('busybox:1.36', 'busybox'), 'yaml-value-mismatch', 'different image'],
  [POD, 'exact', POD.replace('  imagePullSecrets:', '  restartPolicy: Never\n  imagePullSecrets:'), 'yaml-unexpected-key', 'extra key in exact mode'],
  [POD, 'subset', POD.replace('args: ["sleep", "3600"]', 'args: ["sleep", "3600", "x"]'), 'yaml-list-length', 'argument lists compare in full'],
  [POD, 'exact', 'kind: [Pod', 'yaml-syntax-error', 'unclosed flow list'],
  ['imagePullPolicy: IfNotPresent', 'exact', 'imagePullPolicy: ifNotPresent', 'yaml-value-mismatch', 'policy case'],
  ['env:\n- name: DEBUG\n  value: "true"', 'exact', 'env:\n- name: DEBUG\n  value: true', 'yaml-boolean-not-string', 'boolean env value'],
  ['containerPort: 80', 'exact', 'containerPort: "80"', 'yaml-string-not-number', 'port as a string'],
  ['spec:\n  restartPolicy: Never', 'subset', 'spec:\n  restartPolicy: Never\n  containers:\n  - name: a\n    args: [sleep, 10]', 'yaml-number-not-string', 'extra field still decoded'],
  [SNIPPET, 'exact', 'imagePullSecrets:\n- name: regcred\n---\nkind: Pod', 'yaml-document-count', 'two documents'],
];

describe('yaml checker', () => {
  it.each(accepted)('accepts %#: %s', (expected, match, answer) => {
    const verdict = gradeAnswer({ kind: 'yaml', expected: [expected], match }, answer);
    expect(reasonCodes(verdict)).toEqual([]);
    expect(verdict.correct).toBe(true);
  });

  it.each(rejected)('rejects %#: %s', (expected, match, answer, firstCode) => {
    const verdict = gradeAnswer({ kind: 'yaml', expected: [expected], match }, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe(firstCode);
  });

  it('number message says to quote', () => {
    const verdict = gradeAnswer({ kind: 'yaml', expected: [POD] }, POD.replace('args: ["sleep", "3600"]', 'args: [sleep, 3600]'));
    const [first] = verdict.feedback;
    expect(first?.message).toBe('`3600` at `spec.containers[0].args[1]` is read as a number, but Kubernetes needs a string in `args`; quote it: `"3600"`.');
    expect(first?.expected).toBe('"3600"');
  });

  it('tab message names the line', () => {
    const verdict = gradeAnswer({ kind: 'yaml', expected: [SNIPPET] }, 'imagePullSecrets:\n\t- name: regcred');
    expect(verdict.feedback[0]?.message).toContain('line 2');
  });
});

describe('yaml checker canonical', () => {
  it.each(distinctExpected([...accepted, ...rejected]))('accepts its own expected %#', (expected) => {
    for (const match of ['exact', 'subset'] as const) {
      const checker = { kind: 'yaml' as const, expected: [expected], match };
      expect(gradeAnswer(checker, canonicalAnswer(checker)).correct).toBe(true);
    }
  });
});
