import { describe, expect, it } from 'vitest';
import { convertJsonDeck } from '../../../src/domain/import/json-deck';

describe('convertJsonDeck', () => {
  it('lists every problem with its keypath', () => {
    const text = JSON.stringify({ format: 'layerdeck.deck', version: 1, id: 'd', title: '', cards: [{ id: 'a', type: 'basic', front: 'q' }] });
    const outcome = convertJsonDeck('deck.json', text);
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { file: 'deck.json', location: 'title', message: 'expected a non-empty string, got ""' },
        { file: 'deck.json', location: 'cards[0].back', message: 'is required but missing' },
      ],
    });
  });

  it('reports invalid JSON with advice', () => {
    const outcome = convertJsonDeck('deck.json', '{"format":');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]!.message).toMatch(/^the file is not valid JSON: .*; open it in an editor that shows JSON errors and fix the syntax$/);
  });

  it('accepts a byte order mark', () => {
    const text = '\uFEFF' + JSON.stringify({ format: 'layerdeck.deck', version: 1, id: 'd', title: 'D', cards: [{ id: 'a', type: 'basic', front: 'q', back: 'a', format: 'html' }] });
    expect(convertJsonDeck('deck.json', text).ok).toBe(true);
  });
});
