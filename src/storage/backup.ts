/**
 * Backups: every table of the database in one JSON file, and a restore that replaces everything.
 *
 * A backup starts with `"format": "layerdeck.backup"` and an integer `"version"`, so a reader can
 * reject a file before reading its body. Restore validates the header and every record of every
 * table first and writes nothing unless all of it is valid. The write is one transaction, so a
 * failure part way (a full disk) leaves the stored data as it was.
 */
import type { Table } from 'dexie';
import { DECK_FORMAT, DECK_FORMAT_VERSION, formatProblem, parseDeck } from '../domain/deck/format';
import { describe, joinPath } from '../domain/deck/shape';
import type { Problem, Shape } from '../domain/deck/shape';
import { GRADE_NAMES } from '../domain/schedule/fsrs-adapter';
import type { LayerdeckDatabase } from './db';
import { classifyStorageError } from './errors';

export const BACKUP_FORMAT = 'layerdeck.backup';
export const BACKUP_VERSION = 1;

/** Tables every backup must have. Tables added later (`holds`) may be missing from older backups and restore as empty. */
export const REQUIRED_TABLES = ['decks', 'cards', 'schedules', 'reviews', 'settings'] as const;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** Records of each table, exactly as stored, keyed by table name. */
  tables: Record<string, Record<string, unknown>[]>;
}

/** Counts of a valid backup, shown to the learner before a restore. */
export interface BackupSummary {
  readonly exportedAt: string;
  readonly decks: number;
  readonly cards: number;
  readonly reviews: number;
}

export type BackupCheck = { ok: true; backup: Backup; summary: BackupSummary } | { ok: false; problems: string[] };

/** Maximum number of problems listed, because a broken file can have thousands. */
const MAX_PROBLEMS = 20;

// Record shapes. They check the fields the app relies on and keep fields that a later version added.

function finiteNumber(): Shape<number> {
  return {
    read(value, path, problems) {
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      problems.push({ path, message: `expected a number, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ type: 'number' }),
  };
}

function oneOf<const T extends string>(values: readonly T[]): Shape<T> {
  return {
    read(value, path, problems) {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
      problems.push({ path, message: `expected one of ${values.join(', ')}, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ enum: [...values] }),
  };
}

function text(): Shape<string> {
  return {
    read(value, path, problems) {
      if (typeof value === 'string' && value !== '') return value;
      problems.push({ path, message: `expected a non-empty string, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ type: 'string' }),
  };
}

/** Any string, also an empty one (a typed answer may be blank). */
function anyString(): Shape<string> {
  return {
    read(value, path, problems) {
      if (typeof value === 'string') return value;
      problems.push({ path, message: `expected a string, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ type: 'string' }),
  };
}

function trueOrFalse(): Shape<boolean> {
  return {
    read(value, path, problems) {
      if (typeof value === 'boolean') return value;
      problems.push({ path, message: `expected true or false, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ type: 'boolean' }),
  };
}

function stringList(): Shape<string[]> {
  return {
    read(value, path, problems) {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
      problems.push({ path, message: `expected an array of strings, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ type: 'array', items: { type: 'string' } }),
  };
}

/** Any JSON value, as a setting holds. */
function anyValue(): Shape<unknown> {
  return { read: (value) => value, schema: () => ({}) };
}

function integer(min: number): Shape<number> {
  return {
    read(value, path, problems) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
      problems.push({ path, message: `expected an integer of at least ${min}, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ type: 'integer', minimum: min }),
  };
}

type FieldShape = Shape<unknown> & { readonly optional?: boolean; readonly nullable?: boolean };

const optional = (shape: Shape<unknown>): FieldShape => ({ ...shape, optional: true });
const nullable = (shape: Shape<unknown>): FieldShape => ({ ...shape, nullable: true });

/** Checks the listed fields of an object and passes other fields through, so newer records restore whole. */
function record(fields: Record<string, FieldShape>): Shape<Record<string, unknown>> {
  return {
    read(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path, message: `expected an object, got ${describe(value)}` });
        return undefined;
      }
      const fieldsOf = value as Record<string, unknown>;
      const before = problems.length;
      for (const [key, shape] of Object.entries(fields)) {
        const field = fieldsOf[key];
        if (field === undefined) {
          if (!shape.optional) problems.push({ path: joinPath(path, key), message: 'is required but missing' });
        } else if (!(field === null && shape.nullable)) {
          shape.read(field, joinPath(path, key), problems);
        }
      }
      return problems.length === before ? fieldsOf : undefined;
    },
    schema: () => ({ type: 'object' }),
  };
}

const SCHEDULE_STATES = ['new', 'learning', 'review', 'relearning'] as const;

const scheduleShape = record({
  cardKey: text(),
  deckId: text(),
  state: oneOf(SCHEDULE_STATES),
  due: finiteNumber(),
  stability: finiteNumber(),
  difficulty: finiteNumber(),
  reps: integer(0),
  lapses: integer(0),
  step: integer(0),
  scheduledDays: finiteNumber(),
  lastReview: nullable(finiteNumber()),
});

/** Shapes of the tables a backup may hold, with the field that is each table's primary key. */
const TABLE_SHAPES: Record<string, { key: string; shape: Shape<Record<string, unknown>> }> = {
  decks: {
    key: 'id',
    shape: record({
      id: text(),
      title: text(),
      description: optional(text()),
      origin: oneOf(['bundled', 'imported', 'created']),
      formatVersion: integer(1),
      contentHash: text(),
      cardCount: integer(0),
      position: finiteNumber(),
      updatedAt: finiteNumber(),
    }),
  },
  cards: {
    key: 'key',
    // The content is checked against the deck format separately, deck by deck.
    shape: record({ key: text(), deckId: text(), position: finiteNumber(), content: record({ id: text(), type: text() }) }),
  },
  schedules: { key: 'cardKey', shape: scheduleShape },
  reviews: {
    key: 'id',
    shape: record({
      id: integer(1),
      cardKey: text(),
      deckId: text(),
      time: finiteNumber(),
      rating: oneOf(GRADE_NAMES),
      durationMs: finiteNumber(),
      check: optional(record({ answer: anyString(), correct: trueOrFalse(), codes: stringList() })),
      before: scheduleShape,
      after: record({ state: oneOf(SCHEDULE_STATES), due: finiteNumber() }),
    }),
  },
  settings: { key: 'key', shape: record({ key: text(), value: optional(anyValue()) }) },
  holds: {
    key: 'cardKey',
    shape: record({ cardKey: text(), deckId: text(), kind: oneOf(['buried', 'suspended']), until: optional(finiteNumber()) }),
  },
  media: {
    key: 'key',
    // `data` is base64 and may be empty for an empty file.
    shape: record({ key: text(), deckId: text(), name: text(), type: text(), data: anyString() }),
  },
};

/** Names of the tables the database has, so a backup covers new tables without a change here. */
export function tableNames(db: LayerdeckDatabase): string[] {
  return db.tables.map((table) => table.name).sort();
}

/**
 * Reads every table in one read transaction, so the backup is one consistent moment even while
 * another tab writes.
 */
export async function exportBackup(db: LayerdeckDatabase, now: number): Promise<Backup> {
  try {
    return await db.transaction('r', db.tables, async () => {
      const tables: Backup['tables'] = {};
      for (const table of db.tables) tables[table.name] = (await table.toArray()) as Record<string, unknown>[];
      return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), tables };
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}

/** `layerdeck-backup-YYYY-MM-DD.json`, with the date in the given time zone. */
export function backupFileName(now: number, timeZone: string): string {
  // The Swedish locale writes dates as YYYY-MM-DD.
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `layerdeck-backup-${date}.json`;
}

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup)}\n`;
}

/**
 * Validates backup file text: the header first, then every record of every table, then that
 * cards and schedules belong to a deck in the backup. Returns every problem with its keypath.
 */
export function parseBackup(text: string, knownTables: readonly string[]): BackupCheck {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`the file is not valid JSON: ${error instanceof SyntaxError ? error.message : String(error)}`] };
  }

  const headerProblems = checkHeader(value);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  const file = value as { exportedAt: string; tables: Record<string, unknown> };

  const problems: Problem[] = [];
  const tables: Backup['tables'] = {};
  for (const name of REQUIRED_TABLES) {
    if (!(name in file.tables)) problems.push({ path: `tables.${name}`, message: 'is required but missing' });
  }
  for (const [name, rows] of Object.entries(file.tables)) {
    const path = joinPath('tables', name);
    const table = TABLE_SHAPES[name];
    if (!table || !knownTables.includes(name)) {
      problems.push({ path, message: `is not a table of this version of Layerdeck (known: ${knownTables.join(', ')})` });
      continue;
    }
    const records = readTable(rows, path, table, problems);
    if (records) tables[name] = records;
  }
  if (problems.length === 0) {
    checkCardContent(tables.cards ?? [], problems);
    checkDeckReferences(tables, problems);
  }
  if (problems.length > 0) return { ok: false, problems: limit(problems.map(formatProblem)) };

  for (const name of knownTables) tables[name] ??= [];
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: file.exportedAt, tables };
  return {
    ok: true,
    backup,
    summary: { exportedAt: file.exportedAt, decks: tables.decks!.length, cards: tables.cards!.length, reviews: tables.reviews!.length },
  };
}

function checkHeader(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`expected a backup object, got ${describe(value)}`];
  const header = value as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    return [`format: expected "${BACKUP_FORMAT}", got ${describe(header.format)}; this is not a Layerdeck backup file`];
  }
  if (typeof header.version !== 'number' || !Number.isInteger(header.version) || header.version < 1) {
    return [`version: expected an integer of at least 1, got ${describe(header.version)}`];
  }
  if (header.version > BACKUP_VERSION) {
    return [`version: this backup uses format version ${header.version}, but this version of Layerdeck reads up to ${BACKUP_VERSION}; update Layerdeck to restore it`];
  }
  const problems: string[] = [];
  if (typeof header.exportedAt !== 'string' || Number.isNaN(Date.parse(header.exportedAt))) {
    problems.push(`exportedAt: expected an ISO 8601 time, got ${describe(header.exportedAt)}`);
  }
  if (typeof header.tables !== 'object' || header.tables === null || Array.isArray(header.tables)) {
    problems.push(`tables: expected an object, got ${describe(header.tables)}`);
  }
  return problems;
}

function readTable(
  rows: unknown,
  path: string,
  table: { key: string; shape: Shape<Record<string, unknown>> },
  problems: Problem[],
): Record<string, unknown>[] | undefined {
  if (!Array.isArray(rows)) {
    problems.push({ path, message: `expected an array, got ${describe(rows)}` });
    return undefined;
  }
  const before = problems.length;
  const firstIndex = new Map<unknown, number>();
  const records: Record<string, unknown>[] = [];
  rows.forEach((row, index) => {
    const rowPath = joinPath(path, index);
    const read = table.shape.read(row, rowPath, problems);
    if (!read) return;
    const key = read[table.key];
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) {
      problems.push({ path: joinPath(rowPath, table.key), message: `duplicates the key of ${joinPath(path, earlier)} (${describe(key)})` });
    }
    firstIndex.set(key, index);
    records.push(read);
  });
  return problems.length === before ? records : undefined;
}

/** Checks each card's content with the deck format's own rules, deck by deck. */
function checkCardContent(cards: Record<string, unknown>[], problems: Problem[]): void {
  const byDeck = new Map<string, number[]>();
  cards.forEach((card, index) => {
    const deckId = card.deckId as string;
    byDeck.set(deckId, [...(byDeck.get(deckId) ?? []), index]);
  });
  for (const [deckId, indexes] of byDeck) {
    const result = parseDeck({ format: DECK_FORMAT, version: DECK_FORMAT_VERSION, id: deckId, title: deckId, cards: indexes.map((index) => cards[index]!.content) });
    if (result.ok) continue;
    for (const problem of result.problems) {
      // Problem paths read `cards[i]...`, where i counts this deck's cards only.
      const path = problem.path.replace(/^cards\[(\d+)\]/, (_, position: string) => `tables.cards[${indexes[Number(position)]}].content`);
      problems.push({ path, message: problem.message });
    }
  }
}

/** Checks that cards, schedules and holds name a deck of the backup. Reviews of removed decks may stay in the log. */
function checkDeckReferences(tables: Backup['tables'], problems: Problem[]): void {
  const deckIds = new Set((tables.decks ?? []).map((deck) => deck.id));
  for (const name of ['cards', 'schedules', 'holds']) {
    (tables[name] ?? []).forEach((row, index) => {
      if (!deckIds.has(row.deckId)) {
        problems.push({ path: `tables.${name}[${index}].deckId`, message: `names deck ${describe(row.deckId)}, which is not in tables.decks` });
      }
    });
  }
}

function limit(lines: string[]): string[] {
  if (lines.length <= MAX_PROBLEMS) return lines;
  return [...lines.slice(0, MAX_PROBLEMS), `and ${lines.length - MAX_PROBLEMS} more problems`];
}

/**
 * Replaces everything stored with the backup's records, in one transaction: every table is
 * cleared and refilled, or, when anything fails, nothing changes. The backup must come from
 * `parseBackup`.
 */
export async function restoreBackup(db: LayerdeckDatabase, backup: Backup): Promise<void> {
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        await (table as Table<Record<string, unknown>, unknown>).bulkAdd(backup.tables[table.name] ?? []);
      }
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}
