/**
 * The one module that imports ts-fsrs. Records cross this edge as our camelCase types with epoch
 * milliseconds; ts-fsrs objects never leave it.
 *
 * Elapsed days policy: ts-fsrs counts elapsed days as the difference between the UTC calendar
 * dates of the last review and now. We feed it a virtual timeline on which each study day of the
 * learner is one UTC day (study day N starts at N x 24 h, plus the time since the local rollover),
 * so elapsed days are counted in the learner's study days: two reviews in one morning are zero
 * days apart, 22:00 and 07:00 the next morning are one day apart with a 04:00 rollover.
 * Review due times are then anchored to the local rollover of the due study day (never "plus N x
 * 24 h", which drifts across daylight saving changes), while learning steps keep exact durations.
 *
 * A clock that reads earlier than the last review is clamped to the last review, so the grade
 * is applied with zero elapsed time; the review log keeps the real timestamp.
 */
import { fsrs, Rating, State, createEmptyCard } from 'ts-fsrs';
import type { Card as FsrsCard, FSRS, Grade } from 'ts-fsrs';
import type { Preset } from './preset';
import { MS_PER_DAY, studyDayOf, studyDayStart } from './study-day';
import type { DayOptions, StudyDay } from './study-day';

export type ScheduleState = 'new' | 'learning' | 'review' | 'relearning';
export type GradeName = 'again' | 'hard' | 'good' | 'easy';
export const GRADE_NAMES: readonly GradeName[] = ['again', 'hard', 'good', 'easy'];

/** The scheduling state of one review item, stored apart from its content. */
export interface Schedule {
  /** `deckId/cardId`, or `deckId/cardId#n` for cloze deletion n. */
  readonly cardKey: string;
  readonly deckId: string;
  readonly state: ScheduleState;
  /** Epoch ms when the item is next due; for a new item, its position in the deck, which orders new items. */
  readonly due: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly reps: number;
  readonly lapses: number;
  /** Index of the current learning or relearning step. */
  readonly step: number;
  /** Days FSRS scheduled at the last review (0 for a learning step). */
  readonly scheduledDays: number;
  /** Epoch ms of the last review, or null for a new item. */
  readonly lastReview: number | null;
}

export interface Outcome {
  readonly schedule: Schedule;
  /** The time used for scheduling: the real time, or the last review when the clock ran back. */
  readonly effectiveNow: number;
}

const STATE_TO_FSRS: Record<ScheduleState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_FROM_FSRS: Record<State, ScheduleState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const GRADE_TO_FSRS: Record<GradeName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export function newSchedule(cardKey: string, deckId: string, position: number): Schedule {
  return {
    cardKey,
    deckId,
    state: 'new',
    due: position,
    stability: 0,
    difficulty: 0,
    reps: 0,
    lapses: 0,
    step: 0,
    scheduledDays: 0,
    lastReview: null,
  };
}

const schedulers = new Map<string, FSRS>();

function schedulerFor(preset: Preset): FSRS {
  const key = JSON.stringify([preset.desiredRetention, preset.maximumInterval, preset.learningSteps, preset.relearningSteps]);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    scheduler = fsrs({
      request_retention: preset.desiredRetention,
      maximum_interval: preset.maximumInterval,
      learning_steps: [...preset.learningSteps],
      relearning_steps: [...preset.relearningSteps],
      enable_fuzz: true,
      enable_short_term: true,
    });
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** Maps an instant to the virtual timeline on which each study day is one UTC day. */
function toVirtual(instant: number, days: DayOptions): number {
  const day = studyDayOf(instant, days);
  const sinceStart = instant - studyDayStart(day, days);
  return day * MS_PER_DAY + Math.min(Math.max(sinceStart, 0), MS_PER_DAY - 1);
}

function toFsrsCard(schedule: Schedule, days: DayOptions, virtualNow: number): FsrsCard {
  if (schedule.state === 'new') return createEmptyCard(new Date(virtualNow));
  const lastReview = schedule.lastReview ?? schedule.due;
  return {
    due: new Date(toVirtual(schedule.due, days)),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: 0,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.step,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: STATE_TO_FSRS[schedule.state],
    last_review: new Date(toVirtual(lastReview, days)),
  };
}

function dayOptions(preset: Preset, timeZone: string): DayOptions {
  return { timeZone, rolloverHour: preset.rolloverHour };
}

function fromFsrsCard(before: Schedule, card: FsrsCard, effectiveNow: number, virtualNow: number, preset: Preset, days: DayOptions): Schedule {
  const state = STATE_FROM_FSRS[card.state];
  // ts-fsrs keeps Easy at least one day above Good, which can step past maximum_interval, so
  // the cap is applied again here for every button.
  const scheduledDays = Math.min(card.scheduled_days, preset.maximumInterval);
  const dueInDays = state === 'review' && scheduledDays >= 1;
  const due = dueInDays
    ? studyDayStart((studyDayOf(effectiveNow, days) + scheduledDays) as StudyDay, days)
    : effectiveNow + (card.due.getTime() - virtualNow);
  return {
    cardKey: before.cardKey,
    deckId: before.deckId,
    state,
    due,
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    step: card.learning_steps,
    scheduledDays,
    lastReview: effectiveNow,
  };
}

/** Every grade's outcome for one item at `now`, for the interval shown on each button. */
export function previewOutcomes(schedule: Schedule, now: number, preset: Preset, timeZone: string): Record<GradeName, Outcome> {
  const days = dayOptions(preset, timeZone);
  const effectiveNow = Math.max(now, schedule.lastReview ?? now);
  const virtualNow = toVirtual(effectiveNow, days);
  const preview = schedulerFor(preset).repeat(toFsrsCard(schedule, days, virtualNow), new Date(virtualNow));
  const outcome = (grade: GradeName): Outcome => ({
    schedule: fromFsrsCard(schedule, preview[GRADE_TO_FSRS[grade]].card, effectiveNow, virtualNow, preset, days),
    effectiveNow,
  });
  return { again: outcome('again'), hard: outcome('hard'), good: outcome('good'), easy: outcome('easy') };
}

/** Applies one grade to an item at `now`. */
export function reviewSchedule(schedule: Schedule, grade: GradeName, now: number, preset: Preset, timeZone: string): Outcome {
  const days = dayOptions(preset, timeZone);
  const effectiveNow = Math.max(now, schedule.lastReview ?? now);
  const virtualNow = toVirtual(effectiveNow, days);
  const next = schedulerFor(preset).next(toFsrsCard(schedule, days, virtualNow), new Date(virtualNow), GRADE_TO_FSRS[grade]);
  return { schedule: fromFsrsCard(schedule, next.card, effectiveNow, virtualNow, preset, days), effectiveNow };
}

/** A short label for the wait until `due`: `1m`, `10m`, `3h`, `4d`, `2.5mo`, `1.2y`. */
export function intervalLabel(outcome: Outcome): string {
  const { schedule, effectiveNow } = outcome;
  if (schedule.state === 'review' && schedule.scheduledDays >= 1) {
    const days = schedule.scheduledDays;
    if (days < 30) return `${days}d`;
    if (days < 365) return `${roundToTenth(days / 30.4)}mo`;
    return `${roundToTenth(days / 365)}y`;
  }
  const minutes = Math.max(1, Math.round((schedule.due - effectiveNow) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 1440) return `${roundToTenth(minutes / 60)}h`;
  return `${roundToTenth(minutes / 1440)}d`;
}

function roundToTenth(value: number): string {
  return String(Math.round(value * 10) / 10);
}
