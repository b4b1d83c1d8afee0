import { expect, it } from 'vitest';
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

/** Runs accept and reject tables through the command checker, one test per row. */
export function testCommandRows(accepted: readonly AcceptRow[], rejected: readonly RejectRow[]): void {
  it.each(accepted)('accepts %j as %j (%s)', (expected, answer) => {
    const verdict = gradeCommand(expected, answer);
    expect(reasonCodes(verdict)).toEqual([]);
    expect(verdict.correct).toBe(true);
  });

  it.each(rejected)('rejects %j as %j with %s (%s)', (expected, answer, firstCode) => {
    const verdict = gradeCommand(expected, answer);
    expect(verdict.correct).toBe(false);
    expect(reasonCodes(verdict)[0]).toBe(firstCode);
  });
}
