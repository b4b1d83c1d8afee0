import { formatProblem, parseDeckText } from '../domain/deck/format';
import type { Deck } from '../domain/deck/format';
import { lintGeneratedVariants } from '../domain/generate/lint';
import { canonicalAnswer, gradeAnswer } from '../domain/grading/checkers';

/** One finding of `layerdeck lint`, tied to a file and keypath. */
export interface LintProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Runs every accept and reject example of every typed card, and checks the canonical answer is accepted. */
export function lintExamples(deck: Deck): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  deck.cards.forEach((card, index) => {
    if (card.type !== 'typed') return;
    const base = `cards[${index}]`;
    const canonical = canonicalAnswer(card.answer);
    if (!gradeAnswer(card.answer, canonical).correct) {
      problems.push({ path: `${base}.answer`, message: `the checker rejects its own expected answer ${JSON.stringify(canonical)}` });
    }
    card.examples?.accept?.forEach((answer, exampleIndex) => {
      const verdict = gradeAnswer(card.answer, answer);
      if (!verdict.correct) {
        const reason = verdict.feedback.map((item) => item.message).join(' ');
        problems.push({ path: `${base}.examples.accept[${exampleIndex}]`, message: `expected to be accepted, but was rejected: ${JSON.stringify(answer)} (${reason})` });
      }
    });
    card.examples?.reject?.forEach((answer, exampleIndex) => {
      if (gradeAnswer(card.answer, answer).correct) {
        problems.push({ path: `${base}.examples.reject[${exampleIndex}]`, message: `expected to be rejected, but was accepted: ${JSON.stringify(answer)}` });
      }
    });
  });
  return problems;
}

/** Validates one deck file's text and runs its examples. */
export function lintDeckText(file: string, text: string): LintProblem[] {
  const parsed = parseDeckText(text);
  if (!parsed.ok) return parsed.problems.map((problem) => ({ file, path: problem.path, message: problem.message }));
  return [...lintExamples(parsed.deck), ...lintGeneratedVariants(parsed.deck.id, parsed.deck.cards)].map((problem) => ({ file, ...problem }));
}

export function formatLintProblem(problem: LintProblem): string {
  return `${problem.file}: ${formatProblem(problem)}`;
}
