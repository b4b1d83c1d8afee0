import { describe, expect, it } from 'vitest';
import { exportRevlogCsv, revlogCardId } from '../../../src/domain/import/revlog-csv';

describe('exportRevlogCsv', () => {
  it('writes the FSRS optimizer columns in time order', () => {
    const csv = exportRevlogCsv([
      { cardKey: 'deck/b', time: 2000, rating: 'again', durationMs: 1500.4, before: { state: 'review' } },
      { cardKey: 'deck/a', time: 1000, rating: 'easy', durationMs: 800, before: { state: 'new' } },
      { cardKey: 'deck/c#c2', time: 3000, rating: 'hard', durationMs: 0, before: { state: 'relearning' } },
      { cardKey: 'deck/a', time: 4000, rating: 'good', durationMs: 10, before: { state: 'learning' } },
    ]);
    const a = revlogCardId('deck/a');
    expect(csv).toBe(
      [
        'card_id,review_time,review_rating,review_state,review_duration',
        `${a},1000,4,0,800`,
        `${revlogCardId('deck/b')},2000,1,2,1500`,
        `${revlogCardId('deck/c#c2')},3000,2,3,0`,
        `${a},4000,3,1,10`,
        '',
      ].join('\n'),
    );
  });

  it('gives each key a stable safe integer', () => {
    const id = revlogCardId('deck/a');
    expect(Number.isSafeInteger(id)).toBe(true);
    expect(revlogCardId('deck/a')).toBe(id);
    expect(revlogCardId('deck/a#c1')).not.toBe(id);
  });
});
