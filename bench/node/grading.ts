/**
 * Grading: the time `gradeAnswer` takes per typed answer, for the command, YAML and Dockerfile
 * checkers of the bundled decks. Each answer is timed alone, so the percentiles are per answer.
 */
import { canonicalAnswer, gradeAnswer } from '../../src/domain/grading/checkers';
import type { Checker } from '../../src/domain/grading/checkers';
import { nowMs, summarize } from '../stats';
import type { Summary } from '../stats';
import { bundledDecks } from './decks';

export const GRADED_KINDS = ['command', 'yaml', 'dockerfile'] as const;
export type GradedKind = (typeof GRADED_KINDS)[number];

export interface GradingResult {
  /** Per-answer times in milliseconds, for each checker kind. */
  readonly kinds: Record<GradedKind, Summary & { readonly answers: number; readonly checkers: number }>;
}

interface GradingCase {
  readonly checker: Checker;
  readonly answer: string;
}

/** Returns the checker kind a case counts under: its own, or the one kind all its nested checkers share. */
function leafKind(checker: { kind: string; checkers?: { kind: string }[] }): string | undefined {
  if (!checker.checkers) return checker.kind;
  const kinds = new Set(checker.checkers.map(leafKind));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** Collects every typed card's examples and canonical answer, grouped by checker kind. */
function gradingCases(): Record<GradedKind, { cases: GradingCase[]; checkers: number }> {
  const groups = Object.fromEntries(GRADED_KINDS.map((kind) => [kind, { cases: [] as GradingCase[], checkers: 0 }])) as Record<
    GradedKind,
    { cases: GradingCase[]; checkers: number }
  >;
  for (const deck of bundledDecks()) {
    for (const card of deck.cards) {
      if (card.type !== 'typed') continue;
      const kind = leafKind(card.answer);
      if (!kind || !(GRADED_KINDS as readonly string[]).includes(kind)) continue;
      const group = groups[kind as GradedKind];
      const answers = [canonicalAnswer(card.answer), ...(card.examples?.accept ?? []), ...(card.examples?.reject ?? [])];
      group.checkers += 1;
      for (const answer of answers) group.cases.push({ checker: card.answer, answer });
    }
  }
  return groups;
}

/** Grades every case `rounds` times after one untimed round that lets the JIT compile the code. */
export function benchGrading(rounds: number): GradingResult {
  const groups = gradingCases();
  const kinds = {} as GradingResult['kinds'];
  for (const kind of GRADED_KINDS) {
    const { cases, checkers } = groups[kind];
    if (cases.length === 0) throw new Error(`No bundled typed card uses a ${kind} checker, so grading cannot be measured for it.`);
    for (const { checker, answer } of cases) gradeAnswer(checker, answer);

    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const { checker, answer } of cases) {
        const start = nowMs();
        gradeAnswer(checker, answer);
        samples.push(nowMs() - start);
      }
    }
    kinds[kind] = { ...summarize(samples), answers: cases.length, checkers };
  }
  return { kinds };
}
