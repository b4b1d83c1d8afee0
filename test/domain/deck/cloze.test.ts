import { describe, expect, it } from 'vitest';
import { clozeMarkdown, clozeNumbers, clozeProblems } from '../../../src/domain/deck/cloze';
import { formatProblem, parseDeck } from '../../../src/domain/deck/format';
import { parseItemKey, reviewItemKeys } from '../../../src/domain/deck/items';

const TEXT = '`{{c1::CMD}}` sets the default command; `{{c2::ENTRYPOINT::instruction}}` the executable; {{c1::only the last}} counts.';

describe('clozeNumbers', () => {
  it('lists each deletion number once, ascending', () => {
    expect(clozeNumbers('{{c3::a}} {{c1::b}} {{c3::c}}')).toEqual([1, 3]);
  });
});

describe('clozeMarkdown', () => {
  it('hides every deletion of the asked number', () => {
    expect(clozeMarkdown(TEXT, 1, false)).toBe('`\uE000[…]\uE001` sets the default command; `ENTRYPOINT` the executable; \uE000[…]\uE001 counts.');
  });

  it('shows the hint of a hidden deletion', () => {
    expect(clozeMarkdown(TEXT, 2, false)).toContain('\uE000[instruction]\uE001');
  });

  it('marks the answer on the answer side', () => {
    expect(clozeMarkdown(TEXT, 2, true)).toBe('`CMD` sets the default command; `\uE000ENTRYPOINT\uE001` the executable; only the last counts.');
  });
});

describe('clozeProblems', () => {
  it.each([
    ['no deletion', 'plain text', 'expected at least one deletion such as {{c1::answer}}, got none'],
    ['an empty answer', '{{c1::}} x', 'deletion c1 has an empty answer'],
    ['c0', '{{c0::x}}', 'deletion numbers start at c1, got c0'],
    ['an unclosed deletion', '{{c1::a}} and {{c2::b', 'a deletion is not closed with "}}"'],
  ])('reports %s', (_name, text, problem) => {
    expect(clozeProblems(text)).toContain(problem);
  });
});

describe('cloze cards in a deck', () => {
  const deck = (text: string) => ({ format: 'layerdeck.deck', version: 1, id: 'd', title: 'D', cards: [{ id: 'z', type: 'cloze', text }] });

  it('parses a cloze card', () => {
    expect(parseDeck(deck(TEXT)).ok).toBe(true);
  });

  it('reports a cloze text without deletions at its keypath', () => {
    const result = parseDeck(deck('nothing hidden'));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['cards[0].text: expected at least one deletion such as {{c1::answer}}, got none']);
  });

  it('gives one review item per deletion number', () => {
    const result = parseDeck(deck(TEXT));
    if (!result.ok) throw new Error('deck should be valid');
    expect(reviewItemKeys('d', result.deck.cards[0]!)).toEqual(['d/z#c1', 'd/z#c2']);
  });

  it('parses item keys back to the card key', () => {
    expect(parseItemKey('d/z#c2')).toEqual({ cardKey: 'd/z', cloze: 2 });
    expect(parseItemKey('d/basic')).toEqual({ cardKey: 'd/basic' });
  });
});
