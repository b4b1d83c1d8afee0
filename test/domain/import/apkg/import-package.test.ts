import { beforeAll, describe, expect, it } from 'vitest';
import { reviewItemKeys } from '../../../../src/domain/deck/items';
import type { Card } from '../../../../src/domain/deck/format';
import { importAnkiPackage } from '../../../../src/domain/import/apkg/import-package';
import type { OpenSqlite } from '../../../../src/domain/import/apkg/import-package';
import { MAX_TOTAL_BYTES } from '../../../../src/domain/import/apkg/package';
import type { ImportedDeck, ImportOutcome } from '../../../../src/domain/import/problems';
import { BASIC, buildPackage, legacyCollection, nodeOpener, protoVarint, SAMPLE_MEDIA, sampleSpec, zipEntries } from '../support/anki-package';
import type { PackageVersion } from '../support/anki-package';
import { zstdRaw } from '../support/zstd-raw';

let open: OpenSqlite;

beforeAll(async () => {
  open = await nodeOpener();
});

function imported(outcome: ImportOutcome): ImportedDeck {
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

function problemsOf(outcome: ImportOutcome): string {
  if (outcome.ok) throw new Error('import was expected to fail');
  return outcome.problems.map((problem) => `${problem.file} ${problem.location}: ${problem.message}`).join('\n');
}

function byId(cards: readonly Card[], id: string): Card {
  const card = cards.find((entry) => entry.id === id);
  if (!card) throw new Error(`no card ${id} in ${cards.map((entry) => entry.id).join(', ')}`);
  return card;
}

describe.each([1, 2, 3] as PackageVersion[])('package version %i', (version) => {
  let deck: ImportedDeck;

  beforeAll(async () => {
    deck = imported(importAnkiPackage('spanish.apkg', await buildPackage(version, sampleSpec(), SAMPLE_MEDIA), open));
  });

  it('names the deck after the common Anki deck', () => {
    expect(deck.deck.title).toBe('Spanish');
    expect(deck.deck.id).toBe('anki-1600000000000');
  });

  it('maps each note type to its cards', () => {
    expect(deck.deck.cards.map((card) => [card.id, card.type])).toEqual([
      ['Ab3_23x_2fY', 'basic'],
      ['Cd4_5fz', 'basic'],
      ['Cd4_5fz.2', 'basic'],
      ['Ef5', 'cloze'],
    ]);
  });

  it('keeps field HTML and marks it', () => {
    const card = byId(deck.deck.cards, 'Ab3_23x_2fY');
    expect(card).toMatchObject({ type: 'basic', front: '<b>hablar</b>', back: 'to speak <img src="speak.png">', format: 'html', tags: ['verb', 'ar'] });
  });

  it('renders the reverse card from the second template', () => {
    expect(byId(deck.deck.cards, 'Cd4_5fz.2')).toMatchObject({ front: 'the dog [sound:perro.mp3]', back: 'el perro' });
  });

  it('keeps cloze deletions and the extra field', () => {
    const card = byId(deck.deck.cards, 'Ef5');
    expect(card).toMatchObject({ type: 'cloze', text: '{{c1::Madrid}} is the capital of {{c2::Spain}}', extra: 'Since 1561', format: 'html' });
    expect(reviewItemKeys(deck.deck.id, card)).toEqual(['anki-1600000000000/Ef5#c1', 'anki-1600000000000/Ef5#c2']);
  });

  it('never imports the placeholder collection', () => {
    const texts = deck.deck.cards.map((card) => JSON.stringify(card)).join(' ');
    expect(texts).not.toContain('Please update');
  });

  it('reads media from the media list', () => {
    expect(deck.media.map((file) => [file.name, file.type, [...file.data]])).toEqual([
      ['speak.png', 'image/png', [...SAMPLE_MEDIA[0]!.data]],
      ['perro.mp3', 'audio/mpeg', [...SAMPLE_MEDIA[1]!.data]],
    ]);
  });

  it('turns the revlog into history, skipping manual entries', () => {
    expect(deck.history).toEqual([
      { kind: 'review', itemKey: 'anki-1600000000000/Ab3_23x_2fY', time: Date.UTC(2024, 0, 1, 9), rating: 'good', durationMs: 4000 },
      { kind: 'review', itemKey: 'anki-1600000000000/Ab3_23x_2fY', time: Date.UTC(2024, 0, 1, 9, 10), rating: 'good', durationMs: 3000 },
      { kind: 'review', itemKey: 'anki-1600000000000/Ef5#c1', time: Date.UTC(2024, 0, 1, 10), rating: 'easy', durationMs: 2500 },
      { kind: 'review', itemKey: 'anki-1600000000000/Ab3_23x_2fY', time: Date.UTC(2024, 0, 2, 9), rating: 'again', durationMs: 9000 },
    ]);
  });

  it('reports no warnings for a clean package', () => {
    expect(deck.warnings).toEqual([]);
  });
});

describe('importAnkiPackage with unusual content', () => {
  it('turns a Forget entry into a reset', async () => {
    const spec = sampleSpec();
    const revlog = [
      { id: 1000, cid: 2001, ease: 3, ivl: 1, type: 0, time: 1000 },
      { id: 2000, cid: 2001, ease: 0, ivl: 0, type: 4, time: 0 },
      { id: 3000, cid: 2001, ease: 2, ivl: 0, type: 0, time: 1000 },
    ];
    const deck = imported(importAnkiPackage('x.apkg', await buildPackage(2, { ...spec, revlog }), open));
    expect(deck.history.map((entry) => entry.kind)).toEqual(['review', 'reset', 'review']);
  });

  it('names the deck after the home deck of filtered cards', async () => {
    const spec = sampleSpec();
    const decks = [...spec.decks, { id: 1700000000099, name: 'Filtered Deck 1' }];
    const cards = spec.cards.map((card, index) => (index === 0 ? { ...card, did: 1700000000099, odid: card.did } : card));
    const deck = imported(importAnkiPackage('x.apkg', await buildPackage(3, { ...spec, decks, cards }), open));
    expect(deck.deck).toMatchObject({ title: 'Spanish', id: 'anki-1600000000000' });
  });

  it('names the deck after the file when cards sit in unrelated decks', async () => {
    const spec = sampleSpec();
    const cards = spec.cards.map((card, index) => ({ ...card, did: index === 0 ? 1 : card.did }));
    const deck = imported(importAnkiPackage('My Export.apkg', await buildPackage(1, { ...spec, cards }), open));
    expect(deck.deck).toMatchObject({ title: 'My Export', id: 'anki-my-export' });
  });

  it('renders conditional sections, filters and type-in templates', async () => {
    const notetype = {
      id: 77,
      name: 'Vocab',
      kind: 'standard' as const,
      fields: ['Word', 'Reading', 'Meaning', 'Note'],
      templates: [
        {
          name: 'Recognition',
          qfmt: '{{furigana:Word}}{{#Note}}<p>{{Note}}</p>{{/Note}}{{^Note}}<i>no note</i>{{/Note}}{{type:Meaning}}{{tts en_US:Word}}',
          afmt: '{{Word}}<hr id="answer">{{type:Meaning}} ({{text:Reading}})',
        },
      ],
    };
    const spec = {
      decks: [{ id: 5, name: 'JP' }],
      notetypes: [notetype],
      notes: [{ id: 1, guid: 'g1', mid: 77, fields: ['日本[にほん]', '<b>にほん</b>', 'Japan', ''] }],
      cards: [{ id: 10, nid: 1, did: 5, ord: 0 }],
    };
    const deck = imported(importAnkiPackage('jp.apkg', await buildPackage(3, spec), open));
    expect(deck.deck.cards[0]).toMatchObject({ front: '<ruby><rb>日本</rb><rt>にほん</rt></ruby><i>no note</i>', back: 'Japan (にほん)' });
  });

  it('skips notes whose cloze text has no deletion, with a warning', async () => {
    const spec = sampleSpec();
    const notes = spec.notes.map((note) => (note.id === 1003 ? { ...note, fields: ['no deletion here', ''] } : note));
    const deck = imported(importAnkiPackage('x.apkg', await buildPackage(3, { ...spec, notes }), open));
    expect(deck.deck.cards.map((card) => card.id)).not.toContain('Ef5');
    expect(deck.warnings).toEqual([expect.objectContaining({ location: 'note 1003', message: expect.stringContaining('{{c1::answer}}') })]);
  });

  it('imports a package with no media list entry', async () => {
    const collection = await legacyCollection(sampleSpec());
    const deck = imported(importAnkiPackage('x.apkg', zipEntries({ 'collection.anki2': collection }), open));
    expect(deck.deck.cards).toHaveLength(4);
  });
});

describe('importAnkiPackage with broken or hostile files', () => {
  it('rejects a file that is not a zip', () => {
    expect(problemsOf(importAnkiPackage('notes.apkg', new TextEncoder().encode('hello'), open))).toBe(
      'notes.apkg : the file is not a zip archive; choose an .apkg or .colpkg file exported from Anki',
    );
  });

  it('rejects a truncated package', async () => {
    const bytes = await buildPackage(2, sampleSpec(), SAMPLE_MEDIA);
    expect(problemsOf(importAnkiPackage('cut.apkg', bytes.subarray(0, Math.floor(bytes.length / 2)), open))).toMatch(
      /^cut\.apkg : the zip archive is damaged or truncated .*download or export it again$/,
    );
  });

  it('rejects a zip without a collection', () => {
    expect(problemsOf(importAnkiPackage('photos.zip', zipEntries({ 'a.txt': 'x' }), open))).toContain('it is not an Anki package');
  });

  it('rejects a package version it does not know', () => {
    const bytes = zipEntries({ meta: new Uint8Array(protoVarint(1, 4)), 'collection.anki21b': new Uint8Array([1]) });
    expect(problemsOf(importAnkiPackage('new.apkg', bytes, open))).toContain('version 4, newer than this importer reads');
  });

  it('rejects a collection that is not SQLite', () => {
    const bytes = zipEntries({ 'collection.anki21': 'not a database at all, just text that goes on' });
    expect(problemsOf(importAnkiPackage('bad.apkg', bytes, open))).toMatch(/the collection database cannot be read \(.*\); the file may be incomplete/);
  });

  it('rejects a damaged zstd collection', () => {
    const bytes = zipEntries({ meta: new Uint8Array(protoVarint(1, 3)), 'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xff, 0x00]) });
    expect(problemsOf(importAnkiPackage('bad.apkg', bytes, open))).toContain('collection.anki21b cannot be decompressed');
  });

  it('rejects a collection without a notes table', async () => {
    const SQL = await (await import('../support/anki-package')).loadSql();
    const db = new SQL.Database();
    db.run('CREATE TABLE col (id integer)');
    const bytes = zipEntries({ 'collection.anki2': db.export() });
    expect(problemsOf(importAnkiPackage('bad.apkg', bytes, open))).toContain('the collection has no "notes" table');
  });

  it('skips media names that leave the media folder', async () => {
    const media = [
      { name: '../../evil.png', data: new Uint8Array([1]) },
      { name: 'ok.png', data: new Uint8Array([2]) },
    ];
    for (const version of [1, 3] as PackageVersion[]) {
      const deck = imported(importAnkiPackage('x.apkg', await buildPackage(version, sampleSpec(), media), open));
      expect(deck.media.map((file) => file.name)).toEqual(['ok.png']);
      expect(deck.warnings.map((warning) => warning.message)).toEqual(['the media file name "../../evil.png" points outside the media folder and was skipped']);
    }
  });

  it('warns about media listed but missing', async () => {
    const collection = await legacyCollection(sampleSpec());
    const bytes = zipEntries({ 'collection.anki2': collection, media: '{"0": "gone.png"}' });
    const deck = imported(importAnkiPackage('x.apkg', bytes, open));
    expect(deck.warnings.map((warning) => warning.message)).toEqual(['the media file gone.png is listed but missing from the package and was skipped']);
  });

  it('rejects entries that claim to unpack past the limit', async () => {
    const collection = await legacyCollection(sampleSpec());
    const bytes = zipEntries({ 'collection.anki2': collection });
    // Rewrite the uncompressed size in the central directory to claim more than the limit.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = bytes.length - 22; offset >= 0; offset--) {
      if (view.getUint32(offset, true) === 0x02014b50) {
        view.setUint32(offset + 24, MAX_TOTAL_BYTES + 1, true);
        break;
      }
    }
    expect(problemsOf(importAnkiPackage('bomb.apkg', bytes, open))).toContain('would unpack to more than');
  });

  it('rejects a package whose notes all use an unknown note type', async () => {
    const spec = { ...sampleSpec(), notetypes: [BASIC] };
    const notes = spec.notes.map((note) => ({ ...note, mid: 999 }));
    const outcome = importAnkiPackage('x.apkg', await buildPackage(1, { ...spec, notes }), open);
    expect(problemsOf(outcome)).toContain('none of its notes could be made into a card');
  });

  it('reads a raw zstd frame written by the test helper', async () => {
    const { decompress } = await import('fzstd');
    const data = new Uint8Array(300_000).map((_, index) => index % 251);
    expect([...decompress(zstdRaw(data))]).toEqual([...data]);
  });
});

describe('importAnkiPackage with a package compressed by zstd', () => {
  it('reads compressed blocks as Anki writes them', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(new URL('../../../fixtures/import/spanish-zstd.apkg', import.meta.url));
    const deck = imported(importAnkiPackage('spanish-zstd.apkg', new Uint8Array(bytes), open));
    expect(deck.deck.cards).toHaveLength(4);
    expect(deck.history).toHaveLength(4);
    expect(deck.media.map((file) => file.name)).toEqual(['speak.png', 'perro.mp3']);
    expect([...deck.media[0]!.data]).toEqual([...SAMPLE_MEDIA[0]!.data]);
  });
});
