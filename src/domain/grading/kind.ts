import type { Shape } from '../deck/shape';
import type { NormalizedInput } from './normalize';
import type { Verdict } from './verdict';

/** Grades an answer against any checker; passed to kinds that combine other checkers. */
export type GradeNested = (checker: { kind: string }, answer: NormalizedInput) => Verdict;

/**
 * One row of the checker table: the options a deck may give, how an answer is judged, and the
 * answer that the checker must always accept.
 */
export interface CheckerKind<C extends { kind: string }> {
  readonly kind: C['kind'];
  /** One sentence for the JSON Schema and the deck author guide. */
  readonly description: string;
  readonly options: Shape<C>;
  evaluate(checker: C, answer: NormalizedInput, gradeNested: GradeNested): Verdict;
  /** The answer shown as "expected" after a check; the checker must accept it. */
  canonical(checker: C, canonicalNested: (checker: { kind: string }) => string): string;
}
