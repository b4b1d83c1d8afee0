import { describe, expect, it } from 'vitest';
import { parseRevlog, splitCsvLine } from '../../../src/domain/schedule/revlog';

const HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

describe('splitCsvLine', () => {
  it('splits plain fields and trims them', () => {
    expect(splitCsvLine('a, 1 ,2')).toEqual(['a', '1', '2']);
  });

  it('keeps commas and doubled quotes inside quotes', () => {
    expect(splitCsvLine('"a,""b""",1')).toEqual(['a,"b"', '1']);
  });

  it('returns undefined for an unterminated quote', () => {
    expect(splitCsvLine('"a,1')).toBeUndefined();
  });
});

describe('parseRevlog', () => {
  it('reads rows after a header', () => {
    const { entries, problems } = parseRevlog(`${HEADER}\n7,1767261600000,3,0,5000\n`);
    expect(problems).toEqual([]);
    expect(entries).toEqual([{ cardId: '7', time: 1767261600000, rating: 3, line: 2 }]);
  });

  it('reads rows without a header', () => {
    const { entries } = parseRevlog('7,1767261600000,3,0,5000\n8,1767261700000,1,0,5000');
    expect(entries.map((entry) => entry.cardId)).toEqual(['7', '8']);
  });

  it('accepts CRLF line ends and a byte order mark', () => {
    const { entries, problems } = parseRevlog(`\uFEFF${HEADER}\r\n7,1767261600000,4,0,5000\r\n`);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
  });

  it('finds columns by name in another order', () => {
    const { entries } = parseRevlog('review_rating,card_id,review_time\n2,x,1767261600000');
    expect(entries).toEqual([{ cardId: 'x', time: 1767261600000, rating: 2, line: 2 }]);
  });

  it('skips blank lines and keeps line numbers', () => {
    const { entries } = parseRevlog(`${HEADER}\n\n7,1767261600000,3,0,5000\n`);
    expect(entries[0]?.line).toBe(3);
  });

  it('notes and skips manual entries', () => {
    const { entries, notes, problems } = parseRevlog(`${HEADER}\n7,1767261600000,0,2,0\n7,1767261700000,3,2,0`);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(notes).toEqual([{ line: 2, message: 'skipped a manual entry (review_rating 0) for card 7' }]);
  });

  it.each([
    ['7,1767261600000,5,0,0', 'review_rating must be 1, 2, 3 or 4, got 5'],
    ['7,1767261600000,-1,0,0', 'review_rating must be 1, 2, 3 or 4, got -1'],
    ['7,1767261600000,,0,0', 'review_rating must be 1, 2, 3 or 4, got nothing'],
    ['7,1767261600000,Good,0,0', 'review_rating must be 1, 2, 3 or 4, got Good'],
    ['7,yesterday,3,0,0', 'review_time must be epoch milliseconds (a whole number), got yesterday'],
    ['7,1767261600000.5,3,0,0', 'review_time must be epoch milliseconds (a whole number), got 1767261600000.5'],
    ['7,1767261600000,3,0', 'expected 5 columns, got 4'],
    ['7,1767261600000,3,0,0,9', 'expected 5 columns, got 6'],
    [',1767261600000,3,0,0', 'card_id is empty'],
    ['"7,1767261600000,3,0,0', 'a quoted field has no closing quote'],
  ])('reports %s', (row, message) => {
    const { problems } = parseRevlog(`${HEADER}\n7,1767261600000,3,0,0\n${row}\n`);
    expect(problems).toEqual([{ line: 3, message }]);
  });

  it('reports every malformed row', () => {
    const { problems } = parseRevlog(`${HEADER}\n7,x,3,0,0\n7,1767261600000,9,0,0\n`);
    expect(problems.map((problem) => problem.line)).toEqual([2, 3]);
  });

  it('reports a header without a required column', () => {
    const { problems } = parseRevlog('card_id,review_rating\n7,3');
    expect(problems).toEqual([{ line: 1, message: 'the header has no review_time column: got card_id,review_rating' }]);
  });
});
