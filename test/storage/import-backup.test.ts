import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup, serializeBackup, tableNames } from '../../src/storage/backup';
import type { Backup } from '../../src/storage/backup';
import { mergeBackup } from '../../src/storage/import-backup';
import type { Repository } from '../../src/storage/repository';
import { basicDeck, freshRepository, source } from './support';

const ZONE = 'UTC';
const NOW = Date.UTC(2026, 0, 15, 10);
const HOUR = 3_600_000;

async function backupOf(repository: Repository): Promise<Backup> {
  const result = parseBackup(serializeBackup(await exportBackup(repository.db, NOW)), tableNames(repository.db));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.backup;
}

async function grade(repository: Repository, cardKey: string, now: number): Promise<void> {
  await repository.grade({ cardKey, rating: 'good', now, timeZone: ZONE, durationMs: 1000 });
}

describe('mergeBackup', () => {
  it('adds decks, cards, schedules and reviews only the backup has', async () => {
    const other = freshRepository();
    await other.saveDeck(source(basicDeck('b', 2)), 'imported');
    await grade(other, 'b/c0', NOW);
    await other.db.media.put({ key: 'b/x.png', deckId: 'b', name: 'x.png', type: 'image/png', data: 'AAE=' });

    const local = freshRepository();
    await local.saveDeck(source(basicDeck('a', 1)), 'imported');
    await grade(local, 'a/c0', NOW);

    const report = await mergeBackup(local.db, await backupOf(other));
    expect(report).toEqual({ decksAdded: 1, decksUpdated: 0, reviewsAdded: 1, schedulesTaken: 2 });
    expect((await local.db.decks.orderBy('position').toArray()).map((deck) => [deck.id, deck.position])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(await local.db.cards.count()).toBe(3);
    expect((await local.db.reviews.toArray()).map((review) => review.cardKey).sort()).toEqual(['a/c0', 'b/c0']);
    expect(await local.db.schedules.get('b/c0')).toEqual(await other.db.schedules.get('b/c0'));
    expect(await local.db.media.get('b/x.png')).toMatchObject({ data: 'AAE=' });
  });

  it('appends reviews without duplicates and takes the newer schedule', async () => {
    const local = freshRepository();
    await local.saveDeck(source(basicDeck('a', 2)), 'imported');
    await grade(local, 'a/c0', NOW);
    const backup = await backupOf(local);

    // After the backup, this device grades c0 again; the backup's c1 is newer on the other side.
    await grade(local, 'a/c0', NOW + HOUR);
    const newerLocal = await local.db.schedules.get('a/c0');

    const other = freshRepository();
    await other.saveDeck(source(basicDeck('a', 2)), 'imported');
    await grade(other, 'a/c0', NOW);
    await grade(other, 'a/c1', NOW + 2 * HOUR);
    const otherBackup = await backupOf(other);

    await mergeBackup(local.db, backup);
    expect(await local.db.reviews.count()).toBe(2);

    const report = await mergeBackup(local.db, otherBackup);
    expect(report.reviewsAdded).toBe(1);
    expect(await local.db.reviews.count()).toBe(3);
    expect(await local.db.schedules.get('a/c0')).toEqual(newerLocal);
    expect(await local.db.schedules.get('a/c1')).toEqual(await other.db.schedules.get('a/c1'));
  });

  it('takes deck content from the side updated later', async () => {
    const local = freshRepository();
    await local.saveDeck(source(basicDeck('a', 2, 'Old title')), 'imported');
    await local.db.decks.update('a', { updatedAt: 1 });

    const other = freshRepository();
    await other.saveDeck(source(basicDeck('a', 3, 'New title')), 'imported');
    await other.db.decks.update('a', { updatedAt: 2 });

    expect(await mergeBackup(local.db, await backupOf(other))).toMatchObject({ decksAdded: 0, decksUpdated: 1 });
    expect(await local.db.decks.get('a')).toMatchObject({ title: 'New title', cardCount: 3, position: 0 });
    expect(await local.db.cards.where('deckId').equals('a').count()).toBe(3);
    expect((await local.db.schedules.where('deckId').equals('a').toArray()).map((schedule) => schedule.cardKey).sort()).toEqual(['a/c0', 'a/c1', 'a/c2']);
  });

  it('keeps local settings and adds missing ones', async () => {
    const local = freshRepository();
    await local.db.settings.put({ key: 'theme', value: 'dark' });
    const other = freshRepository();
    await other.db.settings.bulkPut([
      { key: 'theme', value: 'light' },
      { key: 'extra', value: 1 },
    ]);
    await mergeBackup(local.db, await backupOf(other));
    expect(await local.db.settings.toArray()).toEqual([
      { key: 'extra', value: 1 },
      { key: 'theme', value: 'dark' },
    ]);
  });

  it('changes nothing when merging the same backup twice', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('a', 2)), 'imported');
    await grade(repository, 'a/c0', NOW);
    const backup = await backupOf(repository);
    const before = await backupOf(repository);
    await mergeBackup(repository.db, backup);
    await mergeBackup(repository.db, backup);
    expect((await backupOf(repository)).tables).toEqual(before.tables);
  });
});
