/** Generation: how many variants of the bundled decks' generated cards `renderVariant` renders per second. */
import { renderVariant } from '../../src/domain/generate/render';
import type { GeneratedCardInput } from '../../src/domain/generate/render';
import { median, nowMs } from '../stats';
import { bundledDecks } from './decks';

export interface GenerationResult {
  readonly variantsPerRun: number;
  /** Distinct generated cards the variants are drawn from. */
  readonly cards: number;
  /** Milliseconds for one run of `variantsPerRun` variants: the median and every run. */
  readonly runMs: number;
  readonly runsMs: number[];
  readonly variantsPerSecond: number;
}

export function benchGeneration(variantsPerRun: number, runs: number): GenerationResult {
  const cards: { deckId: string; card: GeneratedCardInput }[] = [];
  for (const deck of bundledDecks()) {
    for (const card of deck.cards) if (card.type === 'generated') cards.push({ deckId: deck.id, card });
  }
  if (cards.length === 0) throw new Error('No bundled deck has a generated card, so generation cannot be measured.');

  // Card i % n at review number i / n: every card in turn, each with fresh review numbers.
  const renderRun = () => {
    for (let index = 0; index < variantsPerRun; index++) {
      const { deckId, card } = cards[index % cards.length]!;
      renderVariant(deckId, card, Math.floor(index / cards.length));
    }
  };
  renderRun();

  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = nowMs();
    renderRun();
    runsMs.push(nowMs() - start);
  }
  const runMs = median(runsMs);
  return { variantsPerRun, cards: cards.length, runMs, runsMs, variantsPerSecond: (variantsPerRun / runMs) * 1000 };
}
