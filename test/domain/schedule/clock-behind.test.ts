import { describe, expect, it } from 'vitest';
import { GRADE_NAMES, newSchedule, previewOutcomes, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../../src/domain/schedule/study-day';
import { localTime, reviewCard } from './support';

/*
 * Policy: when the device clock reads earlier than the item's last review, the grade is applied
 * as if it were given at the last review (effectiveNow = lastReview). Elapsed time is zero, the
 * new lastReview stays at the previous one, and the review log (storage) keeps the real time.
 */
const BERLIN = 'Europe/Berlin';
const LAST_REVIEW = Date.parse('2026-01-15T10:00:00+01:00');

describe('reviewSchedule with a clock behind the last review', () => {
  const learning = reviewSchedule(newSchedule('deck/card', 'deck', 0), 'good', LAST_REVIEW, DEFAULT_PRESET, BERLIN).schedule;
  const review = reviewCard(LAST_REVIEW);

  it('applies the grade to a learning item', () => {
    const outcome = reviewSchedule(learning, 'good', LAST_REVIEW - MS_PER_HOUR, DEFAULT_PRESET, BERLIN);
    expect(outcome.schedule.reps).toBe(learning.reps + 1);
    expect(outcome.schedule.state).toBe('review');
  });

  it('applies Again to a review item as a lapse', () => {
    const outcome = reviewSchedule(review, 'again', LAST_REVIEW - MS_PER_HOUR, DEFAULT_PRESET, BERLIN);
    expect(outcome.schedule.state).toBe('relearning');
    expect(outcome.schedule.lapses).toBe(review.lapses + 1);
  });

  it('reports the last review as the effective time', () => {
    const outcome = reviewSchedule(review, 'good', LAST_REVIEW - MS_PER_HOUR, DEFAULT_PRESET, BERLIN);
    expect(outcome.effectiveNow).toBe(LAST_REVIEW);
  });

  it('keeps lastReview from moving backward', () => {
    const outcome = reviewSchedule(review, 'good', LAST_REVIEW - MS_PER_HOUR, DEFAULT_PRESET, BERLIN);
    expect(outcome.schedule.lastReview).toBe(LAST_REVIEW);
  });

  it('clamps elapsed days to zero', () => {
    const outcome = reviewSchedule(review, 'good', LAST_REVIEW - 3 * MS_PER_DAY, DEFAULT_PRESET, BERLIN);
    expect(outcome.elapsedDays).toBe(0);
  });

  it('schedules as if graded at the last review', () => {
    const behind = reviewSchedule(review, 'good', LAST_REVIEW - 3 * MS_PER_DAY, DEFAULT_PRESET, BERLIN);
    const atLastReview = reviewSchedule(review, 'good', LAST_REVIEW, DEFAULT_PRESET, BERLIN);
    expect(behind).toEqual(atLastReview);
  });

  it('times a learning step from the last review', () => {
    const outcome = reviewSchedule(review, 'again', LAST_REVIEW - 3 * MS_PER_DAY, DEFAULT_PRESET, BERLIN);
    expect(outcome.schedule.due).toBe(LAST_REVIEW + 10 * MS_PER_MINUTE);
  });

  it('dates a review from the last review', () => {
    const oneDay = { ...DEFAULT_PRESET, maximumInterval: 1 };
    const outcome = reviewSchedule(review, 'good', LAST_REVIEW - 3 * MS_PER_DAY, oneDay, BERLIN);
    expect(localTime(outcome.schedule.due, BERLIN)).toBe('2026-01-16 04:00');
  });

  it('previews every grade without throwing', () => {
    const preview = previewOutcomes(review, LAST_REVIEW - 30 * MS_PER_DAY, DEFAULT_PRESET, BERLIN);
    for (const grade of GRADE_NAMES) {
      expect(preview[grade].schedule.reps, grade).toBe(review.reps + 1);
      expect(preview[grade].effectiveNow, grade).toBe(LAST_REVIEW);
    }
  });

  it('keeps a clock that runs ahead as it reads', () => {
    const now = LAST_REVIEW + MS_PER_HOUR;
    const outcome = reviewSchedule(review, 'good', now, DEFAULT_PRESET, BERLIN);
    expect(outcome.effectiveNow).toBe(now);
    expect(outcome.schedule.lastReview).toBe(now);
  });
});
