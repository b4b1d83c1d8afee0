import { GRADE_NAMES, newSchedule, reviewSchedule } from './fsrs-adapter';
import type { Schedule } from './fsrs-adapter';
import type { Preset } from './preset';
import type { RevlogEntry } from './revlog';
import { studyDayDate, studyDayOf } from './study-day';

/** Deck id given to replayed schedules, which belong to no deck. */
const REPLAY_DECK_ID = 'replay';

/** One card's schedule after its whole history. */
export interface ReplayedCard {
  readonly cardId: string;
  readonly schedule: Schedule;
}

/**
 * Replays graded reviews through `reviewSchedule`, the code the app uses. Rows are grouped by
 * card in order of first appearance, and each card's rows are applied in time order (a stable
 * sort, so rows with equal times keep their file order).
 */
export function replayRevlog(entries: readonly RevlogEntry[], preset: Preset, timeZone: string): ReplayedCard[] {
  const byCard = new Map<string, RevlogEntry[]>();
  for (const entry of entries) {
    const rows = byCard.get(entry.cardId);
    if (rows) rows.push(entry);
    else byCard.set(entry.cardId, [entry]);
  }

  return [...byCard].map(([cardId, rows]) => {
    const ordered = [...rows].sort((left, right) => left.time - right.time);
    let schedule = newSchedule(cardId, REPLAY_DECK_ID, 0);
    for (const row of ordered) {
      const grade = GRADE_NAMES[row.rating - 1] ?? 'again';
      schedule = reviewSchedule(schedule, grade, row.time, preset, timeZone).schedule;
    }
    return { cardId, schedule };
  });
}

/** The JSON line `layerdeck replay` prints for one card, with snake_case keys as in FSRS tools. */
export interface ReplayRecord {
  readonly card_id: string;
  readonly state: Schedule['state'];
  readonly stability: number;
  readonly difficulty: number;
  readonly reps: number;
  readonly lapses: number;
  /** ISO 8601 UTC time of the last review, as scheduled (see `Schedule.lastReview`). */
  readonly last_review: string | null;
  /** ISO 8601 UTC time the card is next due. */
  readonly due: string;
  /** Local study date (`YYYY-MM-DD`) the card is next due on. */
  readonly due_date: string;
  readonly scheduled_days: number;
}

export function replayRecord(card: ReplayedCard, timeZone: string, rolloverHour: number): ReplayRecord {
  const { schedule } = card;
  return {
    card_id: card.cardId,
    state: schedule.state,
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    reps: schedule.reps,
    lapses: schedule.lapses,
    last_review: schedule.lastReview === null ? null : new Date(schedule.lastReview).toISOString(),
    due: new Date(schedule.due).toISOString(),
    due_date: studyDayDate(studyDayOf(schedule.due, { timeZone, rolloverHour })),
    scheduled_days: schedule.scheduledDays,
  };
}
