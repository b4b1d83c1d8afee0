/**
 * Turns an imported review history into FSRS schedules by applying each grade, in time order,
 * through the scheduling adapter, as if the learner had graded in Layerdeck. Each replayed
 * review keeps the schedule before it, so undo and statistics work on imported reviews too.
 */
import { newSchedule, reviewSchedule } from '../schedule/fsrs-adapter';
import type { GradeName, Schedule } from '../schedule/fsrs-adapter';
import type { Preset } from '../schedule/preset';
import type { HistoryEntry } from './problems';

/** The same fields as a stored review record. */
export interface ReplayedReview {
  readonly cardKey: string;
  readonly deckId: string;
  readonly time: number;
  readonly rating: GradeName;
  readonly durationMs: number;
  readonly before: Schedule;
  readonly after: Pick<Schedule, 'state' | 'due'>;
}

export interface ReplayResult {
  /** The schedule after the last entry, for every item that has history. */
  readonly schedules: Schedule[];
  readonly reviews: ReplayedReview[];
  /** Entries whose item is not in the deck. */
  readonly unmatched: number;
}

/**
 * @param positions the position of every review item of the deck, which orders new items.
 * @example
 *   const { schedules, reviews } = replayHistory('spanish', history, positions, DEFAULT_PRESET, 'Europe/Madrid');
 */
export function replayHistory(
  deckId: string,
  history: readonly HistoryEntry[],
  positions: ReadonlyMap<string, number>,
  preset: Preset,
  timeZone: string,
): ReplayResult {
  const byItem = new Map<string, HistoryEntry[]>();
  let unmatched = 0;
  for (const entry of history) {
    if (!positions.has(entry.itemKey)) {
      unmatched += 1;
      continue;
    }
    const entries = byItem.get(entry.itemKey) ?? [];
    entries.push(entry);
    byItem.set(entry.itemKey, entries);
  }

  const schedules: Schedule[] = [];
  const reviews: ReplayedReview[] = [];
  for (const [itemKey, entries] of byItem) {
    const fresh = newSchedule(itemKey, deckId, positions.get(itemKey)!);
    let schedule = fresh;
    // A stable sort keeps two entries with one timestamp in file order.
    for (const entry of [...entries].sort((a, b) => a.time - b.time)) {
      if (entry.kind === 'reset') {
        schedule = fresh;
        continue;
      }
      const outcome = reviewSchedule(schedule, entry.rating, entry.time, preset, timeZone);
      reviews.push({
        cardKey: itemKey,
        deckId,
        time: entry.time,
        rating: entry.rating,
        durationMs: Math.max(0, Math.round(entry.durationMs)),
        before: schedule,
        after: { state: outcome.schedule.state, due: outcome.schedule.due },
      });
      schedule = outcome.schedule;
    }
    if (schedule !== fresh) schedules.push(schedule);
  }
  reviews.sort((a, b) => a.time - b.time);
  return { schedules, reviews, unmatched };
}
