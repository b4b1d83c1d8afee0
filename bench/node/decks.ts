/** Reads the bundled decks through the app's own parser, as the grading and generation benches use them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeckText } from '../../src/domain/deck/format';
import type { Deck } from '../../src/domain/deck/format';

const DECKS_DIR = join(import.meta.dirname, '..', '..', 'decks');

export function bundledDecks(): Deck[] {
  const files = readdirSync(DECKS_DIR).filter((name) => name.endsWith('.json')).sort();
  return files.map((name) => {
    const result = parseDeckText(readFileSync(join(DECKS_DIR, name), 'utf8'));
    if (!result.ok) throw new Error(`The bundled deck ${name} is invalid, so the benches cannot use it: ${JSON.stringify(result.problems.slice(0, 3))}`);
    return result.deck;
  });
}
