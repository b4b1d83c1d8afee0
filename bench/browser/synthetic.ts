/**
 * Generated bench data, the same on every run: a large deck file and the review history of a
 * heavy user, for the browser benches and the Node queue bench alike.
 */
import type { Schedule, ScheduleState } from '../../src/domain/schedule/fsrs-adapter';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Mulberry32: a small seeded generator of floats in [0, 1), so every run writes the same data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The id of card `index` of a generated deck: `c000000`, `c000001`, ... */
export function cardId(index: number): string {
  return `c${String(index).padStart(6, '0')}`;
}

const TOOLS = ['docker', 'podman', 'buildah', 'kubectl', 'crictl', 'skopeo', 'helm'];

/**
 * Returns the text of a deck file with `cardCount` basic cards, about 150 bytes of content each,
 * as a learner's own deck of flag and command facts would be.
 */
export function seededDeckText(deckId: string, cardCount: number): string {
  const cards = Array.from({ length: cardCount }, (_, index) => {
    const tool = TOOLS[index % TOOLS.length]!;
    return {
      id: cardId(index),
      type: 'basic',
      front: `What does \`${tool} --option-${index}\` change?`,
      back: `It sets option ${index} of \`${tool}\` for this run only; the default comes from the config file.`,
      tags: [tool],
    };
  });
  return JSON.stringify({ format: 'layerdeck.deck', version: 1, id: deckId, title: `Bench deck of ${cardCount} cards`, cards });
}

/** One item of a seeded history: its schedule now, and the times of its reviews, oldest first. */
export interface SeededItem {
  readonly schedule: Schedule;
  readonly reviewTimes: number[];
}

/**
 * Builds the schedules of a deck of `cardCount` cards with `reviewCount` reviews spread evenly
 * over four in five of its cards; the fifth card of every five is still new. No review falls on
 * the current study day (which starts at `dayStart`) and no learning item is due at `now`, so the
 * next card to study is a due review. About one review item in twenty is due at `now`.
 */
export function seededHistory(deckId: string, cardCount: number, reviewCount: number, now: number, dayStart: number): SeededItem[] {
  const random = createRandom(7);
  const reviewedCount = cardCount - Math.floor(cardCount / 5);
  let reviewed = 0;
  return Array.from({ length: cardCount }, (_, index) => {
    const cardKey = `${deckId}/${cardId(index)}`;
    if (index % 5 === 4) return { schedule: newItemSchedule(cardKey, deckId, index), reviewTimes: [] };
    // Whole-number shares of reviewCount, so the counts add up to it exactly.
    const reviews = Math.floor(((reviewed + 1) * reviewCount) / reviewedCount) - Math.floor((reviewed * reviewCount) / reviewedCount);
    reviewed += 1;
    return reviewedItem(cardKey, deckId, index, reviews, now, dayStart, random);
  });
}

function newItemSchedule(cardKey: string, deckId: string, position: number): Schedule {
  return { cardKey, deckId, state: 'new', due: position, stability: 0, difficulty: 0, reps: 0, lapses: 0, step: 0, scheduledDays: 0, lastReview: null };
}

function reviewedItem(cardKey: string, deckId: string, index: number, reviews: number, now: number, dayStart: number, random: () => number): SeededItem {
  const lastReview = dayStart - MS_PER_DAY * (1 + random() * 300) + random() * MS_PER_DAY;
  const reviewTimes: number[] = [];
  let time = lastReview;
  for (let count = 0; count < reviews; count++) {
    reviewTimes.unshift(Math.round(time));
    time -= MS_PER_DAY * (1 + random() * 40);
  }

  const learning = index % 80 === 0;
  const state: ScheduleState = learning ? (index % 160 === 0 ? 'relearning' : 'learning') : 'review';
  // Learning items come back one to two hours from now; reviews are due from 20 days ago to a year ahead.
  const due = learning ? now + 60 * MS_PER_MINUTE * (1 + random()) : Math.round(now + MS_PER_DAY * (random() * 385 - 20));
  const schedule: Schedule = {
    cardKey,
    deckId,
    state,
    due,
    stability: 1 + random() * 200,
    difficulty: 1 + random() * 9,
    reps: reviews,
    lapses: Math.floor(random() * 3),
    step: 0,
    scheduledDays: learning ? 0 : Math.max(1, Math.round((due - lastReview) / MS_PER_DAY)),
    lastReview: reviewTimes[reviewTimes.length - 1] ?? null,
  };
  return { schedule, reviewTimes };
}
