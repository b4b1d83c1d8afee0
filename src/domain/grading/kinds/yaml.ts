import { joinPath, literal, object, oneOrMany, optional, refine, string } from '../../deck/shape';
import type { CheckerKind } from '../kind';
import type { Feedback } from '../verdict';
import { verdict } from '../verdict';
import { compareDocuments, findUnquotedStrings, readYaml } from '../yaml/compare';
import type { YamlMatch } from '../yaml/compare';
import { choiceOf } from './choice';

/** Grades a typed YAML answer by its parsed structure. */
export interface YamlChecker {
  kind: 'yaml';
  /** One accepted YAML text, or several alternatives. */
  expected: string[];
  /** `exact` (the default): same keys and values. `subset`: every expected key and list item is present; extra ones are allowed. */
  match?: YamlMatch;
}

const expectedDocuments = new WeakMap<YamlChecker, unknown[][]>();

function readExpected(checker: YamlChecker): unknown[][] {
  let documents = expectedDocuments.get(checker);
  if (!documents) {
    documents = checker.expected.flatMap((text) => {
      const read = readYaml(text);
      return read.ok ? [read.documents] : [];
    });
    expectedDocuments.set(checker, documents);
  }
  return documents;
}

const expectedYaml = refine(oneOrMany(string()), (values, path, problems) => {
  values.forEach((text, index) => {
    const itemPath = values.length === 1 ? path : joinPath(path, index);
    const read = readYaml(text);
    if (!read.ok) {
      problems.push({ path: itemPath, message: `the expected YAML is invalid: ${read.feedback.message}` });
      return;
    }
    for (const feedback of read.documents.flatMap((document) => findUnquotedStrings(document))) {
      problems.push({ path: itemPath, message: `the expected YAML would be rejected by Kubernetes: ${feedback.message}` });
    }
  });
});

export const yamlKind: CheckerKind<YamlChecker> = {
  kind: 'yaml',
  description: 'Compares parsed YAML: key order, quoting style and flow or block lists are free; tabs, and numbers or booleans where Kubernetes needs strings, are wrong.',
  options: object({
    kind: literal('yaml'),
    expected: expectedYaml,
    match: optional(choiceOf(['exact', 'subset'], '`exact` (default): same keys and values; `subset`: every expected key and list item must be present, others may be added.')),
  }),
  evaluate(checker, answer) {
    const actual = readYaml(answer.text);
    if (!actual.ok) return verdict(false, [actual.feedback]);

    const match = checker.match ?? 'exact';
    let closest: Feedback[] | undefined;
    for (const expected of readExpected(checker)) {
      const feedback = compareDocuments(expected, actual.documents, match);
      if (feedback.length === 0) return verdict(true);
      if (!closest || feedback.length < closest.length) closest = feedback;
    }
    return verdict(false, closest ?? []);
  },
  canonical: (checker) => checker.expected[0]!,
};
