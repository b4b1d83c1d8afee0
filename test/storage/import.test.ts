import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/domain/deck/format';
import { importAnkiPackage } from '../../src/domain/import/apkg/import-package';
import type { ImportedDeck } from '../../src/domain/import/problems';
import { DEFAULT_PRESET } from '../../src/domain/schedule/preset';
import type { LayerdeckDatabase } from '../../src/storage/db';
import { exportDeckAnkiText, exportDeckJson, exportReviewLog } from '../../src/storage/export';
import { planDeckImport, saveImportedDeck } from '../../src/storage/import';
import type { DeckImportOptions } from '../../src/storage/import';
import { fromBase64, loadMedia, toBase64 } from '../../src/storage/import-media';
import { buildPackage, nodeOpener, SAMPLE_MEDIA, sampleSpec } from '../domain/import/support/anki-package';
import { basicDeck, freshRepository } from './support';

const NOW = Date.UTC(2024, 5, 1, 12);
const options: DeckImportOptions = { removedCards: 'remove', preset: DEFAULT_PRESET, timeZone: 'UTC', now: NOW };

function plain(deck: Deck): ImportedDeck {
  return { format: 'layerdeck-json', deck, history: [], media: [], warnings: [] };
}

async function dump(db: LayerdeckDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

let apkg: ImportedDeck;

beforeAll(async () => {
  const outcome = importAnkiPackage('spanish.apkg', await buildPackage(3, sampleSpec(), SAMPLE_MEDIA), await nodeOpener());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  apkg = outcome.value;
});

describe('saveImportedDeck', () => {
  it('adds a deck with its cards as new items', async () => {
    const { db } = freshRepository();
    const report = await saveImportedDeck(db, plain(basicDeck('d', 3)), options);
    expect(report).toEqual({ deckId: 'd', status: 'added', cardCount: 3, keptCards: 0, removedCards: 0, reviewsAdded: 0, mediaFiles: 0 });
    expect(await db.decks.get('d')).toMatchObject({ origin: 'imported', cardCount: 3, updatedAt: NOW });
    expect((await db.schedules.toArray()).map((schedule) => [schedule.cardKey, schedule.state, schedule.due])).toEqual([
      ['d/c0', 'new', 0],
      ['d/c1', 'new', 1],
      ['d/c2', 'new', 2],
    ]);
  });

  it('keeps the progress of unchanged card ids when a deck is imported again', async () => {
    const repository = freshRepository();
    const { db } = repository;
    await saveImportedDeck(db, plain(basicDeck('d', 3)), options);
    await repository.grade({ cardKey: 'd/c1', rating: 'good', now: NOW, timeZone: 'UTC', durationMs: 1000 });
    const graded = await db.schedules.get('d/c1');

    const next = basicDeck('d', 3);
    next.cards[1] = { ...next.cards[1]!, back: 'A better answer' } as Deck['cards'][number];
    const report = await saveImportedDeck(db, plain(next), options);

    expect(report.status).toBe('updated');
    expect(await db.schedules.get('d/c1')).toEqual(graded);
    expect(await db.reviews.count()).toBe(1);
    expect(await db.decks.count()).toBe(1);
    expect((await db.cards.get('d/c1'))?.content).toMatchObject({ back: 'A better answer' });
  });

  it('removes cards the file lacks but keeps their reviews', async () => {
    const repository = freshRepository();
    const { db } = repository;
    await saveImportedDeck(db, plain(basicDeck('d', 3)), options);
    await repository.grade({ cardKey: 'd/c2', rating: 'good', now: NOW, timeZone: 'UTC', durationMs: 1000 });
    await repository.suspend('d/c2');

    expect((await planDeckImport(db, basicDeck('d', 2))).removed).toEqual(['c2']);
    const report = await saveImportedDeck(db, plain(basicDeck('d', 2)), { ...options, removedCards: 'remove' });

    expect(report).toMatchObject({ cardCount: 2, removedCards: 1, keptCards: 0 });
    expect(await db.cards.get('d/c2')).toBeUndefined();
    expect(await db.schedules.get('d/c2')).toBeUndefined();
    expect(await db.holds.get('d/c2')).toBeUndefined();
    expect(await db.reviews.count()).toBe(1);
    expect(await db.decks.get('d')).toMatchObject({ cardCount: 2 });
  });

  it('keeps cards the file lacks when asked to', async () => {
    const repository = freshRepository();
    const { db } = repository;
    await saveImportedDeck(db, plain(basicDeck('d', 3)), options);
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: 'UTC', durationMs: 1000 });
    const graded = await db.schedules.get('d/c0');

    const next = { ...basicDeck('d', 3), cards: basicDeck('d', 3).cards.slice(1) };
    const report = await saveImportedDeck(db, plain(next), { ...options, removedCards: 'keep' });

    expect(report).toMatchObject({ cardCount: 3, keptCards: 1, removedCards: 0 });
    expect((await db.cards.where('deckId').equals('d').sortBy('position')).map((card) => card.content.id)).toEqual(['c1', 'c2', 'c0']);
    expect(await db.schedules.get('d/c0')).toEqual(graded);
    expect(await db.decks.get('d')).toMatchObject({ cardCount: 3 });
  });

  it('plans an import: added, changed, unchanged and removed cards', async () => {
    const { db } = freshRepository();
    await saveImportedDeck(db, plain(basicDeck('d', 3)), options);
    const next = basicDeck('d', 4);
    next.cards.splice(0, 1);
    next.cards[0] = { ...next.cards[0]!, front: 'changed' } as Deck['cards'][number];
    expect(await planDeckImport(db, next)).toEqual({ deckId: 'd', existingTitle: 'Deck d', added: 1, changed: 1, unchanged: 1, removed: ['c0'], newReviews: 0 });
  });

  it('replays imported history into schedules and reviews', async () => {
    const { db } = freshRepository();
    const report = await saveImportedDeck(db, apkg, options);
    expect(report).toMatchObject({ status: 'added', cardCount: 4, reviewsAdded: 4, mediaFiles: 2 });

    const schedule = await db.schedules.get('anki-1600000000000/Ab3_23x_2fY');
    expect(schedule).toMatchObject({ reps: 3, lapses: 1, lastReview: Date.UTC(2024, 0, 2, 9) });
    expect((await db.schedules.get('anki-1600000000000/Ef5#c1'))?.state).toBe('review');
    expect((await db.schedules.get('anki-1600000000000/Ef5#c2'))?.state).toBe('new');

    const reviews = await db.reviews.orderBy('time').toArray();
    expect(reviews.map((review) => review.rating)).toEqual(['good', 'good', 'easy', 'again']);
    expect(reviews[0]?.before.state).toBe('new');
  });

  it('adds no review twice when a package is imported again', async () => {
    const { db } = freshRepository();
    expect((await planDeckImport(db, apkg.deck, apkg.history)).newReviews).toBe(4);
    await saveImportedDeck(db, apkg, options);
    expect((await planDeckImport(db, apkg.deck, apkg.history)).newReviews).toBe(0);
    const before = await dump(db);
    const report = await saveImportedDeck(db, apkg, { ...options, now: NOW });
    expect(report.reviewsAdded).toBe(0);
    expect(await dump(db)).toEqual(before);
  });

  it('stores media that renders back byte for byte', async () => {
    const { db } = freshRepository();
    await saveImportedDeck(db, apkg, options);
    const blob = await loadMedia(db, apkg.deck.id, 'speak.png');
    expect(blob?.type).toBe('image/png');
    expect([...new Uint8Array(await blob!.arrayBuffer())]).toEqual([...SAMPLE_MEDIA[0]!.data]);
    expect((await loadMedia(db, undefined, 'perro.mp3'))?.type).toBe('audio/mpeg');
    expect(await loadMedia(db, apkg.deck.id, 'missing.png')).toBeUndefined();
  });

  it('leaves the database unchanged when a write fails part way', async () => {
    const { db } = freshRepository();
    await saveImportedDeck(db, plain(basicDeck('d', 2)), options);
    const before = await dump(db);

    const broken = basicDeck('d', 3);
    // A function cannot be stored in IndexedDB, so the card write fails after the deck write.
    (broken.cards[2] as unknown as Record<string, unknown>).back = () => 'not cloneable';
    await expect(saveImportedDeck(db, plain(broken), options)).rejects.toMatchObject({ name: 'StorageFault' });
    expect(await dump(db)).toEqual(before);
  });
});

describe('base64 media encoding', () => {
  it('round-trips every byte value and large files', () => {
    const bytes = new Uint8Array(200_000).map((_, index) => (index * 7) % 256);
    expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

describe('exports', () => {
  it('writes a stored deck as JSON that reads back the same', async () => {
    const { db } = freshRepository();
    await saveImportedDeck(db, apkg, options);
    const file = await exportDeckJson(db, apkg.deck.id);
    expect(file?.fileName).toBe('anki-1600000000000.json');
    expect(JSON.parse(file!.text)).toEqual(apkg.deck);
  });

  it('writes a stored deck as an Anki text file', async () => {
    const { db } = freshRepository();
    await saveImportedDeck(db, apkg, options);
    const file = await exportDeckAnkiText(db, apkg.deck.id);
    expect(file?.text.split('\n')[0]).toBe('#separator:tab');
    expect(file?.text).toContain('Ab3_23x_2fY\tBasic\t<b>hablar</b>\t"to speak <img src=""speak.png"">"\tverb ar');
  });

  it('writes the review log as revlog CSV', async () => {
    const { db } = freshRepository();
    await saveImportedDeck(db, apkg, options);
    const file = await exportReviewLog(db);
    const lines = file.text.trim().split('\n');
    expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(new RegExp(`^\\d+,${Date.UTC(2024, 0, 1, 9)},3,0,4000$`));
  });

  it('returns undefined for an unknown deck', async () => {
    const { db } = freshRepository();
    expect(await exportDeckJson(db, 'nope')).toBeUndefined();
  });
});
