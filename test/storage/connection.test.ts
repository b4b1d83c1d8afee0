import { indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { StorageFault } from '../../src/storage/errors';
import { basicDeck, freshRepository, source } from './support';

const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');

/** Opens the raw IndexedDB database at `version`, as another tab with another app version would. */
function openRaw(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('Repository after a lost connection', () => {
  it('reopens the database and runs the operation again', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    repository.db.close();

    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 500 });

    expect(repository.db.isOpen()).toBe(true);
    expect(await repository.reviewCount()).toBe(1);
  });

  it('reports the fault when the retry fails too', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    const closed = Object.assign(new Error('The database connection is closing.'), { name: 'InvalidStateError' });
    const count = vi.spyOn(repository.db.Table.prototype, 'count').mockImplementation(() => {
      throw closed;
    });

    await expect(repository.reviewCount()).rejects.toMatchObject({ name: 'StorageFault', code: 'connection-lost' });
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('does not retry other faults', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    const full = Object.assign(new Error('Quota exceeded.'), { name: 'QuotaExceededError' });
    const count = vi.spyOn(repository.db.Table.prototype, 'count').mockImplementation(() => {
      throw full;
    });

    await expect(repository.reviewCount()).rejects.toMatchObject({ code: 'quota-exceeded' });
    expect(count).toHaveBeenCalledTimes(1);
  });
});

describe('Repository when another tab changes the database', () => {
  it('closes and reports a newer version, and stores nothing after it', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 500 });
    const faults: StorageFault[] = [];
    repository.onConnectionFault((fault) => faults.push(fault));

    // The other tab's upgrade goes through because this tab closes its connection.
    const newer = await openRaw(repository.db.name, 1000);

    expect(faults.map((fault) => fault.code)).toEqual(['newer-version-open']);
    await expect(
      repository.grade({ cardKey: 'd/c1', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 500 }),
    ).rejects.toMatchObject({ code: 'newer-version-open' });
    const reviews = await new Promise<number>((resolve) => {
      const request = newer.transaction('reviews').objectStore('reviews').count();
      request.onsuccess = () => resolve(request.result);
    });
    expect(reviews).toBe(1);
    newer.close();
  });

  it('reports an upgrade blocked by an older connection, then opens', async () => {
    const repository = freshRepository();
    const older = await openRaw(repository.db.name, 1);
    const faults: StorageFault[] = [];
    repository.onConnectionFault((fault) => faults.push(fault));

    const opening = repository.open();
    await vi.waitFor(() => expect(faults.map((fault) => fault.code)).toEqual(['upgrade-blocked']));
    older.close();
    await opening;

    expect(repository.db.isOpen()).toBe(true);
  });
});

describe('Repository.idle', () => {
  it('waits for a grade in flight', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');

    const grading = repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 500 });
    let stored = false;
    void grading.then(() => (stored = true));
    await repository.idle();

    expect(stored).toBe(true);
  });

  it('resolves at once with nothing in flight', async () => {
    await expect(freshRepository().idle()).resolves.toBeUndefined();
  });
});

describe('Repository.onGraded', () => {
  it('is called after a grade is stored, not after a failed one', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(basicDeck('d', 2)), 'bundled');
    const graded = vi.fn();
    repository.onGraded(graded);

    await repository.grade({ cardKey: 'd/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 500 });
    await expect(repository.grade({ cardKey: 'd/missing', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 500 })).rejects.toThrow();

    expect(graded).toHaveBeenCalledTimes(1);
  });
});
