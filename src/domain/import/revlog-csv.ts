/**
 * The review log in the CSV layout the FSRS optimizer reads:
 *
 *   card_id,review_time,review_rating,review_state,review_duration
 *
 * - card_id: a stable integer per review item key (`deckId/cardId`, or `deckId/cardId#c<n>` for
 *   one cloze deletion): the 53-bit cyrb53 hash of the key from `contentHash`, read as a
 *   hexadecimal number. The same key gives the same number in every export.
 * - review_time: epoch milliseconds of the grade.
 * - review_rating: 1 Again, 2 Hard, 3 Good, 4 Easy.
 * - review_state: the item's state before the grade: 0 New, 1 Learning, 2 Review, 3 Relearning.
 * - review_duration: milliseconds from showing the card to grading it.
 */
import { contentHash } from '../deck/hash';
import type { GradeName, ScheduleState } from '../schedule/fsrs-adapter';

export interface RevlogReview {
  readonly cardKey: string;
  readonly time: number;
  readonly rating: GradeName;
  readonly durationMs: number;
  readonly before: { readonly state: ScheduleState };
}

const RATING: Record<GradeName, number> = { again: 1, hard: 2, good: 3, easy: 4 };
const STATE: Record<ScheduleState, number> = { new: 0, learning: 1, review: 2, relearning: 3 };

export const REVLOG_CSV_HEADER = 'card_id,review_time,review_rating,review_state,review_duration';

/** Returns the integer card_id of a review item key. */
export function revlogCardId(itemKey: string): number {
  return Number.parseInt(contentHash(itemKey), 16);
}

/** Writes reviews in time order; ties keep their input order. */
export function exportRevlogCsv(reviews: readonly RevlogReview[]): string {
  const lines = [...reviews]
    .sort((a, b) => a.time - b.time)
    .map((review) => [revlogCardId(review.cardKey), review.time, RATING[review.rating], STATE[review.before.state], Math.round(review.durationMs)].join(','));
  return `${[REVLOG_CSV_HEADER, ...lines].join('\n')}\n`;
}
