import type { Schedule } from '../../../src/domain/schedule/fsrs-adapter';

/** Formats an instant as local `YYYY-MM-DD HH:mm` in a time zone, for readable expectations. */
export function localTime(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** Builds a review card last reviewed at `lastReview`, with a mid-range memory state. */
export function reviewCard(lastReview: number, overrides: Partial<Schedule> = {}): Schedule {
  return {
    cardKey: 'deck/card',
    deckId: 'deck',
    state: 'review',
    due: lastReview + 5 * 86_400_000,
    stability: 5,
    difficulty: 5,
    reps: 4,
    lapses: 0,
    step: 0,
    scheduledDays: 5,
    lastReview,
    ...overrides,
  };
}

/** Returns a deterministic generator of numbers in [0, 1) (mulberry32), so generated cases repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
