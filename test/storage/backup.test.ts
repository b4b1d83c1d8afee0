import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { backupFileName, exportBackup, parseBackup, restoreBackup, serializeBackup, tableNames } from '../../src/storage/backup';
import type { Backup } from '../../src/storage/backup';
import type { Repository } from '../../src/storage/repository';
import { basicDeck, freshRepository, source } from './support';

const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');

/** A repository with two decks, three grades, a buried card and a saved setting. */
async function populated(): Promise<Repository> {
  const repository = freshRepository();
  await repository.saveDeck(source(basicDeck('a', 3)), 'bundled');
  await repository.saveDeck(source(basicDeck('b', 2)), 'imported');
  await repository.grade({ cardKey: 'a/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 1200 });
  await repository.grade({ cardKey: 'a/c1', rating: 'again', now: NOW + 1000, timeZone: ZONE, durationMs: 900 });
  await repository.grade({ cardKey: 'b/c0', rating: 'easy', now: NOW + 2000, timeZone: ZONE, durationMs: 700 });
  await repository.bury('a/c2', NOW, ZONE);
  await repository.db.settings.put({ key: 'theme', value: { dark: true } });
  return repository;
}

/** Every table's records, for comparing two databases. */
async function snapshot(repository: Repository): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of repository.db.tables) tables[table.name] = await table.toArray();
  return tables;
}

async function exportedText(repository: Repository): Promise<string> {
  return serializeBackup(await exportBackup(repository.db, NOW));
}

/** Parses backup text that must be valid. */
function parsed(text: string, repository: Repository): Backup {
  const result = parseBackup(text, tableNames(repository.db));
  if (!result.ok) throw new Error(`expected a valid backup, got problems:\n${result.problems.join('\n')}`);
  return result.backup;
}

/** Exports `repository`, lets `edit` change the parsed JSON, and returns the problems parseBackup reports. */
async function problemsAfter(edit: (file: Record<string, any>) => void): Promise<string[]> {
  const repository = await populated();
  const file = JSON.parse(await exportedText(repository));
  edit(file);
  const result = parseBackup(JSON.stringify(file), tableNames(repository.db));
  return result.ok ? [] : result.problems;
}

describe('exportBackup', () => {
  it('writes the header and every table', async () => {
    const repository = await populated();
    const backup = await exportBackup(repository.db, NOW);

    expect(backup.format).toBe('layerdeck.backup');
    expect(backup.version).toBe(1);
    expect(backup.exportedAt).toBe('2026-01-15T09:00:00.000Z');
    expect(Object.keys(backup.tables).sort()).toEqual(tableNames(repository.db));
    expect(backup.tables.reviews).toHaveLength(3);
    expect(backup.tables.decks).toHaveLength(2);
    expect(backup.tables.holds).toHaveLength(1);
  });

  it('names the file by the local date', () => {
    // 23:30 UTC on 14 January is already 15 January in Berlin.
    const lateEvening = Date.parse('2026-01-14T23:30:00Z');
    expect(backupFileName(lateEvening, ZONE)).toBe('layerdeck-backup-2026-01-15.json');
    expect(backupFileName(lateEvening, 'UTC')).toBe('layerdeck-backup-2026-01-14.json');
  });
});

describe('restoreBackup', () => {
  it('restores every record losslessly', async () => {
    const original = await populated();
    const text = await exportedText(original);

    const target = freshRepository();
    await restoreBackup(target.db, parsed(text, target));

    expect(await snapshot(target)).toEqual(await snapshot(original));
  });

  it('replaces what was stored before', async () => {
    const original = await populated();
    const text = await exportedText(original);
    const target = freshRepository();
    await target.saveDeck(source(basicDeck('other', 4)), 'created');
    await target.grade({ cardKey: 'other/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 100 });

    await restoreBackup(target.db, parsed(text, target));

    expect((await target.decks()).map((deck) => deck.id)).toEqual(['a', 'b']);
    expect(await target.db.cards.where('deckId').equals('other').count()).toBe(0);
    expect(await target.reviewCount()).toBe(3);
  });

  it('keeps review ids, so undo still takes the newest', async () => {
    const original = await populated();
    const target = freshRepository();
    await restoreBackup(target.db, parsed(await exportedText(original), target));

    expect(await target.undoLast('a')).toBe('a/c1');
    expect(await target.reviewCount('a')).toBe(1);
  });

  it('changes nothing when a write fails part way', async () => {
    const original = await populated();
    const backup = parsed(await exportedText(original), original);
    const target = freshRepository();
    await target.saveDeck(source(basicDeck('kept', 2)), 'created');
    await target.grade({ cardKey: 'kept/c0', rating: 'good', now: NOW, timeZone: ZONE, durationMs: 100 });
    const before = await snapshot(target);
    const full = new DOMException('The quota was exceeded.', 'QuotaExceededError');
    // Every table of one database shares its Table prototype; fail the write of the reviews table only.
    const bulkAdd = target.db.Table.prototype.bulkAdd;
    vi.spyOn(target.db.Table.prototype, 'bulkAdd').mockImplementation(function (this: Table, ...args: Parameters<Table['bulkAdd']>) {
      return this.name === 'reviews' ? Dexie.Promise.reject(full) : bulkAdd.apply(this, args);
    });

    await expect(restoreBackup(target.db, backup)).rejects.toMatchObject({ code: 'quota-exceeded' });

    expect(await snapshot(target)).toEqual(before);
  });
});

describe('parseBackup', () => {
  it('accepts an exported backup and sums it up', async () => {
    const repository = await populated();
    const result = parseBackup(await exportedText(repository), tableNames(repository.db));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toEqual({ exportedAt: '2026-01-15T09:00:00.000Z', decks: 2, cards: 5, reviews: 3 });
  });

  it('restores a table missing from an older backup as empty', async () => {
    const repository = await populated();
    const file = JSON.parse(await exportedText(repository));
    delete file.tables.holds;

    const backup = parsed(JSON.stringify(file), repository);

    expect(backup.tables.holds).toEqual([]);
  });

  it('rejects text that is not JSON', () => {
    const result = parseBackup('{"format": "layerdeck.backup",', ['decks']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^the file is not valid JSON/);
  });

  it.each([
    ['a deck file', (file: Record<string, any>) => (file.format = 'layerdeck.deck'), 'format: expected "layerdeck.backup", got "layerdeck.deck"; this is not a Layerdeck backup file'],
    ['a newer version', (file: Record<string, any>) => (file.version = 2), 'version: this backup uses format version 2, but this version of Layerdeck reads up to 1; update Layerdeck to restore it'],
    ['a version that is not an integer', (file: Record<string, any>) => (file.version = '1'), 'version: expected an integer of at least 1, got "1"'],
    ['a bad export time', (file: Record<string, any>) => (file.exportedAt = 'yesterday'), 'exportedAt: expected an ISO 8601 time, got "yesterday"'],
    ['a missing table', (file: Record<string, any>) => delete file.tables.reviews, 'tables.reviews: is required but missing'],
    ['an unknown table', (file: Record<string, any>) => (file.tables.notes = []), 'tables.notes: is not a table of this version of Layerdeck (known: cards, decks, holds, media, reviews, schedules, settings)'],
    ['a table that is not an array', (file: Record<string, any>) => (file.tables.decks = {}), 'tables.decks: expected an array, got an object'],
    ['an unknown rating', (file: Record<string, any>) => (file.tables.reviews[1].rating = 'ok'), 'tables.reviews[1].rating: expected one of again, hard, good, easy, got "ok"'],
    ['a review without an id', (file: Record<string, any>) => delete file.tables.reviews[0].id, 'tables.reviews[0].id: is required but missing'],
    ['a schedule due that is not a number', (file: Record<string, any>) => (file.tables.schedules[0].due = null), 'tables.schedules[0].due: expected a number, got null'],
    ['a bad schedule kept in a review', (file: Record<string, any>) => (file.tables.reviews[0].before.state = 'done'), 'tables.reviews[0].before.state: expected one of new, learning, review, relearning, got "done"'],
    ['a duplicate key', (file: Record<string, any>) => (file.tables.decks[1].id = 'a'), 'tables.decks[1].id: duplicates the key of tables.decks[0] ("a")'],
    ['a card of a missing deck', (file: Record<string, any>) => (file.tables.cards[4].deckId = 'gone'), 'tables.cards[4].deckId: names deck "gone", which is not in tables.decks'],
    ['invalid card content', (file: Record<string, any>) => delete file.tables.cards[1].content.back, 'tables.cards[1].content.back: is required but missing'],
  ])('rejects %s', async (_name, edit, expected) => {
    expect(await problemsAfter(edit)).toContain(expected);
  });

  it('lists at most 20 problems', async () => {
    const problems = await problemsAfter((file) => {
      for (const review of file.tables.reviews) review.rating = 'ok';
      file.tables.schedules = file.tables.schedules.map(() => ({}));
    });
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatch(/^and \d+ more problems$/);
  });
});
