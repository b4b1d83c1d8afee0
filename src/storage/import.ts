/**
 * Stores an imported deck with its history and media in one transaction, so an import either
 * lands whole or leaves the database exactly as it was.
 *
 * A deck already stored under the same id is updated. Cards whose id is unchanged keep their
 * schedule and reviews, and new cards start as new. Cards the file no longer has are removed
 * (their reviews stay in the log) or kept in the stored deck, as the learner chooses.
 * Imported reviews are added once: a review with the same item, time and rating is not added
 * again, so importing the same package twice changes nothing.
 */
import type { Card, Deck } from '../domain/deck/format';
import { contentHash } from '../domain/deck/hash';
import { reviewItemKeys } from '../domain/deck/items';
import type { HistoryEntry, ImportedDeck } from '../domain/import/problems';
import { replayHistory } from '../domain/import/replay';
import { newSchedule } from '../domain/schedule/fsrs-adapter';
import type { Schedule } from '../domain/schedule/fsrs-adapter';
import type { Preset } from '../domain/schedule/preset';
import type { CardRecord, DeckRecord, LayerdeckDatabase, ReviewRecord } from './db';
import { classifyStorageError } from './errors';
import { mediaRecord } from './import-media';

/** The choice for cards the stored deck has and the imported file lacks. */
export type RemovedCards = 'remove' | 'keep';

export interface DeckImportPlan {
  readonly deckId: string;
  /** The title of the stored deck, when one has this id. */
  readonly existingTitle?: string;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Ids of stored cards the file lacks. */
  readonly removed: readonly string[];
  /** Number of reviews in the file's history that are not stored yet. */
  readonly newReviews: number;
}

export interface DeckImportOptions {
  readonly removedCards: RemovedCards;
  /** The options the deck studies with, used to replay imported history. */
  readonly preset: Preset;
  readonly timeZone: string;
  /** Epoch ms, stored as the deck's update time. */
  readonly now: number;
}

export interface DeckImportReport {
  readonly deckId: string;
  readonly status: 'added' | 'updated';
  readonly cardCount: number;
  /** Cards the file lacked that stay in the deck because the learner chose to keep them. */
  readonly keptCards: number;
  readonly removedCards: number;
  readonly reviewsAdded: number;
  readonly mediaFiles: number;
}

const cardKeyOf = (deckId: string, cardId: string) => `${deckId}/${cardId}`;
const reviewIdentity = (review: Pick<ReviewRecord, 'cardKey' | 'time' | 'rating'>) => `${review.cardKey}\n${review.time}\n${review.rating}`;

/** Compares the file's deck with the stored one, so the learner can decide about removed cards first. */
export async function planDeckImport(db: LayerdeckDatabase, deck: Deck, history: readonly HistoryEntry[] = []): Promise<DeckImportPlan> {
  try {
    return await db.transaction('r', [db.decks, db.cards, db.reviews], async () => {
      const existing = await db.decks.get(deck.id);
      const stored = new Map((await db.cards.where('deckId').equals(deck.id).toArray()).map((record) => [record.content.id, record.content]));
      let added = 0;
      let changed = 0;
      let unchanged = 0;
      for (const card of deck.cards) {
        const before = stored.get(card.id);
        if (!before) added += 1;
        else if (JSON.stringify(before) === JSON.stringify(card)) unchanged += 1;
        else changed += 1;
      }
      const incoming = new Set(deck.cards.map((card) => card.id));
      const removed = [...stored.keys()].filter((id) => !incoming.has(id));
      const known = new Set((await db.reviews.where('deckId').equals(deck.id).toArray()).map(reviewIdentity));
      const newReviews = history.filter((entry) => entry.kind === 'review' && !known.has(reviewIdentity({ ...entry, cardKey: entry.itemKey }))).length;
      return { deckId: deck.id, ...(existing && { existingTitle: existing.title }), added, changed, unchanged, removed, newReviews };
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}

/** Picks the schedule to keep for an item: the one whose last review is newer. */
function newerSchedule(stored: Schedule | undefined, replayed: Schedule | undefined): Schedule | undefined {
  if (!replayed) return stored;
  if (!stored || (replayed.lastReview ?? -Infinity) > (stored.lastReview ?? -Infinity)) return replayed;
  return stored;
}

export async function saveImportedDeck(db: LayerdeckDatabase, imported: ImportedDeck, options: DeckImportOptions): Promise<DeckImportReport> {
  const { deck } = imported;
  // Replaying is pure and can take a while for a long history, so it runs before the transaction.
  const importedPositions = new Map(deck.cards.flatMap((card) => reviewItemKeys(deck.id, card)).map((key, position) => [key, position]));
  const replay = replayHistory(deck.id, imported.history, importedPositions, options.preset, options.timeZone);
  const replayed = new Map(replay.schedules.map((schedule) => [schedule.cardKey, schedule]));
  const media = imported.media.map((file) => mediaRecord(deck.id, file));

  try {
    return await db.transaction('rw', [db.decks, db.cards, db.schedules, db.reviews, db.holds, db.media], async () => {
      const existing = await db.decks.get(deck.id);
      const storedCards = await db.cards.where('deckId').equals(deck.id).sortBy('position');
      const incoming = new Set(deck.cards.map((card) => card.id));
      const missing = storedCards.filter((record) => !incoming.has(record.content.id)).map((record) => record.content);
      const kept: Card[] = options.removedCards === 'keep' ? missing : [];
      const cards = [...deck.cards, ...kept];
      const finalDeck: Deck = { ...deck, cards };

      const record: DeckRecord = {
        id: deck.id,
        title: deck.title,
        ...(deck.description !== undefined && { description: deck.description }),
        origin: existing?.origin ?? 'imported',
        formatVersion: deck.version,
        contentHash: contentHash(JSON.stringify(finalDeck)),
        cardCount: cards.length,
        position: existing?.position ?? (await db.decks.count()),
        updatedAt: options.now,
      };
      const cardRecords: CardRecord[] = cards.map((content, position) => ({ key: cardKeyOf(deck.id, content.id), deckId: deck.id, position, content }));

      const items = cards.flatMap((card) => reviewItemKeys(deck.id, card));
      const positionOf = new Map(items.map((key, position) => [key, position]));
      const storedSchedules = new Map((await db.schedules.where('deckId').equals(deck.id).toArray()).map((schedule) => [schedule.cardKey, schedule]));
      const removedItems = [...storedSchedules.keys()].filter((key) => !positionOf.has(key));
      const schedules = items.map((key) => {
        const chosen = newerSchedule(storedSchedules.get(key), replayed.get(key)) ?? newSchedule(key, deck.id, positionOf.get(key)!);
        return chosen.state === 'new' ? { ...chosen, due: positionOf.get(key)! } : chosen;
      });

      const known = new Set((await db.reviews.where('deckId').equals(deck.id).toArray()).map(reviewIdentity));
      const reviews: ReviewRecord[] = replay.reviews.filter((review) => !known.has(reviewIdentity(review))).map((review) => ({ ...review }));

      await db.decks.put(record);
      await db.cards.where('deckId').equals(deck.id).delete();
      await db.cards.bulkPut(cardRecords);
      await db.schedules.bulkDelete(removedItems);
      await db.holds.bulkDelete(removedItems);
      await db.schedules.bulkPut(schedules);
      await db.reviews.bulkAdd(reviews);
      await db.media.bulkPut(media);
      return {
        deckId: deck.id,
        status: existing ? 'updated' : 'added',
        cardCount: cards.length,
        keptCards: kept.length,
        removedCards: missing.length - kept.length,
        reviewsAdded: reviews.length,
        mediaFiles: media.length,
      };
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}
