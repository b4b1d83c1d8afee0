import { describe, expect, it } from 'vitest';
import { GRADE_NAMES, newSchedule, previewOutcomes, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import type { GradeName, Schedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import { MS_PER_HOUR } from '../../../src/domain/schedule/study-day';

/*
 * Undo in the domain: the storage layer keeps the whole Schedule from before each grade and puts
 * it back in one transaction. That is exact only if reviewSchedule leaves its input untouched and
 * depends on nothing but its arguments, which these tests check.
 */
const BERLIN = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');
const GRADES: readonly GradeName[] = ['good', 'again', 'good', 'good', 'hard', 'easy', 'again', 'good'];

/** Replays GRADES from a new item, each graded when the previous one fell due, and returns every schedule. */
function history(): Schedule[] {
  const schedules = [newSchedule('deck/card', 'deck', 3)];
  for (const grade of GRADES) {
    const current = schedules[schedules.length - 1] as Schedule;
    const now = current.lastReview === null ? NOW : current.due + MS_PER_HOUR;
    schedules.push(reviewSchedule(current, grade, now, DEFAULT_PRESET, BERLIN).schedule);
  }
  return schedules;
}

describe('reviewSchedule for undo', () => {
  it('leaves a frozen input untouched', () => {
    for (const schedule of history()) {
      const snapshot = structuredClone(schedule);
      const frozen = Object.freeze({ ...schedule });
      for (const grade of GRADE_NAMES) reviewSchedule(frozen, grade, NOW + 40 * 86_400_000, DEFAULT_PRESET, BERLIN);
      expect(frozen).toEqual(snapshot);
    }
  });

  it('leaves the input untouched when previewing', () => {
    for (const schedule of history()) {
      const snapshot = structuredClone(schedule);
      previewOutcomes(schedule, NOW + 40 * 86_400_000, DEFAULT_PRESET, BERLIN);
      expect(schedule).toEqual(snapshot);
    }
  });

  it('restores the exact schedule from the snapshot', () => {
    const [, , , learning] = history();
    const before = structuredClone(learning as Schedule);
    const applied = reviewSchedule(learning as Schedule, 'again', (learning as Schedule).due, DEFAULT_PRESET, BERLIN).schedule;
    expect(applied).not.toEqual(before);
    const restored = structuredClone(before);
    expect(restored).toStrictEqual(learning);
  });

  it('gives the same outcome when a grade is redone', () => {
    for (const schedule of history()) {
      const now = schedule.lastReview === null ? NOW : schedule.due + MS_PER_HOUR;
      const first = reviewSchedule(schedule, 'good', now, DEFAULT_PRESET, BERLIN);
      const restored = structuredClone(schedule);
      expect(reviewSchedule(restored, 'good', now, DEFAULT_PRESET, BERLIN)).toStrictEqual(first);
    }
  });

  it('steps back through several levels', () => {
    // Take each snapshot before its grade, as storage does, then undo one level at a time.
    const snapshots: Schedule[] = [];
    let current = newSchedule('deck/card', 'deck', 3);
    for (const grade of GRADES) {
      snapshots.push(structuredClone(current));
      const now = current.lastReview === null ? NOW : current.due + MS_PER_HOUR;
      current = reviewSchedule(current, grade, now, DEFAULT_PRESET, BERLIN).schedule;
    }
    const expected = history();
    expect(current).toStrictEqual(expected[GRADES.length]);
    for (let level = GRADES.length - 1; level >= 0; level--) {
      current = snapshots.pop() as Schedule;
      expect(current, `undo level ${GRADES.length - level}`).toStrictEqual(expected[level]);
    }
  });

  it('keeps every Schedule field in the snapshot', () => {
    const schedule = history()[4] as Schedule;
    expect(Object.keys(structuredClone(schedule)).sort()).toEqual(Object.keys(newSchedule('a/b', 'a', 0)).sort());
  });
});
