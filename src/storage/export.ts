/**
 * Files a learner can take elsewhere: a deck as Layerdeck JSON or as an Anki text file, and the
 * review log as the FSRS optimizer's CSV. The callers load this module lazily, because the Anki
 * text exporter brings papaparse and marked.
 */
import { DECK_FORMAT, DECK_FORMAT_VERSION } from '../domain/deck/format';
import type { Deck } from '../domain/deck/format';
import { exportAnkiText } from '../domain/import/anki-text-export';
import { exportRevlogCsv } from '../domain/import/revlog-csv';
import type { LayerdeckDatabase } from './db';
import { classifyStorageError } from './errors';

export interface ExportFile {
  readonly fileName: string;
  readonly type: string;
  readonly text: string;
}

/** Reads the stored deck as a deck file, cards in deck order; undefined when no deck has this id. */
export async function storedDeck(db: LayerdeckDatabase, deckId: string): Promise<Deck | undefined> {
  try {
    return await db.transaction('r', [db.decks, db.cards], async () => {
      const record = await db.decks.get(deckId);
      if (!record) return undefined;
      const cards = (await db.cards.where('deckId').equals(deckId).sortBy('position')).map((card) => card.content);
      return {
        format: DECK_FORMAT,
        version: DECK_FORMAT_VERSION,
        id: record.id,
        title: record.title,
        ...(record.description !== undefined && { description: record.description }),
        cards,
      } as Deck;
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}

export async function exportDeckJson(db: LayerdeckDatabase, deckId: string): Promise<ExportFile | undefined> {
  const deck = await storedDeck(db, deckId);
  return deck && { fileName: `${deckId}.json`, type: 'application/json', text: `${JSON.stringify(deck, null, 2)}\n` };
}

/** Writes the deck as an Anki text file, with the ids of cards Anki has no note type for. */
export async function exportDeckAnkiText(db: LayerdeckDatabase, deckId: string): Promise<(ExportFile & { skipped: readonly string[] }) | undefined> {
  const deck = await storedDeck(db, deckId);
  if (!deck) return undefined;
  const { text, skipped } = exportAnkiText(deck);
  return { fileName: `${deckId}.txt`, type: 'text/tab-separated-values', text, skipped };
}

/** Writes the review log of one deck, or of every deck, as `revlog.csv`. */
export async function exportReviewLog(db: LayerdeckDatabase, deckId?: string): Promise<ExportFile> {
  try {
    const reviews = deckId === undefined ? await db.reviews.orderBy('time').toArray() : await db.reviews.where('deckId').equals(deckId).toArray();
    return { fileName: deckId === undefined ? 'revlog.csv' : `${deckId}-revlog.csv`, type: 'text/csv', text: exportRevlogCsv(reviews) };
  } catch (error) {
    throw classifyStorageError(error);
  }
}
