/**
 * Queue building: the domain queue over 100,000 review items held in memory. The items are split
 * into learning, due review and new lists sorted by due time (the order the storage indexes give),
 * then `pickNext` chooses the next card and `deckCounts` the remaining counts.
 */
import { deckCounts, pickNext, studyWindow } from '../../src/domain/schedule/queue';
import type { QueueCandidates } from '../../src/domain/schedule/queue';
import type { Schedule } from '../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../src/domain/schedule/preset';
import { seededHistory } from '../browser/synthetic';
import { nowMs, summarize } from '../stats';
import type { Summary } from '../stats';

export interface QueueResult {
  readonly items: number;
  /** Milliseconds to build the candidate lists, pick the next card and count what is left. */
  readonly buildMs: Summary;
  readonly dueReviews: number;
}

const byDue = (a: Schedule, b: Schedule) => a.due - b.due;

export function benchQueue(itemCount: number, reviewCount: number, repetitions: number): QueueResult {
  const now = Date.UTC(2026, 2, 2, 10);
  const timeZone = 'Europe/Berlin';
  const { dayStart, dayEnd } = studyWindow(now, DEFAULT_PRESET, timeZone);
  const schedules = seededHistory('bench', itemCount, reviewCount, now, dayStart).map((item) => item.schedule);
  const done = { newIntroduced: 0, reviewsDone: 0 };

  let dueReviews = 0;
  const build = () => {
    const learning: Schedule[] = [];
    const reviews: Schedule[] = [];
    const fresh: Schedule[] = [];
    for (const schedule of schedules) {
      if (schedule.state === 'new') fresh.push(schedule);
      else if (schedule.state === 'review') {
        if (schedule.due <= now) reviews.push(schedule);
      } else if (schedule.due < dayEnd) learning.push(schedule);
    }
    const candidates: QueueCandidates = { learning: learning.sort(byDue), reviews: reviews.sort(byDue), fresh: fresh.sort(byDue) };
    const next = pickNext(candidates, now, DEFAULT_PRESET, done);
    if (!next) throw new Error('The seeded deck has nothing to study, so the queue bench measured nothing.');
    dueReviews = reviews.length;
    return deckCounts({ new: fresh.length, learning: learning.length, due: reviews.length }, DEFAULT_PRESET, done);
  };

  build();
  const samples: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const start = nowMs();
    build();
    samples.push(nowMs() - start);
  }
  return { items: schedules.length, buildMs: summarize(samples), dueReviews };
}
