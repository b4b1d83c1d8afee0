/** Types shared by the storage bench page and the Node runner that drives it. */

/** The size and write times of the seeded history, for the setup time in the report. */
export interface SeedReport {
  readonly cards: number;
  readonly reviews: number;
  readonly schedulesMs: number;
  readonly reviewsMs: number;
  /** Reviews written per second, over all chunks. */
  readonly reviewsPerSecond: number;
  /** Schedules due now: learning items and review items. */
  readonly dueNow: number;
}

/** Per-call times, in milliseconds, in call order. */
export type Samples = number[];

export interface DueQueueSamples {
  /** `Repository.nextItem`: the next card to show. */
  readonly nextItem: Samples;
  /** The bare Dexie reads that return the same card: one indexed query and one get. */
  readonly bareNext: Samples;
  /** `Repository.countsFor`: the remaining counts the study screen shows. */
  readonly countsFor: Samples;
  /** The bare Dexie counts over the same index ranges, with the same caps. */
  readonly bareCounts: Samples;
  /** `Repository.hasReviews(deckId)`: the study screen calls it on start and after an undo, to enable Undo. */
  readonly undoCheck: Samples;
  /** The key of the card both paths returned, checked equal on every call. */
  readonly cardKey: string;
}

/** How often each due-queue read is timed. */
export interface DueQueueRepetitions {
  readonly next: number;
  readonly counts: number;
  readonly undoCheck: number;
}

/** One grade and the study screen's reads for the next card, called in the order the screen calls them. */
export interface StudyStepSamples {
  readonly grade: Samples;
  readonly preset: Samples;
  readonly nextItem: Samples;
  /** `Repository.countsFor`, which the study screen calls after the next card is shown. */
  readonly countsFor: Samples;
  /** The reads inside `nextItem`, each alone: held items, the four queue queries together, the card content. */
  readonly holds: Samples;
  readonly queueQueries: Samples;
  readonly cardGet: Samples;
}

/** The functions the storage bench page puts on `window.layerdeckBench`. */
export interface StorageBenchApi {
  deleteDatabase(name: string): Promise<void>;
  /** Writes the records the app import writes with bare Dexie `bulkPut`; returns milliseconds. */
  importBare(dbName: string, cardCount: number): Promise<number>;
  /** Writes review history for the bench deck in the app database; `reviewCount` reviews in all. */
  seedHistory(reviewCount: number, chunkSize: number): Promise<SeedReport>;
  /** Raises the deck's daily limits so a long study run never runs out of due reviews. */
  setStudyLimits(reviewsPerDay: number, newPerDay: number): Promise<void>;
  dueQueue(repetitions: DueQueueRepetitions): Promise<DueQueueSamples>;
  /** Grades `count` due cards through the repository, timing each step of the study screen's loop. */
  studySteps(count: number): Promise<StudyStepSamples>;
}

/** The id of the generated deck the browser benches import and study. */
export const BENCH_DECK_ID = 'bench-large';


/** What the learner waits for after a key press: the next card, or the answer side of this one. */
export type TransitionKind = 'next-card' | 'answer';

/** One key press and the frame that showed its result, in `performance.now()` milliseconds. */
export interface TransitionTiming {
  /** The keydown event's time stamp: when the browser received the key press. */
  readonly keyAt: number;
  /** When the result was in the DOM, seen by a MutationObserver. */
  readonly domAt: number;
  /** When the first animation frame after that began, just before it was painted. */
  readonly frameAt: number;
  /** The card shown afterwards. */
  readonly cardKey: string | undefined;
}

/** Cold-start milestones of one page load, in milliseconds since navigation start. */
export interface ColdStartTiming {
  /** The first `.study-card` in the DOM with its buttons enabled. */
  readonly interactiveAt: number;
  /** The first animation frame after that. */
  readonly frameAt: number;
  readonly domContentLoadedAt: number;
  /** Whether a service worker served the page. */
  readonly controlled: boolean;
}

/** One import through the import screen, in `performance.now()` milliseconds. */
export interface ImportTimeline {
  /** The file input's change event: the file was chosen. */
  readonly chosenAt: number;
  /** The confirmation with the deck's summary was in the DOM. */
  readonly confirmAt: number;
  /** The click on "Import deck". */
  readonly clickedAt: number;
  /** The screen showed that the deck was imported. */
  readonly doneAt: number;
}

/** The probe the runner injects into the built app before its scripts run, on `window.layerdeckProbe`. */
export interface AppProbe {
  /** Resolves once the first study card is interactive. */
  readonly coldStart: Promise<ColdStartTiming>;
  /** Starts watching for the result of the next key press; `pending` resolves with it. */
  arm(kind: TransitionKind): void;
  pending: Promise<TransitionTiming> | undefined;
  /** Resolves with `performance.now()` once the page has no IndexedDB transaction open. */
  storageIdle(): Promise<number>;
  /** Starts recording the next import on the import screen; `importDone` resolves when it is stored. */
  armImport(): void;
  importDone: Promise<ImportTimeline> | undefined;
}

declare global {
  interface Window {
    layerdeckBench?: StorageBenchApi;
    layerdeckProbe?: AppProbe;
  }
}
