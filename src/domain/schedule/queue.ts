import type { Preset } from './preset';
import type { Schedule } from './fsrs-adapter';
import { MS_PER_MINUTE, studyDayOf, studyDayStart } from './study-day';
import type { StudyDay } from './study-day';

/** Learning items due this soon are shown early when nothing else is waiting, as Anki does. */
export const LEARN_AHEAD_MS = 20 * MS_PER_MINUTE;

export interface StudyWindow {
  /** Start of the current study day, epoch ms. */
  readonly dayStart: number;
  /** Start of the next study day, epoch ms. */
  readonly dayEnd: number;
}

export function studyWindow(now: number, preset: Preset, timeZone: string): StudyWindow {
  const days = { timeZone, rolloverHour: preset.rolloverHour };
  const today = studyDayOf(now, days);
  return { dayStart: studyDayStart(today, days), dayEnd: studyDayStart((today + 1) as StudyDay, days) };
}

/** What a deck has left for today, as the deck list shows it. */
export interface DeckCounts {
  readonly new: number;
  readonly learning: number;
  readonly due: number;
}

/** Counts already done today, which the daily limits are measured against. */
export interface DoneToday {
  readonly newIntroduced: number;
  readonly reviewsDone: number;
}

export function remainingNew(preset: Preset, done: DoneToday): number {
  return Math.max(0, preset.newPerDay - done.newIntroduced);
}

export function remainingReviews(preset: Preset, done: DoneToday): number {
  return Math.max(0, preset.reviewsPerDay - done.reviewsDone);
}

export function deckCounts(available: { new: number; learning: number; due: number }, preset: Preset, done: DoneToday): DeckCounts {
  return {
    new: Math.min(available.new, remainingNew(preset, done)),
    learning: available.learning,
    due: Math.min(available.due, remainingReviews(preset, done)),
  };
}

/** The candidates for the next item, each list sorted by due time (new items by position). */
export interface QueueCandidates {
  readonly learning: readonly Schedule[];
  readonly reviews: readonly Schedule[];
  readonly fresh: readonly Schedule[];
}

/**
 * Picks the next item: learning items that are due, then due reviews, then new items within the
 * daily limit, then learning items due within the learn-ahead window. Items in `skip` (just
 * buried, or shown a moment ago) are passed over.
 */
export function pickNext(candidates: QueueCandidates, now: number, preset: Preset, done: DoneToday, skip: ReadonlySet<string> = new Set()): Schedule | undefined {
  const usable = (schedule: Schedule) => !skip.has(schedule.cardKey);

  const learningDue = candidates.learning.find((schedule) => schedule.due <= now && usable(schedule));
  if (learningDue) return learningDue;

  if (remainingReviews(preset, done) > 0) {
    const review = candidates.reviews.find((schedule) => schedule.due <= now && usable(schedule));
    if (review) return review;
  }

  if (remainingNew(preset, done) > 0) {
    const fresh = candidates.fresh.find(usable);
    if (fresh) return fresh;
  }

  return candidates.learning.find((schedule) => schedule.due <= now + LEARN_AHEAD_MS && usable(schedule));
}
