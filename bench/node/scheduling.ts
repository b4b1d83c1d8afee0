/**
 * Scheduling: reviews per second through our adapter (`reviewSchedule`) next to bare ts-fsrs
 * `next()` with the same parameters, on the same review sequence. The bare side gets its ts-fsrs
 * cards ready-made, as an app that stored ts-fsrs cards would, so the ratio is the adapter's whole cost.
 */
import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs';
import type { Card as FsrsCard, Grade } from 'ts-fsrs';
import { createRandom } from '../browser/synthetic';
import { newSchedule, reviewSchedule } from '../../src/domain/schedule/fsrs-adapter';
import type { GradeName, Schedule, ScheduleState } from '../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../src/domain/schedule/preset';
import { median, nowMs } from '../stats';

/** A zone with daylight saving time, so the adapter's study-day arithmetic does its full work. */
export const SCHEDULING_TIME_ZONE = 'Europe/Berlin';

export interface SchedulingResult {
  readonly reviewsPerRound: number;
  readonly adapterPerSecond: number;
  readonly barePerSecond: number;
  /** Adapter time over bare time for the same reviews: 1 means no overhead. */
  readonly ratio: number;
  readonly adapterRoundsMs: number[];
  readonly bareRoundsMs: number[];
}

interface ReviewInput {
  readonly schedule: Schedule;
  readonly grade: GradeName;
  readonly now: number;
}

const GRADE_TO_RATING: Record<GradeName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATE_TO_FSRS: Record<ScheduleState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

function randomGrade(random: () => number): GradeName {
  const draw = random();
  if (draw < 0.1) return 'again';
  if (draw < 0.2) return 'hard';
  if (draw < 0.9) return 'good';
  return 'easy';
}

/**
 * Builds `itemCount` x `reviewsPerItem` reviews: each item reviewed when it falls due, with nine
 * in ten grades a pass, so the sequence mixes new, learning, review and relearning items.
 */
function reviewSequence(itemCount: number, reviewsPerItem: number): ReviewInput[] {
  const random = createRandom(11);
  const inputs: ReviewInput[] = [];
  const start = Date.UTC(2026, 0, 5, 9);
  for (let item = 0; item < itemCount; item++) {
    let schedule = newSchedule(`bench/item-${item}`, 'bench', item);
    let now = start + item * 60_000;
    for (let review = 0; review < reviewsPerItem; review++) {
      const grade = randomGrade(random);
      inputs.push({ schedule, grade, now });
      schedule = reviewSchedule(schedule, grade, now, DEFAULT_PRESET, SCHEDULING_TIME_ZONE).schedule;
      now = Math.max(now, schedule.due) + Math.round(random() * 3_600_000);
    }
  }
  return inputs;
}

function toBareCard(schedule: Schedule, now: number): FsrsCard {
  if (schedule.state === 'new') return createEmptyCard(new Date(now));
  return {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: 0,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.step,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: STATE_TO_FSRS[schedule.state],
    last_review: new Date(schedule.lastReview ?? schedule.due),
  };
}

/** Times `rounds` rounds of the whole sequence on each side, alternating sides, after one warm-up round each. */
export function benchScheduling(itemCount: number, reviewsPerItem: number, rounds: number): SchedulingResult {
  const inputs = reviewSequence(itemCount, reviewsPerItem);
  const bareInputs = inputs.map((input) => ({ card: toBareCard(input.schedule, input.now), now: new Date(input.now), rating: GRADE_TO_RATING[input.grade] }));
  const scheduler = fsrs({
    request_retention: DEFAULT_PRESET.desiredRetention,
    maximum_interval: DEFAULT_PRESET.maximumInterval,
    learning_steps: [...DEFAULT_PRESET.learningSteps],
    relearning_steps: [...DEFAULT_PRESET.relearningSteps],
    enable_fuzz: true,
    enable_short_term: true,
  });

  const adapterRound = () => {
    const start = nowMs();
    for (const { schedule, grade, now } of inputs) reviewSchedule(schedule, grade, now, DEFAULT_PRESET, SCHEDULING_TIME_ZONE);
    return nowMs() - start;
  };
  const bareRound = () => {
    const start = nowMs();
    for (const { card, now, rating } of bareInputs) scheduler.next(card, now, rating);
    return nowMs() - start;
  };

  adapterRound();
  bareRound();
  const adapterRoundsMs: number[] = [];
  const bareRoundsMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    adapterRoundsMs.push(adapterRound());
    bareRoundsMs.push(bareRound());
  }

  const adapterMs = median(adapterRoundsMs);
  const bareMs = median(bareRoundsMs);
  return {
    reviewsPerRound: inputs.length,
    adapterPerSecond: (inputs.length / adapterMs) * 1000,
    barePerSecond: (inputs.length / bareMs) * 1000,
    ratio: adapterMs / bareMs,
    adapterRoundsMs,
    bareRoundsMs,
  };
}
