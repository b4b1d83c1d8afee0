import { describe, expect, it } from 'vitest';
import { newSchedule, previewOutcomes, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import type { Schedule } from '../../../src/domain/schedule/fsrs-adapter';
import { MAX_STEP_MINUTES, stepMoves } from '../../../src/domain/schedule/learning-steps';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import type { Preset } from '../../../src/domain/schedule/preset';
import { MS_PER_MINUTE } from '../../../src/domain/schedule/study-day';
import { reviewCard } from './support';

/*
 * The rule: Good moves one step and graduates from the last step, Again returns to the first
 * step, Easy graduates. Hard stays on the current step: on the first step it waits the average
 * of the first two steps (1.5 x a single step), on a later step it repeats that step's delay.
 */
const BERLIN = 'Europe/Berlin';
const NOW = Date.parse('2026-01-15T10:00:00+01:00');
const THREE_STEPS: Preset = { ...DEFAULT_PRESET, learningSteps: ['1m', '10m', '1h'], relearningSteps: ['10m', '30m'] };

const minutesUntilDue = (schedule: Schedule, now: number) => (schedule.due - now) / MS_PER_MINUTE;

describe('stepMoves', () => {
  it('sends Again to the first step', () => {
    expect(stepMoves([1, 10, 60], 2)?.again).toEqual({ minutes: 1, nextStep: 0 });
  });

  it('averages the first two steps for Hard on the first step', () => {
    expect(stepMoves([1, 10, 60], 0)?.hard).toEqual({ minutes: 6, nextStep: 0 });
  });

  it('waits 1.5 x a single step for Hard', () => {
    expect(stepMoves([10], 0)?.hard).toEqual({ minutes: 15, nextStep: 0 });
  });

  it('keeps Hard on a single long step under a day', () => {
    expect(stepMoves([20 * 60], 0)?.hard).toEqual({ minutes: MAX_STEP_MINUTES, nextStep: 0 });
  });

  it('repeats the current step for Hard on a later step', () => {
    expect(stepMoves([1, 10, 60], 1)?.hard).toEqual({ minutes: 10, nextStep: 1 });
    expect(stepMoves([1, 10, 60], 2)?.hard).toEqual({ minutes: 60, nextStep: 2 });
  });

  it('moves Good to the next step', () => {
    expect(stepMoves([1, 10, 60], 1)?.good).toEqual({ minutes: 60, nextStep: 2 });
  });

  it('leaves Good out on the last step, so it graduates', () => {
    expect(stepMoves([1, 10, 60], 2)?.good).toBeUndefined();
  });

  it('returns nothing without steps', () => {
    expect(stepMoves([], 0)).toBeUndefined();
  });
});

describe('reviewSchedule through learning steps', () => {
  const first = reviewSchedule(newSchedule('deck/card', 'deck', 0), 'again', NOW, THREE_STEPS, BERLIN).schedule;
  const second = reviewSchedule(first, 'good', first.due, THREE_STEPS, BERLIN).schedule;
  const third = reviewSchedule(second, 'good', second.due, THREE_STEPS, BERLIN).schedule;

  it('starts Again on the first step', () => {
    expect(first.state).toBe('learning');
    expect(first.step).toBe(0);
    expect(minutesUntilDue(first, NOW)).toBe(1);
  });

  it('advances one step per Good', () => {
    expect(second.step).toBe(1);
    expect(minutesUntilDue(second, first.due)).toBe(10);
    expect(third.step).toBe(2);
    expect(minutesUntilDue(third, second.due)).toBe(60);
  });

  it('graduates on Good at the last step', () => {
    const graduated = reviewSchedule(third, 'good', third.due, THREE_STEPS, BERLIN).schedule;
    expect(graduated.state).toBe('review');
    expect(graduated.step).toBe(0);
    expect(graduated.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it('returns to the first step on Again at a later step', () => {
    const again = reviewSchedule(third, 'again', third.due, THREE_STEPS, BERLIN).schedule;
    expect(again.step).toBe(0);
    expect(minutesUntilDue(again, third.due)).toBe(1);
  });

  it('waits the first-step average on Hard at the first step', () => {
    const hard = reviewSchedule(first, 'hard', first.due, THREE_STEPS, BERLIN).schedule;
    expect(hard.step).toBe(0);
    expect(minutesUntilDue(hard, first.due)).toBe(6);
  });

  it('repeats the current step on Hard at a later step', () => {
    const hard = reviewSchedule(third, 'hard', third.due, THREE_STEPS, BERLIN).schedule;
    expect(hard.state).toBe('learning');
    expect(hard.step).toBe(2);
    expect(minutesUntilDue(hard, third.due)).toBe(60);
  });

  it('graduates on Easy from any step', () => {
    for (const schedule of [first, second, third]) {
      expect(reviewSchedule(schedule, 'easy', schedule.due, THREE_STEPS, BERLIN).schedule.state).toBe('review');
    }
  });

  it('graduates a new item at once without steps', () => {
    const noSteps = { ...DEFAULT_PRESET, learningSteps: [] };
    const { schedule } = reviewSchedule(newSchedule('deck/card', 'deck', 0), 'again', NOW, noSteps, BERLIN);
    expect(schedule.state).toBe('review');
    expect(schedule.scheduledDays).toBe(1);
  });

  it('reads fractional hours exactly', () => {
    // ts-fsrs 5.4.2 reads "1.5h" as 1 hour; the adapter hands it over as 90m.
    const preset = { ...DEFAULT_PRESET, learningSteps: ['1.5h' as const] };
    const { schedule } = reviewSchedule(newSchedule('deck/card', 'deck', 0), 'again', NOW, preset, BERLIN);
    expect(minutesUntilDue(schedule, NOW)).toBe(90);
  });

  it('treats a step past the last one as the last step', () => {
    // The preset had three steps when this item reached step 2; now it has two.
    const shorter = { ...THREE_STEPS, learningSteps: ['1m' as const, '10m' as const] };
    const again = reviewSchedule(third, 'again', third.due, shorter, BERLIN).schedule;
    const good = reviewSchedule(third, 'good', third.due, shorter, BERLIN).schedule;
    expect(again.state).toBe('learning');
    expect(again.step).toBe(0);
    expect(good.state).toBe('review');
  });

  it('shows the same step delays on the buttons', () => {
    const preview = previewOutcomes(third, third.due, THREE_STEPS, BERLIN);
    expect(minutesUntilDue(preview.again.schedule, third.due)).toBe(1);
    expect(minutesUntilDue(preview.hard.schedule, third.due)).toBe(60);
    expect(preview.good.schedule.state).toBe('review');
  });
});

describe('reviewSchedule through relearning steps', () => {
  const lapsed = reviewSchedule(reviewCard(NOW - 5 * 86_400_000), 'again', NOW, THREE_STEPS, BERLIN).schedule;

  it('starts a lapse on the first relearning step', () => {
    expect(lapsed.state).toBe('relearning');
    expect(lapsed.step).toBe(0);
    expect(minutesUntilDue(lapsed, NOW)).toBe(10);
  });

  it('averages the first two steps on Hard at the first step', () => {
    const hard = reviewSchedule(lapsed, 'hard', lapsed.due, THREE_STEPS, BERLIN).schedule;
    expect(minutesUntilDue(hard, lapsed.due)).toBe(20);
  });

  it('advances and then graduates on Good', () => {
    const second = reviewSchedule(lapsed, 'good', lapsed.due, THREE_STEPS, BERLIN).schedule;
    expect(second.state).toBe('relearning');
    expect(second.step).toBe(1);
    expect(minutesUntilDue(second, lapsed.due)).toBe(30);
    const graduated = reviewSchedule(second, 'good', second.due, THREE_STEPS, BERLIN).schedule;
    expect(graduated.state).toBe('review');
  });

  it('repeats the current step on Hard at a later step', () => {
    const second = reviewSchedule(lapsed, 'good', lapsed.due, THREE_STEPS, BERLIN).schedule;
    const hard = reviewSchedule(second, 'hard', second.due, THREE_STEPS, BERLIN).schedule;
    expect(hard.step).toBe(1);
    expect(minutesUntilDue(hard, second.due)).toBe(30);
  });

  it('returns to the first step on Again', () => {
    const second = reviewSchedule(lapsed, 'good', lapsed.due, THREE_STEPS, BERLIN).schedule;
    const again = reviewSchedule(second, 'again', second.due, THREE_STEPS, BERLIN).schedule;
    expect(again.step).toBe(0);
    expect(minutesUntilDue(again, second.due)).toBe(10);
  });

  it('counts one lapse for the whole relearning', () => {
    const second = reviewSchedule(lapsed, 'again', lapsed.due, THREE_STEPS, BERLIN).schedule;
    expect(second.lapses).toBe(1);
  });
});
