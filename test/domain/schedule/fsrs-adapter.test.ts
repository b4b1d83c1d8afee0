import { describe, expect, it } from 'vitest';
import { intervalLabel, newSchedule, previewOutcomes, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import type { Schedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import { MS_PER_MINUTE } from '../../../src/domain/schedule/study-day';

const BERLIN = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');
const fresh = (): Schedule => newSchedule('deck/card', 'deck', 0);

describe('reviewSchedule on a new card', () => {
  it('moves Again to the first learning step', () => {
    const { schedule } = reviewSchedule(fresh(), 'again', NOW, DEFAULT_PRESET, BERLIN);
    expect(schedule.state).toBe('learning');
    expect(schedule.step).toBe(0);
    expect(schedule.due).toBe(NOW + 1 * MS_PER_MINUTE);
  });

  it('moves Good to the second learning step', () => {
    const { schedule } = reviewSchedule(fresh(), 'good', NOW, DEFAULT_PRESET, BERLIN);
    expect(schedule.state).toBe('learning');
    expect(schedule.step).toBe(1);
    expect(schedule.due).toBe(NOW + 10 * MS_PER_MINUTE);
  });

  it('graduates Easy to a review due at a local rollover', () => {
    const { schedule } = reviewSchedule(fresh(), 'easy', NOW, DEFAULT_PRESET, BERLIN);
    expect(schedule.state).toBe('review');
    expect(schedule.scheduledDays).toBeGreaterThanOrEqual(1);
    const due = new Date(schedule.due);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: BERLIN, hour: '2-digit', minute: '2-digit' }).format(due)).toBe('04:00');
  });

  it('records the review time and counts the repetition', () => {
    const { schedule } = reviewSchedule(fresh(), 'good', NOW, DEFAULT_PRESET, BERLIN);
    expect(schedule.lastReview).toBe(NOW);
    expect(schedule.reps).toBe(1);
    expect(schedule.cardKey).toBe('deck/card');
  });
});

describe('reviewSchedule through learning', () => {
  it('graduates after the last learning step', () => {
    const first = reviewSchedule(fresh(), 'good', NOW, DEFAULT_PRESET, BERLIN).schedule;
    const second = reviewSchedule(first, 'good', first.due, DEFAULT_PRESET, BERLIN).schedule;
    expect(second.state).toBe('review');
    expect(second.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it('sends a review card that lapses to relearning', () => {
    const graduated = reviewSchedule(fresh(), 'easy', NOW, DEFAULT_PRESET, BERLIN).schedule;
    const lapsed = reviewSchedule(graduated, 'again', graduated.due + 3600_000, DEFAULT_PRESET, BERLIN).schedule;
    expect(lapsed.state).toBe('relearning');
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due).toBe(graduated.due + 3600_000 + 10 * MS_PER_MINUTE);
  });
});

describe('reviewSchedule with a clock behind the last review', () => {
  it('clamps to the last review instead of throwing', () => {
    const first = reviewSchedule(fresh(), 'good', NOW, DEFAULT_PRESET, BERLIN).schedule;
    const outcome = reviewSchedule(first, 'good', NOW - 3_600_000, DEFAULT_PRESET, BERLIN);
    expect(outcome.effectiveNow).toBe(NOW);
    expect(outcome.schedule.reps).toBe(2);
    expect(outcome.schedule.lastReview).toBe(NOW);
  });
});

describe('previewOutcomes', () => {
  it('predicts exactly what reviewSchedule applies', () => {
    const learning = reviewSchedule(fresh(), 'good', NOW, DEFAULT_PRESET, BERLIN).schedule;
    const later = learning.due + 5 * MS_PER_MINUTE;
    const preview = previewOutcomes(learning, later, DEFAULT_PRESET, BERLIN);
    for (const grade of ['again', 'hard', 'good', 'easy'] as const) {
      expect(preview[grade].schedule).toEqual(reviewSchedule(learning, grade, later, DEFAULT_PRESET, BERLIN).schedule);
    }
  });

  it('labels the new-card buttons', () => {
    const preview = previewOutcomes(fresh(), NOW, DEFAULT_PRESET, BERLIN);
    expect(intervalLabel(preview.again)).toBe('1m');
    expect(intervalLabel(preview.good)).toBe('10m');
    expect(intervalLabel(preview.easy)).toMatch(/^\d+d$/);
  });

  it('never exceeds the maximum interval', () => {
    const preset = { ...DEFAULT_PRESET, maximumInterval: 3 };
    let schedule = reviewSchedule(fresh(), 'easy', NOW, preset, BERLIN).schedule;
    for (let round = 0; round < 5; round++) schedule = reviewSchedule(schedule, 'easy', schedule.due, preset, BERLIN).schedule;
    const preview = previewOutcomes(schedule, schedule.due, preset, BERLIN);
    for (const outcome of Object.values(preview)) expect(outcome.schedule.scheduledDays).toBeLessThanOrEqual(3);
  });
});

describe('intervalLabel', () => {
  const review = (days: number) => ({ schedule: { ...fresh(), state: 'review' as const, scheduledDays: days, due: 0 }, effectiveNow: 0 });
  it.each([
    [1, '1d'],
    [29, '29d'],
    [61, '2mo'],
    [400, '1.1y'],
  ])('labels %i days as %s', (days, label) => {
    expect(intervalLabel(review(days))).toBe(label);
  });
});
