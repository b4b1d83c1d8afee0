import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckJsonSchema, formatProblem, parseDeck, parseDeckText } from '../../../src/domain/deck/format';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/decks', name), 'utf8');

describe('parseDeck', () => {
  it('accepts a minimal deck', () => {
    const result = parseDeckText(fixture('minimal.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.deck.cards.map((card) => card.type)).toEqual(['basic', 'choice', 'typed']);
  });

  it('reads a single expected text as a list', () => {
    const result = parseDeckText(fixture('minimal.json'));
    if (!result.ok) throw new Error('fixture should be valid');
    const typed = result.deck.cards[2];
    expect(typed?.type === 'typed' && typed.answer).toEqual({ kind: 'text', expected: ['FROM'] });
  });

  it('reports every problem of an invalid deck at once', () => {
    const result = parseDeckText(fixture('invalid-many.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual([
      'id: expected an id of letters, digits, ".", "_", ":" or "-" (at most 128, no spaces or "/"), got "broken deck"',
      'title: expected a non-empty string, got ""',
      'cards[1].back: is required but missing',
      'cards[2].back: expected a non-empty string, got 42',
      'cards[4].options: expected at least one option with "correct": true, got none',
      expect.stringMatching(/^cards\[5\]\.answer\.kind: expected one of "text", "oneOf", "all"(, "[a-z]+")*, got "regex"$/),
      expect.stringMatching(/^cards\[6\]\.type: expected one of "basic", "choice", "typed"(, "[a-z]+")*, got "essay"$/),
      'cards[7].explaination: is not a known field (known: id, source, explanation, tags, type, front, back, format)',
    ]);
  });

  it('reports a duplicate card id with both positions', () => {
    const deck = {
      format: 'layerdeck.deck',
      version: 1,
      id: 'd',
      title: 'D',
      cards: [
        { id: 'same', type: 'basic', front: 'a', back: 'b' },
        { id: 'same', type: 'basic', front: 'c', back: 'd' },
      ],
    };
    const result = parseDeck(deck);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'cards[1].id: duplicates the id of cards[0] ("same"); card ids must be unique in a deck',
    ]);
  });

  it('rejects a file of another format before reading its body', () => {
    const result = parseDeck({ format: 'anki', version: 1, cards: 'not read' });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['format: expected "layerdeck.deck", got "anki"']);
  });

  it('rejects a newer format version with an update hint', () => {
    const result = parseDeck({ format: 'layerdeck.deck', version: 2, id: 'd', title: 'D', cards: [] });
    expect(result.ok ? '' : formatProblem(result.problems[0]!)).toMatch(/^version: this deck uses format version 2.*update Layerdeck/);
  });

  it('reports invalid JSON with the parser position', () => {
    const result = parseDeckText('{"format": "layerdeck.deck",');
    expect(result.ok ? '' : formatProblem(result.problems[0]!)).toMatch(/^the file is not valid JSON: /);
  });

  it('accepts a byte order mark before the JSON', () => {
    expect(parseDeckText(`\uFEFF${fixture('minimal.json')}`).ok).toBe(true);
  });

  it('rejects a root that is not an object', () => {
    const result = parseDeck([1, 2]);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['expected an object, got an array']);
  });

  it('rejects an empty card list', () => {
    const result = parseDeck({ format: 'layerdeck.deck', version: 1, id: 'd', title: 'D', cards: [] });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual(['cards: expected at least 1 item, got 0']);
  });
});

describe('deckJsonSchema', () => {
  it('is committed as schema/deck.schema.json', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../../../schema/deck.schema.json'), 'utf8'));
    // After changing a shape, regenerate it with: npm run schema
    expect(committed, 'schema/deck.schema.json is stale; run npm run schema').toEqual(deckJsonSchema());
  });

  it('requires the header fields', () => {
    expect(deckJsonSchema().required).toEqual(['format', 'version', 'id', 'title', 'cards']);
  });
});
