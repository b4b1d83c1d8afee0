import { clozeNumbers } from './cloze';
import type { Card } from './format';

/**
 * Review items: what gets a schedule. Most cards are one item keyed `deckId/cardId`; a cloze
 * card is one item per deletion number, keyed `deckId/cardId#c<n>`.
 */
export function reviewItemKeys(deckId: string, card: Card): string[] {
  const cardKey = `${deckId}/${card.id}`;
  if (card.type !== 'cloze') return [cardKey];
  return clozeNumbers(card.text).map((number) => `${cardKey}#c${number}`);
}

export interface ItemKey {
  /** `deckId/cardId`, the key of the card's content. */
  readonly cardKey: string;
  /** The cloze deletion number, for a cloze item. */
  readonly cloze?: number;
}

export function parseItemKey(itemKey: string): ItemKey {
  const match = /^(.*)#c(\d+)$/.exec(itemKey);
  return match ? { cardKey: match[1]!, cloze: Number(match[2]) } : { cardKey: itemKey };
}
