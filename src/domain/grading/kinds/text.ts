import { boolean, literal, object, oneOrMany, optional, string } from '../../deck/shape';
import type { CheckerKind } from '../kind';
import { collapseSpaces } from '../normalize';
import { verdict } from '../verdict';

export interface TextChecker {
  kind: 'text';
  /** One accepted answer, or several alternatives. */
  expected: string[];
  caseSensitive?: boolean;
}

function comparable(text: string, caseSensitive: boolean): string {
  const collapsed = collapseSpaces(text);
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase('en');
}

export const textKind: CheckerKind<TextChecker> = {
  kind: 'text',
  description: 'Compares text after normalizing white space, Unicode form and keyboard quotes and dashes; case-insensitive unless caseSensitive is true.',
  options: object({
    kind: literal('text'),
    expected: oneOrMany(string()),
    caseSensitive: optional(boolean()),
  }),
  evaluate(checker, answer) {
    const caseSensitive = checker.caseSensitive ?? false;
    const actual = comparable(answer.text, caseSensitive);
    if (checker.expected.some((expected) => comparable(expected, caseSensitive) === actual)) return verdict(true);

    const [first] = checker.expected;
    const caseOnly = !caseSensitive ? false : checker.expected.some((expected) => comparable(expected, false) === comparable(answer.text, false));
    return verdict(false, [
      caseOnly
        ? { code: 'text-case-mismatch', expected: first, actual: answer.text, message: 'The answer differs only in letter case, and case matters here.' }
        : { code: 'text-mismatch', expected: first, actual: answer.text, message: 'The answer does not match the expected text.' },
    ]);
  },
  canonical: (checker) => checker.expected[0]!,
};
