import { describe, expect, it } from 'vitest';
import { convertQuizlet, splitQuizletRows } from '../../../src/domain/import/quizlet';

describe('splitQuizletRows', () => {
  it('splits tab and new line, the default export', () => {
    expect(splitQuizletRows('hola\thello\r\nadiós\tgoodbye\n', { termSeparator: '\t', rowSeparator: '\n' }).rows).toEqual([
      { row: 1, term: 'hola', definition: 'hello' },
      { row: 2, term: 'adiós', definition: 'goodbye' },
    ]);
  });

  it('splits comma and semicolon', () => {
    expect(splitQuizletRows('a,b;c,d;', { termSeparator: ',', rowSeparator: ';' }).rows.map((row) => [row.term, row.definition])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('splits custom separators and keeps line breaks inside a definition', () => {
    const { rows } = splitQuizletRows('term one :: line 1\nline 2 ##term two :: def', { termSeparator: ' :: ', rowSeparator: '##' });
    expect(rows.map((row) => [row.term, row.definition])).toEqual([
      ['term one', 'line 1\nline 2'],
      ['term two', 'def'],
    ]);
  });

  it('warns when the term separator also occurs in the content', () => {
    const { rows, warnings } = splitQuizletRows('1,5,one and a half\nx,y\n', { termSeparator: ',', rowSeparator: '\n' });
    expect(rows[0]).toEqual({ row: 1, term: '1', definition: '5,one and a half' });
    expect(warnings).toEqual([{ row: 1, message: 'row 1 contains "," more than once; it was split at the first one, so check that the term is "1"' }]);
  });

  it('warns about rows without a term separator', () => {
    const { rows, warnings } = splitQuizletRows('a\tb;c\td;broken', { termSeparator: '\t', rowSeparator: ';' });
    expect(rows).toHaveLength(2);
    expect(warnings).toEqual([{ row: 3, message: 'row 3 has no tab between term and definition and was skipped; the row separator may occur inside a definition' }]);
  });
});

describe('convertQuizlet', () => {
  it('stores plain text as escaped HTML', () => {
    const outcome = convertQuizlet('a < b\t*not bold*\n', { termSeparator: '\t', rowSeparator: '\n', title: 'Set 1' });
    if (!outcome.ok) throw new Error('expected success');
    expect(outcome.value.deck).toMatchObject({ id: 'quizlet-set-1', title: 'Set 1' });
    expect(outcome.value.deck.cards[0]).toMatchObject({ front: 'a &lt; b', back: '*not bold*', format: 'html' });
  });

  it('fails when nothing matches', () => {
    const outcome = convertQuizlet('no separators here', { termSeparator: '\t', rowSeparator: '\n', title: 'x' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.at(-1)!.message).toBe('no term and definition pair was found; check the two separators');
  });
});
