/** Checks that every variant of a generated card can be answered by its own expected answer. */

import { gradeAnswer } from '../grading/checkers';
import type { Pools } from './registry';
import { renderVariant } from './render';
import type { Variant } from './render';

/** Variants rendered per card by `layerdeck lint`: review numbers 0 to 299. */
export const LINT_VARIANT_COUNT = 300;
/** Problems reported per card before the rest are only counted. */
const MAX_PROBLEMS_PER_CARD = 5;

export interface VariantProblem {
  /** Keypath of the card, such as `cards[3]`. */
  readonly path: string;
  readonly message: string;
}

interface LintedCard {
  readonly type: string;
  readonly id: string;
  readonly template?: string;
  readonly pools?: Pools | undefined;
  readonly explanation?: string | undefined;
}

function describeParams(variant: Variant): string {
  return Object.entries(variant.params)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(', ');
}

/** Returns what is wrong with one rendered variant, or undefined when nothing is. */
function variantFault(variant: Variant): string | undefined {
  const verdict = gradeAnswer(variant.checker, variant.expected);
  if (!verdict.correct) return `the checker rejects its own expected answer ${JSON.stringify(variant.expected)}`;
  if (!variant.choices) return undefined;

  const texts = variant.choices.map((choice) => choice.text);
  if (new Set(texts).size !== texts.length) return 'two options have the same text';
  if (variant.choices.length < 2) return 'a choice question needs at least two options';
  const correct = variant.choices.filter((choice) => choice.correct).map((choice) => choice.text);
  if (!correct.includes(variant.expected)) return `the expected answer ${JSON.stringify(variant.expected)} is not a correct option`;
  return undefined;
}

/**
 * Renders `count` variants (review numbers 0 to count - 1) of every generated card and reports
 * each variant that throws or whose checker rejects its own expected answer. The message names the
 * seed, which `layerdeck show DECK CARD --seed N` renders again.
 */
export function lintGeneratedVariants(deckId: string, cards: readonly LintedCard[], count = LINT_VARIANT_COUNT): VariantProblem[] {
  const problems: VariantProblem[] = [];

  cards.forEach((card, index) => {
    if (card.type !== 'generated' || card.template === undefined) return;
    const input = { id: card.id, template: card.template, pools: card.pools, explanation: card.explanation };
    const path = `cards[${index}]`;
    let failures = 0;

    for (let seed = 0; seed < count; seed++) {
      let message: string | undefined;
      try {
        const variant = renderVariant(deckId, input, seed);
        const fault = variantFault(variant);
        if (fault) message = `variant with seed ${seed} (${describeParams(variant)}): ${fault}`;
      } catch (error) {
        message = `variant with seed ${seed} failed to render: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (message === undefined) continue;
      failures += 1;
      if (failures <= MAX_PROBLEMS_PER_CARD) problems.push({ path, message });
    }

    if (failures > MAX_PROBLEMS_PER_CARD) {
      problems.push({ path, message: `${failures - MAX_PROBLEMS_PER_CARD} more of its ${count} variants fail the same checks` });
    }
  });

  return problems;
}
