/**
 * The contract between a question template and the code that renders generated cards. A template
 * declares its parameters (each a pool of strings with defaults), draws from them with a seeded
 * RNG, and computes the expected answer with a resolver.
 */

import type { Shape } from '../deck/shape';
import type { Checker } from '../grading/checkers';
import type { Rng } from './rng';

export interface TemplateParameter {
  /** Description of one pool entry, for the JSON Schema and deck authors. */
  readonly description: string;
  /** Validates one pool entry when the deck loads, so a bad entry fails with its keypath. */
  readonly item: Shape<string>;
  /** The pool used when the deck gives none. It is never empty. */
  readonly defaults: readonly string[];
}

/** One option of a choice-form variant. */
export interface ChoiceOption {
  /** Markdown. */
  readonly text: string;
  readonly correct: boolean;
}

/** The question a template produces for one draw of its parameters. */
export interface RenderedQuestion {
  /** The question, in Markdown. */
  readonly prompt: string;
  /** The answer shown as expected, which the checker accepts. */
  readonly expected: string;
  readonly checker: Checker;
  /** Markdown that names the rule the answer follows. */
  readonly explanation: string;
  /** Present for choice-form variants: the options in display order, the correct ones marked. */
  readonly choices?: readonly ChoiceOption[];
}

/** Draws the value of one parameter from its pool and records it in the variant's params. */
export type DrawParameter<P extends string> = (name: P) => string;

export interface Template<P extends string = string> {
  /** Stable id that decks name, such as `pull-policy/default`. */
  readonly id: string;
  /** One-sentence summary of the question the template poses. */
  readonly summary: string;
  /** Parameters in the order they are drawn, which is part of what makes a seed reproducible. */
  readonly parameters: { readonly [K in P]: TemplateParameter };
  /**
   * Renders one variant. Parameters are drawn through `draw` so the variant records only those it
   * used. A template must accept every combination of valid pool entries.
   */
  render(draw: DrawParameter<P>, rng: Rng): RenderedQuestion;
}

/** A template with its parameter names erased, as the registry stores it. */
export type AnyTemplate = Template<string>;
