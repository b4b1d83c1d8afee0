/**
 * Merging a backup into the stored data, the alternative to replacing everything:
 *
 * - decks travel with their cards: a deck only in the backup is added, and a deck on both sides
 *   takes the side with the newer `updatedAt`, cards included;
 * - schedules come from the side whose `lastReview` is newer, for items the merged cards have;
 * - reviews are appended unless one with the same item, time and rating is already stored;
 * - settings, hold records (bury, suspend) and media already stored stay, and the backup only
 *   adds what is missing.
 *
 * It runs in one transaction, so a failure leaves the stored data as it was. The backup must
 * come from `parseBackup`, which has validated every record.
 */
import type { Card } from '../domain/deck/format';
import { reviewItemKeys } from '../domain/deck/items';
import type { Schedule } from '../domain/schedule/fsrs-adapter';
import type { Backup } from './backup';
import type { CardRecord, DeckRecord, HoldRecord, LayerdeckDatabase, MediaRecord, ReviewRecord, SettingRecord } from './db';
import { classifyStorageError } from './errors';

export interface MergeReport {
  readonly decksAdded: number;
  readonly decksUpdated: number;
  readonly reviewsAdded: number;
  readonly schedulesTaken: number;
}

const reviewIdentity = (review: Pick<ReviewRecord, 'cardKey' | 'time' | 'rating'>) => `${review.cardKey}\n${review.time}\n${review.rating}`;

function rows<T>(backup: Backup, table: string): T[] {
  return (backup.tables[table] ?? []) as unknown as T[];
}

export async function mergeBackup(db: LayerdeckDatabase, backup: Backup): Promise<MergeReport> {
  try {
    return await db.transaction('rw', db.tables, async () => {
      const storedDecks = new Map((await db.decks.toArray()).map((deck) => [deck.id, deck]));
      let position = storedDecks.size;
      let decksAdded = 0;
      let decksUpdated = 0;

      const backupCards = rows<CardRecord>(backup, 'cards');
      for (const deck of rows<DeckRecord>(backup, 'decks')) {
        const stored = storedDecks.get(deck.id);
        if (stored && stored.updatedAt >= deck.updatedAt) continue;
        await db.decks.put({ ...deck, position: stored?.position ?? position++ });
        await db.cards.where('deckId').equals(deck.id).delete();
        await db.cards.bulkPut(backupCards.filter((card) => card.deckId === deck.id));
        if (stored) decksUpdated += 1;
        else decksAdded += 1;
      }

      // Schedules: only for review items the merged cards still have.
      const items = new Set((await db.cards.toArray()).flatMap((card) => reviewItemKeys(card.deckId, card.content as Card)));
      const storedSchedules = new Map((await db.schedules.toArray()).map((schedule) => [schedule.cardKey, schedule]));
      const taken: Schedule[] = rows<Schedule>(backup, 'schedules').filter((schedule) => {
        if (!items.has(schedule.cardKey)) return false;
        const stored = storedSchedules.get(schedule.cardKey);
        return !stored || (schedule.lastReview ?? -Infinity) > (stored.lastReview ?? -Infinity);
      });
      await db.schedules.bulkPut(taken);
      const orphaned = [...storedSchedules.keys()].filter((key) => !items.has(key));
      await db.schedules.bulkDelete(orphaned);

      const known = new Set((await db.reviews.toArray()).map(reviewIdentity));
      const reviews = rows<ReviewRecord>(backup, 'reviews')
        .filter((review) => !known.has(reviewIdentity(review)))
        .sort((a, b) => a.time - b.time)
        // Ids are local auto-increment keys, so the merged reviews get new ones.
        .map(({ id: _id, ...review }) => review);
      await db.reviews.bulkAdd(reviews);

      await addMissing(rows<SettingRecord>(backup, 'settings'), (setting) => setting.key, (keys) => db.settings.bulkGet(keys), (records) => db.settings.bulkAdd(records));
      const holds = rows<HoldRecord>(backup, 'holds').filter((hold) => items.has(hold.cardKey));
      await addMissing(holds, (hold) => hold.cardKey, (keys) => db.holds.bulkGet(keys), (records) => db.holds.bulkAdd(records));
      await addMissing(rows<MediaRecord>(backup, 'media'), (file) => file.key, (keys) => db.media.bulkGet(keys), (records) => db.media.bulkAdd(records));

      return { decksAdded, decksUpdated, reviewsAdded: reviews.length, schedulesTaken: taken.length };
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}

/** Adds the records whose key is not stored yet. */
async function addMissing<T>(records: T[], keyOf: (record: T) => string, get: (keys: string[]) => Promise<unknown[]>, add: (records: T[]) => Promise<unknown>): Promise<void> {
  const present = await get(records.map(keyOf));
  await add(records.filter((_, index) => present[index] === undefined));
}
