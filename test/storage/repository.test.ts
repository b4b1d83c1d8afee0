import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET } from '../../src/domain/schedule/preset';
import { basicDeck, freshRepository, source } from './support';

const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');

describe('Repository.saveDeck', () => {
  it('stores the deck, its cards and a new schedule per card', async () => {
    const repository = freshRepository();
    expect(await repository.saveDeck(source(basicDeck('d', 3)), 'bundled')).toBe('added');
    expect(await repository.db.cards.count()).toBe(3);
    const schedules = await repository.db.schedules.toArray();
    expect(schedules.map((schedule) => [schedule.cardKey, schedule.state, schedule.due])).toEqual([
      ['d/c0', 'new', 0],
      ['d/c1', 'new', 1],
      ['d/c2', 'new', 2],
    ]);
  });

  it('skips a deck whose content hash is unchanged', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 3)), 'bundled');
    expect(await repository.saveDeck(source(basicDeck('d', 3)), 'bundled')).toBe('unchanged');
  });

  it('keeps the progress of unchanged card ids on update', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 3)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1000 });
    await repository.grade({ cardKey: 'd/c2', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1000 });
    const graded = await repository.db.schedules.get('d/c0');

    const updated = basicDeck('d', 2, 'Renamed');
    updated.cards.push({ id: 'c9', type: 'basic', front: 'New card', back: 'New back' });
    expect(await repository.saveDeck(source(updated), 'bundled')).toBe('updated');

    expect(await repository.db.schedules.get('d/c0')).toEqual(graded);
    expect(await repository.db.schedules.get('d/c2')).toBeUndefined();
    expect((await repository.db.schedules.get('d/c9'))?.state).toBe('new');
    expect((await repository.db.decks.get('d'))?.title).toBe('Renamed');
    expect(await repository.reviewCount('d')).toBe(2);
  });
});

describe('Repository.ensureBundledDecks', () => {
  it('loads the bundled decks once per bundle hash', async () => {
    const repository = freshRepository();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return [source(basicDeck('a', 2)), source(basicDeck('b', 2))];
    };
    expect(await repository.ensureBundledDecks('hash-1', load)).toEqual({ added: ['a', 'b'], updated: [] });
    expect(await repository.ensureBundledDecks('hash-1', load)).toEqual({ added: [], updated: [] });
    expect(loads).toBe(1);
    expect((await repository.decks()).map((deck) => deck.id)).toEqual(['a', 'b']);
  });
});

describe('Repository counts and queue', () => {
  it('limits the new count to the daily limit', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 30)), 'bundled');
    expect(await repository.countsFor('d', NOW, ZONE)).toEqual({ new: DEFAULT_PRESET.newPerDay, learning: 0, due: 0 });
  });

  it('moves a graded new card to learning', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 30)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1000 });
    expect(await repository.countsFor('d', NOW, ZONE)).toEqual({ new: 19, learning: 1, due: 0 });
  });

  it('shows new cards in deck order, then a learning card once due', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    expect((await repository.nextItem('d', NOW, ZONE))?.schedule.cardKey).toBe('d/c0');
    const { schedule } = await repository.grade({ cardKey: 'd/c0', rating: 'again', now: NOW, timeZone: ZONE, durationMs: 1000 });
    expect((await repository.nextItem('d', NOW, ZONE))?.schedule.cardKey).toBe('d/c1');
    expect((await repository.nextItem('d', schedule.due, ZONE))?.schedule.cardKey).toBe('d/c0');
  });

  it('returns nothing when the daily new limit is spent', async () => {
    const repository = freshRepository();
    await repository.db.settings.put({ key: 'preset:default', value: { ...DEFAULT_PRESET, newPerDay: 1 } });
    await repository.saveDeck(source(basicDeck('d', 3)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'easy', now: NOW, timeZone: ZONE, durationMs: 1000 });
    expect(await repository.nextItem('d', NOW, ZONE)).toBeUndefined();
    expect(await repository.countsFor('d', NOW, ZONE)).toEqual({ new: 0, learning: 0, due: 0 });
  });
});

describe('Repository.grade', () => {
  it('appends a review holding the schedule before it', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 1)), 'bundled');
    const before = await repository.db.schedules.get('d/c0');
    const { review, schedule } = await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 4200 });
    expect(review.before).toEqual(before);
    expect(review.after).toEqual({ state: schedule.state, due: schedule.due });
    expect(review.time).toBe(NOW);
    expect(review.durationMs).toBe(4200);
    expect(await repository.db.reviews.count()).toBe(1);
  });

  it('applies two quick grades of one card in order', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 1)), 'bundled');
    await Promise.all([
      repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 }),
      repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 }),
    ]);
    expect((await repository.db.schedules.get('d/c0'))?.reps).toBe(2);
  });

  it('rejects a card that has no schedule', async () => {
    const repository = freshRepository();
    await expect(repository.grade({ cardKey: 'd/missing', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 })).rejects.toMatchObject({ name: 'StorageFault' });
    expect(await repository.db.reviews.count()).toBe(0);
  });
});

describe('Repository.undoLast', () => {
  it('restores the exact schedule and removes the review', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 });
    const afterFirst = await repository.db.schedules.get('d/c0');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW + 600_000, timeZone: ZONE, durationMs: 1 });

    expect(await repository.undoLast('d')).toBe('d/c0');
    expect(await repository.db.schedules.get('d/c0')).toEqual(afterFirst);
    expect(await repository.reviewCount('d')).toBe(1);

    expect(await repository.undoLast('d')).toBe('d/c0');
    expect((await repository.db.schedules.get('d/c0'))?.state).toBe('new');
    expect(await repository.undoLast('d')).toBeUndefined();
  });
});

describe('Repository with cloze cards', () => {
  it('schedules each deletion number on its own', async () => {
    const repository = freshRepository();
    const deck = basicDeck('d', 1);
    deck.cards.push({ id: 'z', type: 'cloze', text: '{{c1::FROM}} starts a stage; {{c2::RUN}} runs at build time.' });
    await repository.saveDeck(source(deck), 'bundled');
    expect((await repository.db.schedules.toArray()).map((schedule) => schedule.cardKey)).toEqual(['d/c0', 'd/z#c1', 'd/z#c2']);

    await repository.grade({ cardKey: 'd/c0', rating: 'easy', now: NOW, timeZone: ZONE, durationMs: 1 });
    const next = await repository.nextItem('d', NOW, ZONE);
    expect(next?.schedule.cardKey).toBe('d/z#c1');
    expect(next?.cloze).toBe(1);
    expect(next?.card.id).toBe('z');
  });
});

describe('Repository bury and suspend', () => {
  it('buries an item until the next study day', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    await repository.bury('d/c0', NOW, ZONE);
    expect((await repository.nextItem('d', NOW, ZONE))?.schedule.cardKey).toBe('d/c1');
    expect((await repository.countsFor('d', NOW, ZONE)).new).toBe(1);
    const tomorrow = NOW + 86_400_000;
    expect((await repository.nextItem('d', tomorrow, ZONE))?.schedule.cardKey).toBe('d/c0');
  });

  it('suspends an item until it is unsuspended', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 1)), 'bundled');
    await repository.suspend('d/c0');
    expect(await repository.nextItem('d', NOW + 30 * 86_400_000, ZONE)).toBeUndefined();
    expect((await repository.countsFor('d', NOW, ZONE)).new).toBe(0);
    await repository.unsuspend('d/c0');
    expect((await repository.nextItem('d', NOW, ZONE))?.schedule.cardKey).toBe('d/c0');
  });

  it('keeps the schedule of a suspended item', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 1)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 });
    const before = await repository.db.schedules.get('d/c0');
    await repository.suspend('d/c0');
    expect(await repository.db.schedules.get('d/c0')).toEqual(before);
  });
});

describe('Repository presets', () => {
  it('uses a deck preset over the shared default', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 30)), 'bundled');
    await repository.savePreset({ ...DEFAULT_PRESET, newPerDay: 5 });
    expect((await repository.countsFor('d', NOW, ZONE)).new).toBe(5);
    await repository.savePreset({ ...DEFAULT_PRESET, newPerDay: 7 }, 'd');
    expect((await repository.countsFor('d', NOW, ZONE)).new).toBe(7);
    expect((await repository.deckPreset('d')).own).toBe(true);
    await repository.clearDeckPreset('d');
    expect((await repository.countsFor('d', NOW, ZONE)).new).toBe(5);
  });
});

describe('Repository with a damaged schedule', () => {
  it('reports a schedule with a renamed field and leaves it unchanged', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 1)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 });
    const stored = (await repository.db.schedules.get('d/c0'))!;
    const { due, ...rest } = stored;
    const damaged = { ...rest, dueAt: due };
    await repository.db.schedules.put(damaged as never);

    await expect(repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW + 3_600_000, timeZone: ZONE, durationMs: 1 })).rejects.toMatchObject({ code: 'invalid-record' });
    await expect(repository.item('d/c0')).rejects.toMatchObject({ code: 'invalid-record' });
    expect(await repository.db.schedules.get('d/c0')).toEqual(damaged);
    expect(await repository.reviewCount('d')).toBe(1);
  });
});

describe('Repository with damaged options', () => {
  it('reports stored options with a step of a day', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 1)), 'bundled');
    await repository.db.settings.put({ key: 'preset:deck:d', value: { ...DEFAULT_PRESET, learningSteps: ['1d'] } });
    await expect(repository.preset('d')).rejects.toMatchObject({ code: 'invalid-record' });
  });

  it('fills options missing from an older version with defaults', async () => {
    const repository = freshRepository();
    await repository.db.settings.put({ key: 'preset:default', value: { newPerDay: 7 } });
    expect(await repository.preset()).toEqual({ ...DEFAULT_PRESET, newPerDay: 7 });
  });
});

describe('Repository capped counts', () => {
  it('subtracts held items from a count capped at the daily limit', async () => {
    const repository = freshRepository();
    await repository.savePreset({ ...DEFAULT_PRESET, newPerDay: 28 });
    await repository.saveDeck(source(basicDeck('d', 30)), 'bundled');
    for (const key of ['d/c0', 'd/c1', 'd/c2']) await repository.suspend(key);
    expect((await repository.countsFor('d', NOW, ZONE)).new).toBe(27);
  });

  it('tells whether a deck has reviews without counting them', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    expect(await repository.hasReviews('d')).toBe(false);
    expect(await repository.hasReviews()).toBe(false);
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1 });
    expect(await repository.hasReviews('d')).toBe(true);
    expect(await repository.hasReviews('other')).toBe(false);
  });
});
