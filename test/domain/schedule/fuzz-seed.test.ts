import { describe, expect, it } from 'vitest';
import { newSchedule, previewOutcomes, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';

const ZONE = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');

describe('fuzz seed', () => {
  it('gives the same intervals later on the same study day', () => {
    let schedule = reviewSchedule(newSchedule('d/c', 'd', 0), 'easy', NOW, DEFAULT_PRESET, ZONE).schedule;
    schedule = reviewSchedule(schedule, 'good', schedule.due + 3_600_000, DEFAULT_PRESET, ZONE).schedule;
    const morning = previewOutcomes(schedule, schedule.due + 3_600_000, DEFAULT_PRESET, ZONE);
    const evening = previewOutcomes(schedule, schedule.due + 10 * 3_600_000, DEFAULT_PRESET, ZONE);
    for (const grade of ['again', 'hard', 'good', 'easy'] as const) {
      expect(evening[grade].schedule.scheduledDays, grade).toBe(morning[grade].schedule.scheduledDays);
    }
  });

  it('differs between items with the same history', () => {
    const intervals = new Set<number>();
    for (let index = 0; index < 20; index++) {
      let schedule = reviewSchedule(newSchedule(`d/c${index}`, 'd', 0), 'easy', NOW, DEFAULT_PRESET, ZONE).schedule;
      schedule = reviewSchedule(schedule, 'easy', schedule.due, DEFAULT_PRESET, ZONE).schedule;
      intervals.add(reviewSchedule(schedule, 'easy', schedule.due, DEFAULT_PRESET, ZONE).schedule.scheduledDays);
    }
    expect(intervals.size).toBeGreaterThan(1);
  });
});
