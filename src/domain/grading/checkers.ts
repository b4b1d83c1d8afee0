import { tagged } from '../deck/shape';
import type { Shape } from '../deck/shape';
import type { CheckerKind } from './kind';
import { commandKind } from './kinds/command';
import type { CommandChecker } from './kinds/command';
import { combinatorKinds } from './kinds/combinators';
import type { AllChecker, OneOfChecker } from './kinds/combinators';
import { dockerfileKind } from './kinds/dockerfile';
import type { DockerfileChecker } from './kinds/dockerfile';
import { textKind } from './kinds/text';
import { yamlKind } from './kinds/yaml';
import type { YamlChecker } from './kinds/yaml';
import type { TextChecker } from './kinds/text';
import { normalizeInput } from './normalize';
import type { NormalizedInput } from './normalize';
import type { Verdict } from './verdict';

export type Checker = TextChecker | OneOfChecker | AllChecker | CommandChecker | YamlChecker | DockerfileChecker;

const [oneOfKind, allKind] = combinatorKinds(() => checkerShape);

/** The checker table: each kind declared once, with its options, evaluation and canonical answer. */
export const CHECKER_KINDS = {
  text: textKind,
  oneOf: oneOfKind,
  all: allKind,
  command: commandKind,
  yaml: yamlKind,
  dockerfile: dockerfileKind,
} as const satisfies { [K in Checker['kind']]: CheckerKind<Extract<Checker, { kind: K }>> };

/** Reads and validates a checker from deck JSON. */
export const checkerShape: Shape<Checker> = tagged(
  'kind',
  Object.fromEntries(Object.entries(CHECKER_KINDS).map(([name, kind]) => [name, kind.options])) as Record<string, Shape<Checker>>,
);

function kindOf(checker: { kind: string }): CheckerKind<{ kind: string }> {
  const kind = (CHECKER_KINDS as Record<string, CheckerKind<{ kind: string }>>)[checker.kind];
  if (!kind) throw new Error(`Unknown checker kind "${checker.kind}"; decks are validated before grading, so this is a bug.`);
  return kind;
}

function gradeNormalized(checker: { kind: string }, answer: NormalizedInput): Verdict {
  return kindOf(checker).evaluate(checker, answer, gradeNormalized);
}

/** Returns the answer a checker shows as expected; the checker always accepts it. */
export function canonicalAnswer(checker: { kind: string }): string {
  return kindOf(checker).canonical(checker, canonicalAnswer);
}

/**
 * Grades a typed answer. The keyboard notes (curly quotes, dashes) come first in the feedback,
 * so the learner sees what was read differently from what was typed.
 *
 * @example
 *   gradeAnswer({ kind: 'text', expected: ['/app'] }, ' /APP ').correct; // true
 */
export function gradeAnswer(checker: Checker, rawAnswer: string): Verdict {
  const answer = normalizeInput(rawAnswer);
  const result = gradeNormalized(checker, answer);
  if (answer.notes.length === 0) return result;
  return { ...result, feedback: [...answer.notes, ...result.feedback] };
}
