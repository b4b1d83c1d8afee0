import { describe, expect, it } from 'vitest';
import { newSchedule, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import { replayHistory } from '../../../src/domain/import/replay';
import type { HistoryEntry } from '../../../src/domain/import/problems';

const DAY = 86_400_000;
const start = Date.UTC(2024, 0, 1, 9);
const positions = new Map([
  ['d/a', 0],
  ['d/b', 1],
]);

describe('replayHistory', () => {
  it('applies grades in time order through the adapter', () => {
    const history: HistoryEntry[] = [
      { kind: 'review', itemKey: 'd/a', time: start + DAY, rating: 'good', durationMs: 2000 },
      { kind: 'review', itemKey: 'd/a', time: start, rating: 'good', durationMs: 1000 },
    ];
    const result = replayHistory('d', history, positions, DEFAULT_PRESET, 'UTC');

    const first = reviewSchedule(newSchedule('d/a', 'd', 0), 'good', start, DEFAULT_PRESET, 'UTC').schedule;
    const second = reviewSchedule(first, 'good', start + DAY, DEFAULT_PRESET, 'UTC').schedule;
    expect(result.schedules).toEqual([second]);
    expect(result.reviews.map((review) => [review.time, review.before, review.after])).toEqual([
      [start, newSchedule('d/a', 'd', 0), { state: first.state, due: first.due }],
      [start + DAY, first, { state: second.state, due: second.due }],
    ]);
    expect(result.reviews[0]).toMatchObject({ cardKey: 'd/a', deckId: 'd', rating: 'good', durationMs: 1000 });
  });

  it('starts over after a reset', () => {
    const history: HistoryEntry[] = [
      { kind: 'review', itemKey: 'd/b', time: start, rating: 'easy', durationMs: 0 },
      { kind: 'reset', itemKey: 'd/b', time: start + DAY },
      { kind: 'review', itemKey: 'd/b', time: start + 2 * DAY, rating: 'again', durationMs: 0 },
    ];
    const result = replayHistory('d', history, positions, DEFAULT_PRESET, 'UTC');
    expect(result.reviews[1]!.before).toEqual(newSchedule('d/b', 'd', 1));
    expect(result.schedules[0]).toMatchObject({ state: 'learning', reps: 1, lastReview: start + 2 * DAY });
  });

  it('counts entries for items not in the deck', () => {
    const history: HistoryEntry[] = [{ kind: 'review', itemKey: 'd/gone', time: start, rating: 'good', durationMs: 0 }];
    expect(replayHistory('d', history, positions, DEFAULT_PRESET, 'UTC')).toEqual({ schedules: [], reviews: [], unmatched: 1 });
  });
});
