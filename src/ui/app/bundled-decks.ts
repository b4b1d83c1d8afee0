import { contentHash } from '../../domain/deck/hash';
import { formatProblem, parseDeckText } from '../../domain/deck/format';
import type { DeckSource } from '../../storage/repository';
import { logger } from './logger';

/** Each deck file is its own lazy chunk, fetched only when the bundled set changed. */
const deckFiles = import.meta.glob<string>('../../../decks/*.json', { query: '?raw', import: 'default' });

export const bundledDecksHash: string = __BUNDLED_DECKS_HASH__;

/** Parses every bundled deck; an invalid one is logged and skipped, never half-loaded. */
export async function loadBundledDecks(): Promise<{ sources: DeckSource[]; invalid: string[] }> {
  const sources: DeckSource[] = [];
  const invalid: string[] = [];
  const names = Object.keys(deckFiles).sort();
  for (const name of names) {
    const text = await deckFiles[name]!();
    const result = parseDeckText(text);
    const file = name.split('/').pop()!;
    if (result.ok) {
      sources.push({ deck: result.deck, contentHash: contentHash(text) });
    } else {
      invalid.push(file);
      logger.error('bundled deck is invalid', { file, problems: result.problems.map(formatProblem) });
    }
  }
  return { sources, invalid };
}
