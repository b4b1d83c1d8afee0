import { contentHash } from '../../domain/deck/hash';
import { formatProblem, parseDeckText } from '../../domain/deck/format';
import type { DeckSource } from '../../storage/repository';
import { logger } from './logger';

/** Each deck file is its own lazy chunk, fetched only when the bundled set changed. */
const deckFiles = import.meta.glob<string>('../../../decks/*.json', { query: '?raw', import: 'default' });

/** The order a learner meets the bundled decks in: from writing a Dockerfile to running the image in a Pod. */
const STUDY_ORDER = ['dockerfile-instructions', 'multi-stage-builds', 'build-tag-push', 'image-pull-policy', 'command-and-args'];

function studyRank(path: string): number {
  const rank = STUDY_ORDER.indexOf(path.split('/').pop()!.replace(/\.json$/, ''));
  return rank === -1 ? STUDY_ORDER.length : rank;
}

/** Parses every bundled deck; an invalid one is logged and skipped, never half-loaded. */
export async function loadBundledDecks(): Promise<{ sources: DeckSource[]; invalid: string[] }> {
  const sources: DeckSource[] = [];
  const invalid: string[] = [];
  const names = Object.keys(deckFiles).sort((a, b) => studyRank(a) - studyRank(b) || a.localeCompare(b));
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
