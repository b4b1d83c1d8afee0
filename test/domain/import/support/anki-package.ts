/**
 * Builds small Anki packages for tests with the same libraries the importer reads them with
 * (sql.js and fflate), in the layouts Anki writes: schema 11 with JSON note types for package
 * versions 1 and 2, schema 18 with protobuf configs and a zstd-compressed collection for
 * version 3, each with the `collection.anki2` placeholder newer Anki versions add.
 */
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic } from 'sql.js';
import { strToU8, zipSync } from 'fflate';
import type { SqliteDatabase } from '../../../../src/domain/import/apkg/collection';
import { zstdRaw } from './zstd-raw';

let sqlPromise: Promise<SqlJsStatic> | undefined;

export function loadSql(): Promise<SqlJsStatic> {
  sqlPromise ??= initSqlJs();
  return sqlPromise;
}

/** Returns the sql.js opener the importer takes, for Node. */
export async function nodeOpener(): Promise<(bytes: Uint8Array) => SqliteDatabase> {
  const SQL = await loadSql();
  return (bytes) => new SQL.Database(bytes);
}

export interface TemplateSpec {
  readonly name: string;
  readonly qfmt: string;
  readonly afmt: string;
}

export interface NotetypeSpec {
  readonly id: number;
  readonly name: string;
  readonly kind: 'standard' | 'cloze';
  readonly fields: readonly string[];
  readonly templates: readonly TemplateSpec[];
}

export interface NoteSpec {
  readonly id: number;
  readonly guid: string;
  readonly mid: number;
  readonly fields: readonly string[];
  readonly tags?: readonly string[];
}

export interface CardSpec {
  readonly id: number;
  readonly nid: number;
  readonly did: number;
  readonly ord: number;
  /** The home deck of a card that sits in a filtered deck. */
  readonly odid?: number;
}

export interface RevlogSpec {
  readonly id: number;
  readonly cid: number;
  readonly ease: number;
  readonly ivl: number;
  readonly type: number;
  readonly time: number;
}

export interface CollectionSpec {
  readonly decks: readonly { id: number; name: string }[];
  readonly notetypes: readonly NotetypeSpec[];
  readonly notes: readonly NoteSpec[];
  readonly cards: readonly CardSpec[];
  readonly revlog?: readonly RevlogSpec[];
}

export const BASIC: NotetypeSpec = {
  id: 1700000000001,
  name: 'Basic',
  kind: 'standard',
  fields: ['Front', 'Back'],
  templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' }],
};

export const REVERSED: NotetypeSpec = {
  id: 1700000000002,
  name: 'Basic (and reversed card)',
  kind: 'standard',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' },
    { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' },
  ],
};

export const CLOZE: NotetypeSpec = {
  id: 1700000000003,
  name: 'Cloze',
  kind: 'cloze',
  fields: ['Text', 'Back Extra'],
  templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
};

const SCHEMA_11 = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`;

const SCHEMA_18_TABLES = `
CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer not null,
  usn integer not null, common blob not null, kind blob not null);
CREATE TABLE notetypes (id integer not null primary key, name text not null, mtime_secs integer not null,
  usn integer not null, config blob not null);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null,
  primary key (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null,
  usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
`;

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

export function protoVarint(field: number, value: number): number[] {
  return [...varint(field * 8), ...varint(value)];
}

export function protoBytes(field: number, value: Uint8Array | string): number[] {
  const bytes = typeof value === 'string' ? strToU8(value) : value;
  return [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
}

function insertCommon(db: Database, spec: CollectionSpec): void {
  for (const note of spec.notes) {
    const tags = note.tags && note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '';
    db.run('INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, ?)', [note.id, note.guid, note.mid, tags, note.fields.join('\x1f'), note.fields[0] ?? '', '']);
  }
  for (const card of spec.cards) {
    db.run('INSERT INTO cards VALUES (?, ?, ?, ?, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, 0, ?)', [card.id, card.nid, card.did, card.ord, card.odid ?? 0, '']);
  }
  for (const entry of spec.revlog ?? []) {
    db.run('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, 0, 2500, ?, ?)', [entry.id, entry.cid, entry.ease, entry.ivl, entry.time, entry.type]);
  }
}

/** Builds a schema 11 collection, as in `collection.anki2` and `collection.anki21`. */
export async function legacyCollection(spec: CollectionSpec): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  db.run(SCHEMA_11);
  const models = Object.fromEntries(
    spec.notetypes.map((notetype) => [
      String(notetype.id),
      {
        id: notetype.id,
        name: notetype.name,
        type: notetype.kind === 'cloze' ? 1 : 0,
        flds: notetype.fields.map((name, ord) => ({ name, ord })),
        tmpls: notetype.templates.map((template, ord) => ({ name: template.name, ord, qfmt: template.qfmt, afmt: template.afmt })),
      },
    ]),
  );
  const decks = Object.fromEntries(spec.decks.map((deck) => [String(deck.id), { id: deck.id, name: deck.name }]));
  db.run('INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', ['{}', JSON.stringify(models), JSON.stringify(decks), '{}', '{}']);
  insertCommon(db, spec);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Builds a schema 18 collection, as in `collection.anki21b` before compression. */
export async function currentCollection(spec: CollectionSpec): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  db.run(SCHEMA_11);
  db.run(SCHEMA_18_TABLES);
  db.run("INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '')");
  for (const deck of spec.decks) db.run("INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')", [deck.id, deck.name.split('::').join('\x1f')]);
  for (const notetype of spec.notetypes) {
    // Notetype.Config: field 1 kind (1 = cloze), field 3 css.
    const config = new Uint8Array([...protoVarint(1, notetype.kind === 'cloze' ? 1 : 0), ...protoBytes(3, '.card { color: black; }')]);
    db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [notetype.id, notetype.name, config]);
    notetype.fields.forEach((name, ord) => db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [notetype.id, ord, name, new Uint8Array()]));
    notetype.templates.forEach((template, ord) => {
      // Template.Config: field 1 q_format, field 2 a_format.
      const templateConfig = new Uint8Array([...protoBytes(1, template.qfmt), ...protoBytes(2, template.afmt)]);
      db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [notetype.id, ord, template.name, templateConfig]);
    });
  }
  insertCommon(db, spec);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Builds the collection Anki 2.1.50+ adds as `collection.anki2`, so old versions show a notice. */
export function placeholderCollection(): Promise<Uint8Array> {
  return legacyCollection({
    decks: [{ id: 1, name: 'Default' }],
    notetypes: [BASIC],
    notes: [{ id: 1, guid: 'placeholder', mid: BASIC.id, fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''] }],
    cards: [{ id: 1, nid: 1, did: 1, ord: 0 }],
  });
}

export interface MediaSpec {
  readonly name: string;
  readonly data: Uint8Array;
}

export type PackageVersion = 1 | 2 | 3;

/** Zips a collection the way Anki's exporter for `version` lays it out. */
export async function buildPackage(version: PackageVersion, spec: CollectionSpec, media: readonly MediaSpec[] = []): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  if (version === 3) {
    files['collection.anki21b'] = zstdRaw(await currentCollection(spec));
    // Anki writes a placeholder under each older name; some versions only under collection.anki2.
    files['collection.anki2'] = await placeholderCollection();
    files['collection.anki21'] = await placeholderCollection();
    files['meta'] = new Uint8Array(protoVarint(1, 3));
    const entries = media.flatMap((file) => protoBytes(1, new Uint8Array([...protoBytes(1, file.name), ...protoVarint(2, file.data.length)])));
    files['media'] = zstdRaw(new Uint8Array(entries));
    media.forEach((file, index) => (files[String(index)] = zstdRaw(file.data)));
  } else {
    const collection = await legacyCollection(spec);
    if (version === 2) {
      files['collection.anki21'] = collection;
      files['collection.anki2'] = await placeholderCollection();
    } else {
      files['collection.anki2'] = collection;
    }
    files['media'] = strToU8(JSON.stringify(Object.fromEntries(media.map((file, index) => [String(index), file.name]))));
    media.forEach((file, index) => (files[String(index)] = file.data));
  }
  return zipSync(files);
}

/** Zips the given entries as they are, for hostile and broken packages. */
export function zipEntries(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])));
}

/** Returns a deck with Basic, reversed and cloze notes, two subdecks, tags, an image and a sound. */
export function sampleSpec(): CollectionSpec {
  return {
    decks: [
      { id: 1, name: 'Default' },
      { id: 1600000000000, name: 'Spanish' },
      { id: 1600000000001, name: 'Spanish::Verbs' },
      { id: 1600000000002, name: 'Spanish::Nouns' },
    ],
    notetypes: [BASIC, REVERSED, CLOZE],
    notes: [
      { id: 1001, guid: 'Ab3#x/Y', mid: BASIC.id, fields: ['<b>hablar</b>', 'to speak <img src="speak.png">'], tags: ['verb', 'ar'] },
      { id: 1002, guid: 'Cd4_z', mid: REVERSED.id, fields: ['el perro', 'the dog [sound:perro.mp3]'] },
      { id: 1003, guid: 'Ef5', mid: CLOZE.id, fields: ['{{c1::Madrid}} is the capital of {{c2::Spain}}', 'Since 1561'] },
    ],
    cards: [
      { id: 2001, nid: 1001, did: 1600000000001, ord: 0 },
      { id: 2002, nid: 1002, did: 1600000000002, ord: 0 },
      { id: 2003, nid: 1002, did: 1600000000002, ord: 1 },
      { id: 2004, nid: 1003, did: 1600000000002, ord: 0 },
      { id: 2005, nid: 1003, did: 1600000000002, ord: 1 },
    ],
    revlog: [
      { id: Date.UTC(2024, 0, 1, 9), cid: 2001, ease: 3, ivl: -600, type: 0, time: 4000 },
      { id: Date.UTC(2024, 0, 1, 9, 10), cid: 2001, ease: 3, ivl: 1, type: 0, time: 3000 },
      { id: Date.UTC(2024, 0, 2, 9), cid: 2001, ease: 1, ivl: -600, type: 1, time: 9000 },
      { id: Date.UTC(2024, 0, 3, 9), cid: 2001, ease: 0, ivl: 5, type: 4, time: 0 },
      { id: Date.UTC(2024, 0, 1, 10), cid: 2004, ease: 4, ivl: 4, type: 0, time: 2500 },
    ],
  };
}

/** A valid 1 x 1 pixel PNG, so a browser can decode it. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
);
export const MP3_BYTES = new Uint8Array([0x49, 0x44, 0x33, 4, 5, 6]);
export const SAMPLE_MEDIA: MediaSpec[] = [
  { name: 'speak.png', data: PNG_BYTES },
  { name: 'perro.mp3', data: MP3_BYTES },
];
