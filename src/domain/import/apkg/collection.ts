/**
 * Reads the rows an import needs from an Anki collection database, in either schema:
 *
 * - schema 11 (package versions 1 and 2): note types and decks are JSON in the single `col` row
 *   (`col.models`: `{"<id>": {"name", "type": 0 standard or 1 cloze, "flds": [{"name", "ord"}],
 *   "tmpls": [{"name", "ord", "qfmt", "afmt"}]}}`, `col.decks`: `{"<id>": {"name"}}`).
 * - schema 18 (version 3): tables `notetypes` (config: protobuf whose field 1 is the kind),
 *   `fields`, `templates` (config: protobuf with 1 q_format, 2 a_format) and `decks`, whose
 *   names separate levels with U+001F instead of `::`.
 *
 * Both keep `notes` (flds: field values joined by U+001F, tags: space-separated) and `cards`
 * (nid, did, odid: the home deck of a card in a filtered deck, ord: the template, or the cloze
 * number minus one). They keep `revlog` too (id: epoch ms of the review, cid, ease: 1-4 or 0
 * for a manual change, ivl, type: 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual,
 * 5 rescheduled, time: milliseconds spent).
 */
import { firstString, firstVarint, readFields } from './protobuf';

/** The part of a sql.js `Database` this module uses, so Node and the browser can pass theirs. */
export interface SqliteDatabase {
  exec(sql: string): { columns: string[]; values: unknown[][] }[];
  close(): void;
}

export class CollectionError extends Error {
  override readonly name = 'CollectionError';
}

export interface NoteTemplate {
  readonly ord: number;
  readonly name: string;
  readonly front: string;
  readonly back: string;
}

export interface Notetype {
  readonly id: number;
  readonly name: string;
  readonly kind: 'standard' | 'cloze';
  /** Field names in order. */
  readonly fields: readonly string[];
  readonly templates: readonly NoteTemplate[];
}

export interface NoteRow {
  readonly id: number;
  readonly guid: string;
  readonly notetypeId: number;
  readonly tags: readonly string[];
  readonly fields: readonly string[];
}

export interface CardRow {
  readonly id: number;
  readonly noteId: number;
  readonly deckId: number;
  readonly ord: number;
}

export interface RevlogRow {
  readonly time: number;
  readonly cardId: number;
  readonly ease: number;
  readonly interval: number;
  readonly type: number;
  readonly durationMs: number;
}

export interface CollectionRows {
  readonly notetypes: ReadonlyMap<number, Notetype>;
  /** Deck names with levels joined by `::`. */
  readonly decks: ReadonlyMap<number, string>;
  readonly notes: readonly NoteRow[];
  readonly cards: readonly CardRow[];
  readonly revlog: readonly RevlogRow[];
}

const UNIT_SEPARATOR = '\x1f';

function rows(db: SqliteDatabase, sql: string): unknown[][] {
  return db.exec(sql)[0]?.values ?? [];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return value === null || value === undefined ? '' : String(value);
}

function integer(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

function bytes(value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array();
}

function hasTable(db: SqliteDatabase, name: string): boolean {
  return rows(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${name}'`).length > 0;
}

function parseJsonColumn(value: unknown, column: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text(value) || '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new CollectionError(`the collection's col.${column} column is not a JSON object`);
}

function legacyNotetypes(db: SqliteDatabase): Map<number, Notetype> {
  const models = parseJsonColumn(rows(db, 'SELECT models FROM col LIMIT 1')[0]?.[0], 'models');
  const notetypes = new Map<number, Notetype>();
  for (const [key, raw] of Object.entries(models)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const model = raw as { id?: unknown; name?: unknown; type?: unknown; flds?: unknown; tmpls?: unknown };
    const byOrd = <T extends { ord?: unknown }>(list: unknown): T[] =>
      (Array.isArray(list) ? (list as T[]) : []).filter((item) => typeof item === 'object' && item !== null).sort((a, b) => integer(a.ord) - integer(b.ord));
    const id = Number(key);
    notetypes.set(id, {
      id,
      name: text(model.name),
      kind: model.type === 1 ? 'cloze' : 'standard',
      fields: byOrd<{ ord?: unknown; name?: unknown }>(model.flds).map((field) => text(field.name)),
      templates: byOrd<{ ord?: unknown; name?: unknown; qfmt?: unknown; afmt?: unknown }>(model.tmpls).map((template, index) => ({
        ord: template.ord === undefined ? index : integer(template.ord),
        name: text(template.name),
        front: text(template.qfmt),
        back: text(template.afmt),
      })),
    });
  }
  return notetypes;
}

function currentNotetypes(db: SqliteDatabase): Map<number, Notetype> {
  const fields = new Map<number, string[]>();
  for (const [ntid, , name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')) {
    const list = fields.get(integer(ntid)) ?? [];
    list.push(text(name));
    fields.set(integer(ntid), list);
  }
  const templates = new Map<number, NoteTemplate[]>();
  for (const [ntid, ord, name, config] of rows(db, 'SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord')) {
    const parsed = readFields(bytes(config));
    const list = templates.get(integer(ntid)) ?? [];
    list.push({ ord: integer(ord), name: text(name), front: firstString(parsed, 1) ?? '', back: firstString(parsed, 2) ?? '' });
    templates.set(integer(ntid), list);
  }
  const notetypes = new Map<number, Notetype>();
  for (const [rawId, name, config] of rows(db, 'SELECT id, name, config FROM notetypes')) {
    const id = integer(rawId);
    const kind = firstVarint(readFields(bytes(config)), 1) === 1 ? 'cloze' : 'standard';
    notetypes.set(id, { id, name: text(name), kind, fields: fields.get(id) ?? [], templates: templates.get(id) ?? [] });
  }
  return notetypes;
}

function readDecks(db: SqliteDatabase, current: boolean): Map<number, string> {
  const decks = new Map<number, string>();
  if (current) {
    for (const [id, name] of rows(db, 'SELECT id, name FROM decks')) decks.set(integer(id), text(name).split(UNIT_SEPARATOR).join('::'));
    return decks;
  }
  const json = parseJsonColumn(rows(db, 'SELECT decks FROM col LIMIT 1')[0]?.[0], 'decks');
  for (const [id, deck] of Object.entries(json)) {
    if (typeof deck === 'object' && deck !== null) decks.set(Number(id), text((deck as { name?: unknown }).name));
  }
  return decks;
}

/** Reads every note, card and review; throws `CollectionError` when a required table is missing. */
export function readCollection(db: SqliteDatabase): CollectionRows {
  for (const table of ['col', 'notes', 'cards']) {
    if (!hasTable(db, table)) throw new CollectionError(`the collection has no "${table}" table`);
  }
  const current = hasTable(db, 'notetypes') && rows(db, 'SELECT count(*) FROM notetypes')[0]?.[0] !== 0;
  const notetypes = current ? currentNotetypes(db) : legacyNotetypes(db);

  const notes = rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').map(([id, guid, mid, tags, flds]) => ({
    id: integer(id),
    guid: text(guid),
    notetypeId: integer(mid),
    tags: text(tags).split(/\s+/).filter((tag) => tag !== ''),
    fields: text(flds).split(UNIT_SEPARATOR),
  }));
  // A card in a filtered deck keeps its home deck in `odid`.
  const cards = rows(db, 'SELECT id, nid, did, ord, odid FROM cards ORDER BY nid, ord').map(([id, nid, did, ord, odid]) => ({
    id: integer(id),
    noteId: integer(nid),
    deckId: integer(odid) !== 0 ? integer(odid) : integer(did),
    ord: integer(ord),
  }));
  const revlog = hasTable(db, 'revlog')
    ? rows(db, 'SELECT id, cid, ease, ivl, type, time FROM revlog ORDER BY id').map(([id, cid, ease, ivl, type, time]) => ({
        time: integer(id),
        cardId: integer(cid),
        ease: integer(ease),
        interval: integer(ivl),
        type: integer(type),
        durationMs: integer(time),
      }))
    : [];
  return { notetypes, decks: readDecks(db, current), notes, cards, revlog };
}
