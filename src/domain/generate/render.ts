/** Renders the variant of a generated card that a given review shows. */

import { findTemplate } from './registry';
import type { Pools } from './registry';
import { createRng, hashSeed } from './rng';
import type { RenderedQuestion } from './template';

/** The fields of a `generated` deck card that rendering reads. */
export interface GeneratedCardInput {
  readonly id: string;
  readonly template: string;
  readonly pools?: Pools | undefined;
  /** The deck author's own explanation, shown after the template's. */
  readonly explanation?: string | undefined;
}

/** One rendered question of a generated card, shown like a typed or choice card. */
export interface Variant extends RenderedQuestion {
  readonly templateId: string;
  readonly reviewNumber: number;
  /** The 32-bit RNG seed hashed from `deckId/cardId#reviewNumber`. */
  readonly rngSeed: number;
  /** The parameter values drawn, in draw order, for the review log. */
  readonly params: Readonly<Record<string, string>>;
  readonly form: 'typed' | 'choice';
}

/** Returns the seed text of a review; the same text always renders the same variant. */
export function variantSeedText(deckId: string, cardId: string, reviewNumber: number): string {
  return `${deckId}/${cardId}#${reviewNumber}`;
}

/**
 * Renders the variant that review number `reviewNumber` of a generated card shows. The result is
 * a pure function of the deck id, the card and the review number, so a review can be shown again
 * exactly. Throws for a template id that is not registered; `parseDeck` rejects such decks.
 *
 * @example
 *   const variant = renderVariant('ckad-images', { id: 'pull-policy-default', template: 'pull-policy/default' }, 0);
 *   gradeAnswer(variant.checker, variant.expected).correct; // true
 */
export function renderVariant(deckId: string, card: GeneratedCardInput, reviewNumber: number): Variant {
  const template = findTemplate(card.template);
  if (!template) throw new Error(`Unknown template "${card.template}" on card "${card.id}"; decks are validated before rendering, so this is a bug.`);

  const rngSeed = hashSeed(variantSeedText(deckId, card.id, reviewNumber));
  const rng = createRng(rngSeed);
  const params: Record<string, string> = {};
  const draw = (name: string): string => {
    const declared = template.parameters[name];
    if (!declared) throw new Error(`Template "${template.id}" drew the undeclared parameter "${name}".`);
    const pool = card.pools?.[name] ?? declared.defaults;
    const value = rng.pick(pool);
    params[name] = value;
    return value;
  };

  const rendered = template.render(draw, rng);
  const explanation = card.explanation ? `${rendered.explanation}\n\n${card.explanation}` : rendered.explanation;
  return {
    ...rendered,
    explanation,
    templateId: template.id,
    reviewNumber,
    rngSeed,
    params,
    form: rendered.choices ? 'choice' : 'typed',
  };
}
