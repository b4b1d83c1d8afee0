import { describe, expect, it } from 'vitest';
import { newSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import type { Schedule } from '../../../src/domain/schedule/fsrs-adapter';
import { readStoredSchedule } from '../../../src/domain/schedule/stored-schedule';
import { reviewCard } from './support';

const REVIEW: Schedule = reviewCard(Date.parse('2026-01-15T10:00:00Z'));

function problemsOf(value: unknown): string[] {
  const result = readStoredSchedule(value);
  return result.ok ? [] : result.problems;
}

function without(schedule: Schedule, field: keyof Schedule): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...schedule };
  delete copy[field];
  return copy;
}

describe('readStoredSchedule accepts', () => {
  it('a new item', () => {
    const schedule = newSchedule('deck/card', 'deck', 4);
    expect(readStoredSchedule(schedule)).toEqual({ ok: true, schedule });
  });

  it('a review item', () => {
    expect(readStoredSchedule(REVIEW)).toEqual({ ok: true, schedule: REVIEW });
  });

  it.each(['learning', 'relearning'] as const)('a %s item', (state) => {
    expect(readStoredSchedule({ ...REVIEW, state, step: 1, scheduledDays: 0 }).ok).toBe(true);
  });

  it('a new item that keeps a last review time', () => {
    // A reset item is new again but may still carry the time of its last review.
    expect(readStoredSchedule({ ...newSchedule('deck/card', 'deck', 4), lastReview: 1_700_000_000_000 }).ok).toBe(true);
  });

  it('a record with an extra field, dropping it', () => {
    const result = readStoredSchedule({ ...REVIEW, syncedAt: 5 });
    expect(result).toEqual({ ok: true, schedule: REVIEW });
  });
});

describe('readStoredSchedule reports', () => {
  it.each([
    'cardKey',
    'deckId',
    'state',
    'due',
    'stability',
    'difficulty',
    'reps',
    'lapses',
    'step',
    'scheduledDays',
    'lastReview',
  ] as const)('a missing %s', (field) => {
    expect(problemsOf(without(REVIEW, field))).toEqual([`${field} is missing`]);
  });

  it('a renamed field as missing, naming the new name', () => {
    const renamed = { ...without(REVIEW, 'lastReview'), last_review: REVIEW.lastReview };
    expect(problemsOf(renamed)).toEqual(['lastReview is missing (unknown fields present: last_review)']);
  });

  it('an unknown state name', () => {
    expect(problemsOf({ ...REVIEW, state: 'Review' })).toEqual(['state must be one of new, learning, review, relearning: got "Review"']);
  });

  it.each([
    ['due', Number.NaN, 'due must be a finite number (epoch ms, or the position of a new item): got NaN'],
    ['due', '2026-01-15', 'due must be a finite number (epoch ms, or the position of a new item): got "2026-01-15"'],
    ['stability', Number.POSITIVE_INFINITY, 'stability must be a finite number: got Infinity'],
    ['difficulty', '5', 'difficulty must be a finite number: got "5"'],
    ['reps', -1, 'reps must be a whole number, 0 or more: got -1'],
    ['lapses', 1.5, 'lapses must be a whole number, 0 or more: got 1.5'],
    ['step', null, 'step must be a whole number, 0 or more: got null'],
    ['scheduledDays', '5', 'scheduledDays must be a whole number, 0 or more: got "5"'],
    ['lastReview', '2026-01-15', 'lastReview must be epoch ms or null: got "2026-01-15"'],
    ['cardKey', '', 'cardKey must be a non-empty string: got ""'],
    ['deckId', 7, 'deckId must be a non-empty string: got 7'],
  ])('a mistyped %s (%j)', (field, value, message) => {
    expect(problemsOf({ ...REVIEW, [field]: value })).toEqual([message]);
  });

  it('a null lastReview on a reviewed item', () => {
    expect(problemsOf({ ...REVIEW, lastReview: null })).toEqual(['lastReview may be null only for a new item, but state is "review"']);
  });

  it('a reviewed item with no memory state', () => {
    expect(problemsOf({ ...REVIEW, stability: 0, difficulty: 0 })).toEqual([
      'stability must be at least 0.001 for a reviewed item: got 0',
      'difficulty must be from 1 to 10 for a reviewed item: got 0',
    ]);
  });

  it('every problem at once', () => {
    expect(problemsOf({ ...without(REVIEW, 'due'), reps: 'x', state: 'done' })).toHaveLength(3);
  });

  it.each([null, 'schedule', 42, [REVIEW]])('a value that is not an object: %j', (value) => {
    expect(problemsOf(value)).toHaveLength(1);
  });
});
