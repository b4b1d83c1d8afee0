/**
 * The one module that imports ts-fsrs. Records cross this edge as our camelCase types with epoch
 * milliseconds, and ts-fsrs objects never leave it. ts-fsrs is pinned at 5.4.2, which has the
 * learning-step fixes of 5.2.1 (no early graduation from Learning) and 5.3.1 (Good no longer skips
 * a step). Rerun these tests before moving the pin.
 *
 * Elapsed days policy: ts-fsrs counts elapsed days as the difference between the UTC calendar
 * dates of the last review and now. We feed it a virtual timeline on which each study day of the
 * learner is one UTC day (study day N starts at N x 24 h, plus the time since the local rollover),
 * so elapsed days are counted in the learner's study days, as `elapsedStudyDays` returns them: two
 * reviews in one morning are zero days apart, and 22:00 then 07:00 the next morning are one day
 * apart with a 04:00 rollover. Each outcome reports the value ts-fsrs used as `elapsedDays`.
 *
 * Due times: a review is due at the local rollover of its study day plus the scheduled days
 * (never "plus N x 24 h", which drifts across daylight saving changes), so one day given at 03:30,
 * before a 04:00 rollover, is due at 04:00 that same morning. Learning steps keep exact durations.
 *
 * Clock running behind: when `now` is earlier than the last review, the grade is applied at the
 * last review instead (`effectiveNow`), so elapsed time is zero and nothing throws. The new
 * `lastReview` is that effective time, so it never moves backward. The review log keeps the real
 * timestamp, which the storage layer records.
 *
 * Learning steps: ts-fsrs' built-in strategy is replaced by `stepMoves` (Anki's rule, described
 * there and on `Preset.learningSteps`), and steps are handed over as whole minutes because
 * ts-fsrs 5.4.2 parses `1.5h` as 1 hour.
 */
import { fsrs, Rating, State, StrategyMode, createEmptyCard } from 'ts-fsrs';
import type { Card as FsrsCard, FSRS, Grade, RecordLogItem, TLearningStepsStrategy, AbstractScheduler } from 'ts-fsrs';
import { stepMoves } from './learning-steps';
import type { StepMove } from './learning-steps';
import { stepMinutes } from './preset';
import type { Preset, StepText } from './preset';
import { MS_PER_DAY, studyDayOf, studyDayStart } from './study-day';
import type { DayOptions, StudyDay } from './study-day';

export { elapsedStudyDays } from './study-day';

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
  /**
   * Epoch ms of the last review's effective time, or null for a new item. When the clock ran
   * behind, this is the previous review's time rather than the device's reading.
   */
  readonly lastReview: number | null;
}

export interface Outcome {
  readonly schedule: Schedule;
  /** The time used for scheduling: the real time, or the last review when the clock ran behind it. */
  readonly effectiveNow: number;
  /** Study days since the last review, as ts-fsrs received them (0 for a new item). */
  readonly elapsedDays: number;
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

/** Converts steps to whole minutes, the only form ts-fsrs 5.4.2 parses without losing a fraction. */
function toFsrsSteps(steps: readonly StepText[]): StepText[] {
  return steps.map((step) => {
    const minutes = stepMinutes(step);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes >= 1440) {
      throw new RangeError(`Invalid learning or relearning step "${step}": check the preset with validatePreset before scheduling.`);
    }
    return `${minutes}m` as StepText;
  });
}

function toFsrsMove(move: StepMove): { scheduled_minutes: number; next_step: number } {
  return { scheduled_minutes: move.minutes, next_step: move.nextStep };
}

/**
 * ts-fsrs' learning-steps hook, applying `stepMoves`. A step index past the end of the steps (the
 * preset lost steps since) counts as the last step, so Again still returns to the first step
 * instead of graduating the item.
 */
const learningStepsStrategy: TLearningStepsStrategy = (params, state, currentStep) => {
  const relearning = state === State.Relearning || state === State.Review;
  const steps = (relearning ? params.relearning_steps : params.learning_steps).map(stepMinutes);
  const step = state === State.Review ? 0 : Math.min(currentStep, steps.length - 1);
  const moves = stepMoves(steps, Math.max(step, 0));
  if (!moves) return {};

  // A review card only needs Again here, because Hard, Good and Easy keep it in review.
  if (state === State.Review) return { [Rating.Again]: toFsrsMove(moves.again) };
  const result: ReturnType<TLearningStepsStrategy> = {
    [Rating.Again]: toFsrsMove(moves.again),
    [Rating.Hard]: toFsrsMove(moves.hard),
  };
  if (moves.good) result[Rating.Good] = toFsrsMove(moves.good);
  return result;
};

/** The item key travels on the ts-fsrs card under this field, for the fuzz seed. */
const ITEM_KEY_FIELD = 'layerdeck_item_key';

function fuzzSeed(this: AbstractScheduler): string {
  // ts-fsrs keeps the card under review in a protected field; a seed strategy may read it.
  const current = Reflect.get(this, 'current') as FsrsCard;
  return `${String(Reflect.get(current, ITEM_KEY_FIELD) ?? '')}#${current.reps}`;
}

const schedulers = new Map<string, FSRS>();

/** Schedulers by preset object, so a session's repeated calls skip building the key. */
const schedulersByPreset = new WeakMap<Preset, FSRS>();

function schedulerFor(preset: Preset): FSRS {
  const known = schedulersByPreset.get(preset);
  if (known) return known;
  const scheduler = schedulerForKey(preset);
  schedulersByPreset.set(preset, scheduler);
  return scheduler;
}

function schedulerForKey(preset: Preset): FSRS {
  const key = JSON.stringify([preset.desiredRetention, preset.maximumInterval, preset.learningSteps, preset.relearningSteps]);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    // Fuzz draws from ts-fsrs' seeded generator, seeded by the item key and its review count, so
    // a preview matches the applied grade and an undone review shows the same intervals again
    // however much later it is repeated.
    scheduler = fsrs({
      request_retention: preset.desiredRetention,
      maximum_interval: preset.maximumInterval,
      learning_steps: toFsrsSteps(preset.learningSteps),
      relearning_steps: toFsrsSteps(preset.relearningSteps),
      enable_fuzz: true,
      enable_short_term: true,
    });
    scheduler.useStrategy(StrategyMode.LEARNING_STEPS, learningStepsStrategy);
    scheduler.useStrategy(StrategyMode.SEED, fuzzSeed);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/**
 * Maps an instant to the virtual timeline on which each study day is one UTC day. A study day
 * that daylight saving makes 25 hours long has its last hour pressed onto the day's last
 * millisecond, which changes no elapsed-day count.
 */
function toVirtual(instant: number, days: DayOptions): number {
  const day = studyDayOf(instant, days);
  const sinceStart = instant - studyDayStart(day, days);
  return day * MS_PER_DAY + Math.min(Math.max(sinceStart, 0), MS_PER_DAY - 1);
}

function toFsrsCard(schedule: Schedule, days: DayOptions, virtualNow: number): FsrsCard {
  const card = fsrsCardFields(schedule, days, virtualNow);
  Reflect.set(card, ITEM_KEY_FIELD, schedule.cardKey);
  return card;
}

function fsrsCardFields(schedule: Schedule, days: DayOptions, virtualNow: number): FsrsCard {
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

/** The moment one grade is applied, on the real and on the virtual timeline. */
interface ReviewMoment {
  readonly days: DayOptions;
  readonly effectiveNow: number;
  readonly virtualNow: number;
}

function reviewMoment(schedule: Schedule, now: number, preset: Preset, timeZone: string): ReviewMoment {
  const days = dayOptions(preset, timeZone);
  const effectiveNow = Math.max(now, schedule.lastReview ?? now);
  return { days, effectiveNow, virtualNow: toVirtual(effectiveNow, days) };
}

function toOutcome(before: Schedule, item: RecordLogItem, moment: ReviewMoment, preset: Preset): Outcome {
  const { card } = item;
  const { days, effectiveNow, virtualNow } = moment;
  const state = STATE_FROM_FSRS[card.state];

  // ts-fsrs keeps Good above Hard and Easy above Good by a day each, which can step past
  // maximum_interval, so the cap is applied again here for every button.
  const scheduledDays = Math.min(card.scheduled_days, preset.maximumInterval);
  const dueInDays = state === 'review' && scheduledDays >= 1;
  const due = dueInDays
    ? studyDayStart((studyDayOf(effectiveNow, days) + scheduledDays) as StudyDay, days)
    : effectiveNow + (card.due.getTime() - virtualNow);

  const schedule: Schedule = {
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
  return { schedule, effectiveNow, elapsedDays: item.log.elapsed_days };
}

/**
 * Computes every grade's outcome for one item at `now`, for the interval shown on each button.
 * Each outcome equals what `reviewSchedule` returns for that grade at the same `now`.
 */
export function previewOutcomes(schedule: Schedule, now: number, preset: Preset, timeZone: string): Record<GradeName, Outcome> {
  const moment = reviewMoment(schedule, now, preset, timeZone);
  const preview = schedulerFor(preset).repeat(toFsrsCard(schedule, moment.days, moment.virtualNow), new Date(moment.virtualNow));
  const outcome = (grade: GradeName): Outcome => toOutcome(schedule, preview[GRADE_TO_FSRS[grade]], moment, preset);
  return { again: outcome('again'), hard: outcome('hard'), good: outcome('good'), easy: outcome('easy') };
}

/**
 * Applies one grade to an item at `now` and returns the new schedule. It is pure: `schedule` is
 * not changed, and the same arguments always give the same outcome, so undo only has to put the
 * previous Schedule back. A clock behind the last review is clamped rather than rejected, but a
 * preset step that `validatePreset` rejects raises a RangeError.
 *
 * @example reviewSchedule(newSchedule('deck/card', 'deck', 0), 'good', Date.now(), DEFAULT_PRESET, 'Europe/Berlin')
 */
export function reviewSchedule(schedule: Schedule, grade: GradeName, now: number, preset: Preset, timeZone: string): Outcome {
  const moment = reviewMoment(schedule, now, preset, timeZone);
  const next = schedulerFor(preset).next(toFsrsCard(schedule, moment.days, moment.virtualNow), new Date(moment.virtualNow), GRADE_TO_FSRS[grade]);
  return toOutcome(schedule, next, moment, preset);
}

/** A short label for the wait until `due`: `1m`, `10m`, `3h`, `4d`, `2.5mo`, `1.2y`. */
export function intervalLabel(outcome: Pick<Outcome, 'schedule' | 'effectiveNow'>): string {
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
