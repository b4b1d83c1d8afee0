import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Deck } from '../../src/domain/deck/format';
import { contentHash } from '../../src/domain/deck/hash';
import { LayerdeckDatabase } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import type { DeckSource } from '../../src/storage/repository';

let counter = 0;

/** A repository over a fresh in-memory IndexedDB database. */
export function freshRepository(): Repository {
  counter += 1;
  return new Repository(new LayerdeckDatabase(`test-${counter}-${Math.random()}`, { indexedDB, IDBKeyRange }));
}

export function basicDeck(id: string, cardCount: number, title = `Deck ${id}`): Deck {
  return {
    format: 'layerdeck.deck',
    version: 1,
    id,
    title,
    cards: Array.from({ length: cardCount }, (_, index) => ({ id: `c${index}`, type: 'basic' as const, front: `Front ${index}`, back: `Back ${index}` })),
  };
}

export function source(deck: Deck): DeckSource {
  return { deck, contentHash: contentHash(JSON.stringify(deck)) };
}
