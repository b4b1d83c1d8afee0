import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/domain/deck/format';
import type { ImportedDeck, ImportOutcome } from '../../../src/domain/import/problems';
import { decodeTextFile } from '../../../src/domain/import/encoding';
import { guessSeparator } from '../../../src/domain/import/separator';
import { convertTextFile, inspectTextFile } from '../../../src/domain/import/text-file';
import type { ColumnRole } from '../../../src/domain/import/text-file';
import { parseTextHeader } from '../../../src/domain/import/text-header';

function imported(outcome: ImportOutcome): ImportedDeck {
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.problems)}`);
  return outcome.value;
}

/** Inspects then converts with the suggested settings, as the import screen does by default. */
function importText(text: string, fileName = 'deck.csv', roles?: ColumnRole[]): ImportOutcome {
  const preview = inspectTextFile(text);
  return convertTextFile(fileName, text, { separator: preview.separator, roles: roles ?? [...preview.roles], skipFirstRow: preview.firstRowIsHeader });
}

const fronts = (cards: readonly Card[]) => cards.map((card) => (card.type === 'basic' ? [card.front, card.back] : card.type === 'cloze' ? [card.text, card.extra] : []));

describe('parseTextHeader', () => {
  it('reads every directive Anki documents', () => {
    const header = parseTextHeader(
      '#separator:Pipe\n#html:true\n#tags:a b  c\n#columns:Front|Back|Tags\n#deck:Spanish::Verbs\n#notetype:Basic (and reversed card)\n#deck column:4\n#notetype column:5\n#tags column:3\n#guid column:6\nfront|back\n',
    );
    expect(header).toEqual({
      separator: '|',
      html: true,
      tags: ['a', 'b', 'c'],
      columnsLine: 'Front|Back|Tags',
      deck: 'Spanish::Verbs',
      notetype: 'Basic (and reversed card)',
      deckColumn: 4,
      notetypeColumn: 5,
      tagsColumn: 3,
      guidColumn: 6,
      lineCount: 10,
    });
  });

  it.each([
    ['Tab', '\t'],
    ['tab', '\t'],
    [' Comma ', ','],
    ['semicolon', ';'],
    ['Space', ' '],
    ['colon', ':'],
    [';', ';'],
    ['|', '|'],
  ])('reads separator %j', (value, separator) => {
    expect(parseTextHeader(`#separator:${value}\n`).separator).toBe(separator);
  });

  it('ignores an unknown separator and unknown keys', () => {
    expect(parseTextHeader('#separator:slash\n#colour:red\nx').separator).toBeUndefined();
    expect(parseTextHeader('#separator:slash\n#colour:red\nx').lineCount).toBe(2);
  });

  it('reads the legacy tags line', () => {
    expect(parseTextHeader('tags:one two\nfront\tback')).toMatchObject({ tags: ['one', 'two'], lineCount: 1 });
  });

  it('stops at the first line that is not a directive', () => {
    expect(parseTextHeader('front,back\n#html:true\n')).toMatchObject({ lineCount: 0 });
    expect(parseTextHeader('front,back\n#html:true\n').html).toBeUndefined();
  });

  it('handles Windows line ends', () => {
    expect(parseTextHeader('#separator:tab\r\n#html:false\r\na\tb\r\n')).toMatchObject({ separator: '\t', html: false, lineCount: 2 });
  });
});

describe('guessSeparator', () => {
  it.each([
    ['commas with image tags in answers', 'Which tag?,myapp:1.0\nDefault tag?,latest\nPinned?,nginx:1.25.3\n', ','],
    ['commas with YAML answers', 'A key,a: b\nAnother,"c: d, e: f"\nThird,g: h\n', ','],
    ['tabs with commas in text', 'one, two\tthree, four\nfive\tsix, seven\n', '\t'],
    ['semicolons with commas in text', 'a;b, c\nd;e, f, g\nh;i\n', ';'],
    ['pipes', 'a|b\nc|d\n', '|'],
    ['quoted commas', '"a, b",c\n"d, e, f",g\n', ','],
    ['colons when nothing else fits', 'a:b\nc:d\n', ':'],
    ['spaces when nothing else fits', 'hola hello\nadios bye\n', ' '],
  ])('picks the separator for %s', (_name, body, separator) => {
    expect(guessSeparator(body)).toEqual({ separator, confident: true });
  });

  it('falls back to tab and says so when no candidate fits', () => {
    expect(guessSeparator('justoneword\n')).toEqual({ separator: '\t', confident: false });
  });
});

describe('inspectTextFile', () => {
  it('strips the byte order mark and previews the first five rows', () => {
    const text = '\uFEFFfront,back\n' + Array.from({ length: 8 }, (_, index) => `q${index},a${index}`).join('\n');
    const preview = inspectTextFile(text);
    expect(preview.rows.map((row) => row.fields[0])).toEqual(['front', 'q0', 'q1', 'q2', 'q3']);
    expect(preview.rows[0]!.line).toBe(1);
    expect(preview.separator).toBe(',');
  });

  it('maps named columns by name', () => {
    const preview = inspectTextFile('#separator:tab\n#columns:Tags\tBack\tFront\nt\tb\tf\n');
    expect(preview.columns).toEqual(['Tags', 'Back', 'Front']);
    expect(preview.roles).toEqual(['tags', 'back', 'front']);
  });

  it('takes a third unnamed column as tags, as Anki does', () => {
    expect(inspectTextFile('a\tb\tc d\n').roles).toEqual(['front', 'back', 'tags']);
  });

  it('leaves guid, deck and notetype columns out of the fields', () => {
    const preview = inspectTextFile('#separator:tab\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nG\tBasic\tD\tf\tb\tt\n');
    expect(preview.roles).toEqual(['ignore', 'ignore', 'ignore', 'front', 'back', 'tags']);
  });

  it('detects HTML when the header does not say', () => {
    expect(inspectTextFile('a,<b>bold</b>\n').html).toBe(true);
    expect(inspectTextFile('a,b < c\n').html).toBe(false);
    expect(inspectTextFile('#html:false\na,<b>x</b>\n').html).toBe(false);
  });

  it('suggests skipping a first row of column names', () => {
    const preview = inspectTextFile('Term;Definition;Tags\nhola;hello;greet\n');
    expect(preview.firstRowIsHeader).toBe(true);
    expect(preview.columns).toEqual(['Term', 'Definition', 'Tags']);
    expect(preview.roles).toEqual(['front', 'back', 'tags']);
  });

  it('keeps a first row that is a card', () => {
    expect(inspectTextFile('front side,back side\nq,a\n').firstRowIsHeader).toBe(false);
    expect(inspectTextFile('#columns:Front,Back\n#separator:comma\nFront,Back\n').firstRowIsHeader).toBe(false);
  });

  it('uses an override separator', () => {
    expect(inspectTextFile('a;b,c\n', ';').rows[0]!.fields).toEqual(['a', 'b,c']);
  });
});

describe('convertTextFile', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const deck = imported(importText('"a, b","say ""hi""\nthen go"\nplain,row\n'));
    expect(fronts(deck.deck.cards)).toEqual([
      ['a, b', 'say "hi"\nthen go'],
      ['plain', 'row'],
    ]);
  });

  it('keeps Markdown when the file has no HTML', () => {
    const deck = imported(importText('`docker ps`,lists **running** containers\n'));
    expect(deck.deck.cards[0]).toEqual({ id: expect.stringMatching(/^r[0-9a-f]{14}$/), type: 'basic', front: '`docker ps`', back: 'lists **running** containers' });
  });

  it('marks HTML fields', () => {
    const deck = imported(importText('#html:true\n<b>a</b>,b\n'));
    expect(deck.deck.cards[0]).toMatchObject({ front: '<b>a</b>', format: 'html' });
  });

  it('escapes plain text when the header says html:false', () => {
    const deck = imported(importText('#html:false\n#separator:tab\na < b\t<tag>\n'));
    expect(deck.deck.cards[0]).toMatchObject({ front: 'a &lt; b', back: '&lt;tag&gt;', format: 'html' });
  });

  it('adds header tags and column tags', () => {
    const deck = imported(importText('#separator:tab\n#tags:all\n#tags column:3\nq\ta\tx y\n'));
    expect(deck.deck.cards[0]!.tags).toEqual(['all', 'x', 'y']);
  });

  it('uses the guid column for card ids', () => {
    const deck = imported(importText('#separator:tab\n#guid column:1\nabc/1\tq\ta\nplain-id\tq2\ta2\n'));
    expect(deck.deck.cards.map((card) => card.id)).toEqual(['abc_2f1', 'plain-id']);
  });

  it('gives the same ids when a file is imported again with other backs', () => {
    const first = imported(importText('q1,a1\nq2,a2\n'));
    const second = imported(importText('q1,changed\nq2,a2\n'));
    expect(second.deck.cards.map((card) => card.id)).toEqual(first.deck.cards.map((card) => card.id));
    expect(second.deck.id).toBe(first.deck.id);
  });

  it('keeps duplicate fronts apart', () => {
    const deck = imported(importText('q,a1\nq,a2\n'));
    const [first, second] = deck.deck.cards.map((card) => card.id);
    expect(second).toBe(`${first}-2`);
  });

  it('makes two cards per row for a reversed note type', () => {
    const deck = imported(importText('#notetype:Basic (and reversed card)\nhola,hello\n'));
    expect(fronts(deck.deck.cards)).toEqual([
      ['hola', 'hello'],
      ['hello', 'hola'],
    ]);
  });

  it('makes cloze cards for a cloze note type or cloze text', () => {
    const deck = imported(importText('#separator:tab\n#notetype:Cloze\n{{c1::Paris}} is in France\tEurope\n{{c1::Rome}} is in {{c2::Italy}}\t\n'));
    expect(deck.deck.cards.map((card) => card.type)).toEqual(['cloze', 'cloze']);
    expect(fronts(deck.deck.cards)).toEqual([
      ['{{c1::Paris}} is in France', 'Europe'],
      ['{{c1::Rome}} is in {{c2::Italy}}', undefined],
    ]);
  });

  it('reads the note type from a notetype column', () => {
    const deck = imported(importText('#separator:tab\n#notetype column:1\nBasic\tq\ta\nCloze\t{{c1::x}} y\t\n'));
    expect(deck.deck.cards.map((card) => card.type)).toEqual(['basic', 'cloze']);
  });

  it('names the deck after the deck directive, else the file', () => {
    expect(imported(importText('#deck:Spanish Verbs\nq,a\n')).deck).toMatchObject({ title: 'Spanish Verbs', id: 'text-spanish-verbs' });
    expect(imported(importText('q,a\n', 'dir/My Cards.csv')).deck).toMatchObject({ title: 'My Cards', id: 'text-my-cards' });
  });

  it('skips rows without a back or front, naming their lines', () => {
    const deck = imported(importText('#separator:comma\nq1,a1\nq2,\n,a3\n'));
    expect(deck.deck.cards).toHaveLength(1);
    expect(deck.warnings).toEqual([
      { file: 'deck.csv', location: 'line 3', message: 'the row has no back and was skipped; choose the column that holds the answer, or fill it in' },
      { file: 'deck.csv', location: 'line 4', message: 'the row has an empty front and was skipped' },
    ]);
  });

  it('skips broken cloze text with the reason', () => {
    const deck = imported(importText('#notetype:Cloze\n#separator:tab\n{{c1::}} empty\tx\nok {{c1::y}}\t\n'));
    expect(deck.warnings.map((warning) => `${warning.location}: ${warning.message}`)).toEqual(['line 3: the cloze text was skipped because deletion c1 has an empty answer']);
  });

  it('fails on an unclosed quote, naming the line', () => {
    const outcome = importText('q1,a1\nq2,"never closed\nq3,a3\n');
    expect(outcome).toEqual({
      ok: false,
      problems: [{ file: 'deck.csv', location: 'line 2', message: 'a quoted field is not closed before the end of the file; add the closing " or remove the opening one' }],
    });
  });

  it('fails when no column is the front', () => {
    const outcome = convertTextFile('deck.csv', 'q,a\n', { separator: ',', roles: ['ignore', 'back'] });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]!.message).toContain('no column is chosen as the front');
  });

  it('fails on an empty file', () => {
    const outcome = importText('#separator:tab\n');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]!.message).toContain('the file has no rows');
  });

  it('ignores comment lines between rows', () => {
    const deck = imported(importText('q1,a1\n# a comment, with a comma\nq2,a2\n'));
    expect(deck.deck.cards).toHaveLength(2);
  });

  it('skips the header row when asked', () => {
    const deck = imported(importText('question,answer\nq1,a1\n'));
    expect(fronts(deck.deck.cards)).toEqual([['q1', 'a1']]);
    const all = imported(convertTextFile('x.csv', 'question,answer\nq1,a1\n', { separator: ',', roles: ['front', 'back'] }));
    expect(all.deck.cards).toHaveLength(2);
  });

  it('joins several back columns', () => {
    const deck = imported(convertTextFile('x.csv', 'q,a,b\n', { separator: ',', roles: ['front', 'back', 'back'] }));
    expect(deck.deck.cards[0]).toMatchObject({ back: 'a\n\nb' });
  });
});

describe('decodeTextFile', () => {
  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x2c, 0x62]))).toEqual({ text: 'é,b', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte order mark, as Excel writes Unicode text', () => {
    expect(decodeTextFile(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x09, 0, 0xe9, 0]))).toEqual({ text: 'a\té', encoding: 'utf-16le' });
    expect(decodeTextFile(new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x09, 0, 0xe9]))).toEqual({ text: 'a\té', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for invalid UTF-8', () => {
    expect(decodeTextFile(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78]))).toEqual({ text: 'café,x', encoding: 'windows-1252' });
  });
});
