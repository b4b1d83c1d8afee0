import { gradeAnswer } from '../../../src/domain/grading/checkers';
import type { Checker } from '../../../src/domain/grading/checkers';
import type { Verdict } from '../../../src/domain/grading/verdict';

/** An answer the checker must accept, and why it is equivalent. */
export type AcceptRow = readonly [expected: string, answer: string, why: string];

/** An answer the checker must reject, the feedback code that must come first, and why. */
export type RejectRow = readonly [expected: string, answer: string, firstCode: string, why: string];

export function gradeCommand(expected: string, answer: string, options: Partial<Extract<Checker, { kind: 'command' }>> = {}): Verdict {
  return gradeAnswer({ kind: 'command', expected: [expected], ...options }, answer);
}

/** Returns the feedback codes of a verdict, without the keyboard notes that `gradeAnswer` puts first. */
export function reasonCodes(verdict: Verdict): string[] {
  return verdict.feedback.map((item) => item.code).filter((code) => !code.startsWith('keyboard-'));
}

/** The distinct expected answers of a table, for the property that a checker accepts its own canonical answer. */
export function distinctExpected(rows: readonly (readonly [string, ...unknown[]])[]): string[] {
  return [...new Set(rows.map((row) => row[0]))];
}
