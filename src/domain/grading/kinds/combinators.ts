import { array, literal, object, reference } from '../../deck/shape';
import type { Shape } from '../../deck/shape';
import type { CheckerKind } from '../kind';
import { verdict } from '../verdict';

/** Accepts an answer that any of its checkers accepts. */
export interface OneOfChecker {
  kind: 'oneOf';
  checkers: { kind: string }[];
}

/** Accepts an answer only when every one of its checkers accepts it. */
export interface AllChecker {
  kind: 'all';
  checkers: { kind: string }[];
}

export function combinatorKinds(checkerShape: () => Shape<{ kind: string }>): [CheckerKind<OneOfChecker>, CheckerKind<AllChecker>] {
  const nested = array(reference('checker', checkerShape), { minItems: 1 });

  const oneOfKind: CheckerKind<OneOfChecker> = {
    kind: 'oneOf',
    description: 'Accepts the answer when any of the listed checkers accepts it; the feedback comes from the first.',
    options: object({ kind: literal('oneOf'), checkers: nested }),
    evaluate(checker, answer, gradeNested) {
      const verdicts = checker.checkers.map((inner) => gradeNested(inner, answer));
      return verdicts.find((inner) => inner.correct) ?? verdicts[0]!;
    },
    canonical: (checker, canonicalNested) => canonicalNested(checker.checkers[0]!),
  };

  const allKind: CheckerKind<AllChecker> = {
    kind: 'all',
    description: 'Accepts the answer only when every listed checker accepts it; the feedback lists every failure.',
    options: object({ kind: literal('all'), checkers: nested }),
    evaluate(checker, answer, gradeNested) {
      const failures = checker.checkers.map((inner) => gradeNested(inner, answer)).filter((inner) => !inner.correct);
      return failures.length === 0 ? verdict(true) : verdict(false, failures.flatMap((inner) => inner.feedback));
    },
    canonical: (checker, canonicalNested) => canonicalNested(checker.checkers[0]!),
  };

  return [oneOfKind, allKind];
}
