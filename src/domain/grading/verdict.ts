/** The FSRS grade a verdict suggests; the learner may always pick another. */
export type SuggestedRating = 'again' | 'hard' | 'good' | 'easy';

/** One finding about a typed answer, shown to the learner after "Check". */
export interface Feedback {
  /** Stable kebab-case identifier, such as `text-mismatch` or `keyboard-replaced-quotes`. */
  readonly code: string;
  /** A sentence that names the rule. */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** The result of grading one typed answer. A wrong answer is a verdict, never an exception. */
export interface Verdict {
  readonly correct: boolean;
  readonly rating: SuggestedRating;
  readonly feedback: readonly Feedback[];
}

export function verdict(correct: boolean, feedback: readonly Feedback[] = []): Verdict {
  return { correct, rating: correct ? 'good' : 'again', feedback };
}
