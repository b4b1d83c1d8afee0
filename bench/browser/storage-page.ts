/**
 * The storage bench page. It runs the app's own storage code (`Repository`) and bare Dexie side
 * by side in one page, so both see the same browser, the same disk and the same data. The Node
 * runner calls the functions on `window.layerdeckBench` through Playwright.
 */
import { Dexie } from 'dexie';
import type { Deck } from '../../src/domain/deck/format';
import { DEFAULT_PRESET } from '../../src/domain/schedule/preset';
import type { Preset } from '../../src/domain/schedule/preset';
import { newSchedule } from '../../src/domain/schedule/fsrs-adapter';
import type { Schedule } from '../../src/domain/schedule/fsrs-adapter';
import { studyWindow } from '../../src/domain/schedule/queue';
import { DATABASE_NAME, LayerdeckDatabase } from '../../src/storage/db';
import type { ReviewRecord } from '../../src/storage/db';
import { Repository } from '../../src/storage/repository';
import { BENCH_DECK_ID } from './protocol';
import type { DueQueueRepetitions, DueQueueSamples, SeedReport, StorageBenchApi, StudyStepSamples } from './protocol';
import { createRandom, seededDeckText, seededHistory } from './synthetic';
import type { SeededItem } from './synthetic';

const MS_PER_DAY = 86_400_000;
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Returns the object stores and indexes of the app's schema, as `Dexie.stores()` takes them. */
function appStores(): Record<string, string> {
  const schemaSource = new LayerdeckDatabase('layerdeck-bench-schema');
  const stores = Object.fromEntries(
    schemaSource.tables.map((table) => [table.name, [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ')]),
  );
  schemaSource.close();
  return stores;
}

function deleteDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

/**
 * Writes the deck, card and schedule records that the app's import writes for the generated deck,
 * with bare Dexie in one transaction over the same object stores and indexes. The records are
 * built before the clock starts.
 */
async function importBare(dbName: string, cardCount: number): Promise<number> {
  const deck = JSON.parse(seededDeckText(BENCH_DECK_ID, cardCount)) as Deck;
  const deckRecord = {
    id: deck.id,
    title: deck.title,
    origin: 'imported',
    formatVersion: deck.version,
    contentHash: 'bare',
    cardCount: deck.cards.length,
    position: 0,
    updatedAt: Date.now(),
  };
  const cards = deck.cards.map((content, position) => ({ key: `${deck.id}/${content.id}`, deckId: deck.id, position, content }));
  const schedules = cards.map((card, position) => newSchedule(card.key, deck.id, position));

  const db = new Dexie(dbName);
  db.version(1).stores(appStores());
  await db.open();
  const start = performance.now();
  await db.transaction('rw', ['decks', 'cards', 'schedules'], async () => {
    await db.table('decks').put(deckRecord);
    await db.table('cards').bulkPut(cards);
    await db.table('schedules').bulkPut(schedules);
  });
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

function reviewRecords(item: SeededItem, random: () => number): ReviewRecord[] {
  const { schedule, reviewTimes } = item;
  return reviewTimes.map((time, count) => ({
    cardKey: schedule.cardKey,
    deckId: schedule.deckId,
    time,
    rating: random() < 0.1 ? 'again' : 'good',
    durationMs: Math.round(2000 + random() * 8000),
    before: { ...schedule, state: count === 0 ? 'new' : 'review', reps: count, lastReview: count === 0 ? null : reviewTimes[count - 1]! },
    after: { state: 'review', due: time + MS_PER_DAY },
  }));
}

/**
 * Gives the bench deck in the app database the history of a heavy user: schedules for the
 * reviewed cards, and `reviewCount` reviews written with `bulkAdd` in chunks of `chunkSize`.
 */
async function seedHistory(reviewCount: number, chunkSize: number): Promise<SeedReport> {
  const db = new LayerdeckDatabase(DATABASE_NAME);
  const now = Date.now();
  const { dayStart } = studyWindow(now, DEFAULT_PRESET, timeZone);
  const random = createRandom(13);

  const cardCount = await db.cards.where('deckId').equals(BENCH_DECK_ID).count();
  // The import stored every card as new already, so only the reviewed ones are written again.
  const items = seededHistory(BENCH_DECK_ID, cardCount, reviewCount, now, dayStart).filter((item) => item.reviewTimes.length > 0);

  const schedulesStart = performance.now();
  await db.schedules.bulkPut(items.map((item) => item.schedule));
  const schedulesMs = performance.now() - schedulesStart;

  let reviewsMs = 0;
  let written = 0;
  let chunk: ReviewRecord[] = [];
  const flush = async () => {
    const start = performance.now();
    await db.reviews.bulkAdd(chunk);
    reviewsMs += performance.now() - start;
    written += chunk.length;
    chunk = [];
  };
  for (const item of items) {
    chunk.push(...reviewRecords(item, random));
    if (chunk.length >= chunkSize) await flush();
  }
  if (chunk.length > 0) await flush();

  const dueNow = items.filter((item) => item.schedule.due <= now).length;
  db.close();
  return { cards: cardCount, reviews: written, schedulesMs, reviewsMs, reviewsPerSecond: (written / reviewsMs) * 1000, dueNow };
}

async function setStudyLimits(reviewsPerDay: number, newPerDay: number): Promise<void> {
  const repository = new Repository(new LayerdeckDatabase(DATABASE_NAME));
  await repository.savePreset({ ...DEFAULT_PRESET, reviewsPerDay, newPerDay }, BENCH_DECK_ID);
  repository.db.close();
}

async function timed<T>(samples: number[], operation: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await operation();
  samples.push(performance.now() - start);
  return result;
}

/** Opens a plain Dexie connection to the app's database, without the app's schema declarations. */
async function openBare(): Promise<Dexie> {
  const bare = new Dexie(DATABASE_NAME);
  await bare.open();
  return bare;
}

/** Reads the next card with bare Dexie when no learning item is due: the earliest due review and its content. */
async function bareNextCard(bare: Dexie, now: number): Promise<string | undefined> {
  return bare.transaction('r', ['schedules', 'cards'], async () => {
    const schedule = (await bare
      .table('schedules')
      .where('[deckId+state+due]')
      .between([BENCH_DECK_ID, 'review', Dexie.minKey], [BENCH_DECK_ID, 'review', now], true, true)
      .first()) as Schedule | undefined;
    if (!schedule) return undefined;
    const card = (await bare.table('cards').get(schedule.cardKey)) as { key: string } | undefined;
    return card?.key;
  });
}

/**
 * Counts with bare Dexie over the index `countsFor` reads, with the same caps: new and review items
 * are counted only up to the day's limits, learning items in full. The caps equal the limits
 * only while nothing was studied today and nothing is held, which `dueQueue` checks.
 */
async function bareCounts(bare: Dexie, dayEnd: number, preset: Preset): Promise<number[]> {
  return bare.transaction('r', ['schedules'], () => {
    const index = bare.table('schedules').where('[deckId+state+due]');
    return Promise.all([
      index.between([BENCH_DECK_ID, 'new', Dexie.minKey], [BENCH_DECK_ID, 'new', Dexie.maxKey]).limit(preset.newPerDay).count(),
      index.between([BENCH_DECK_ID, 'learning', Dexie.minKey], [BENCH_DECK_ID, 'learning', dayEnd]).count(),
      index.between([BENCH_DECK_ID, 'relearning', Dexie.minKey], [BENCH_DECK_ID, 'relearning', dayEnd]).count(),
      index.between([BENCH_DECK_ID, 'review', Dexie.minKey], [BENCH_DECK_ID, 'review', dayEnd]).limit(preset.reviewsPerDay).count(),
    ]);
  });
}

async function dueQueue(repetitions: DueQueueRepetitions): Promise<DueQueueSamples> {
  const repository = new Repository(new LayerdeckDatabase(DATABASE_NAME));
  await repository.open();
  const bare = await openBare();
  const now = Date.now();
  const preset = await repository.preset(BENCH_DECK_ID);
  const { dayStart, dayEnd } = studyWindow(now, preset, timeZone);
  const samples = { nextItem: [] as number[], bareNext: [] as number[], countsFor: [] as number[], bareCounts: [] as number[], undoCheck: [] as number[] };
  const reviewsToday = await bare.table('reviews').where('[deckId+time]').between([BENCH_DECK_ID, dayStart], [BENCH_DECK_ID, dayEnd]).count();
  const held = await bare.table('holds').count();
  if (reviewsToday > 0 || held > 0) throw new Error(`The due queue is timed before any study, but found ${reviewsToday} reviews today and ${held} held items.`);

  // The two paths alternate, and each goes first half of the time, so neither profits from the other's cache alone.
  let cardKey = '';
  for (let repetition = 0; repetition < repetitions.next; repetition++) {
    const runApp = async () => (await timed(samples.nextItem, () => repository.nextItem(BENCH_DECK_ID, now, timeZone)))?.schedule.cardKey;
    const runBare = () => timed(samples.bareNext, () => bareNextCard(bare, now));
    const [appKey, bareKey] = repetition % 2 === 0 ? [await runApp(), await runBare()] : [...[await runBare(), await runApp()].reverse()];
    if (!appKey || appKey !== bareKey) throw new Error(`The app and bare Dexie picked different next cards: ${appKey} and ${bareKey}.`);
    cardKey = appKey;
  }
  for (let repetition = 0; repetition < repetitions.counts; repetition++) {
    const runApp = () => timed(samples.countsFor, () => repository.countsFor(BENCH_DECK_ID, now, timeZone));
    const runBare = () => timed(samples.bareCounts, () => bareCounts(bare, dayEnd, preset));
    if (repetition % 2 === 0) await runApp().then(runBare);
    else await runBare().then(runApp);
  }
  for (let repetition = 0; repetition < repetitions.undoCheck; repetition++) {
    await timed(samples.undoCheck, () => repository.hasReviews(BENCH_DECK_ID));
  }

  bare.close();
  repository.db.close();
  return { ...samples, cardKey };
}

async function studySteps(count: number): Promise<StudyStepSamples> {
  const repository = new Repository(new LayerdeckDatabase(DATABASE_NAME));
  await repository.open();
  const bare = await openBare();
  const samples: StudyStepSamples = { grade: [], preset: [], nextItem: [], countsFor: [], holds: [], queueQueries: [], cardGet: [] };

  let item = await repository.nextItem(BENCH_DECK_ID, Date.now(), timeZone);
  for (let step = 0; step < count && item; step++) {
    const now = Date.now();
    const current = item;
    await timed(samples.grade, () => repository.grade({ cardKey: current.schedule.cardKey, rating: 'good', now, timeZone, durationMs: 3000 }));
    // The study screen's `advance`: the deck's options and the next card, which it then shows, and the counts after that.
    const preset = await timed(samples.preset, () => repository.preset(BENCH_DECK_ID));
    item = await timed(samples.nextItem, () => repository.nextItem(BENCH_DECK_ID, now, timeZone));
    await timed(samples.countsFor, () => repository.countsFor(BENCH_DECK_ID, now, timeZone));

    // The reads inside nextItem, one at a time, to show which of them costs the time.
    const { dayEnd } = studyWindow(now, preset, timeZone);
    const index = bare.table('schedules').where('[deckId+state+due]');
    await timed(samples.holds, () => bare.table('holds').where('deckId').equals(BENCH_DECK_ID).toArray());
    await timed(samples.queueQueries, () =>
      bare.transaction('r', ['schedules'], () =>
        Promise.all([
          index.between([BENCH_DECK_ID, 'learning', Dexie.minKey], [BENCH_DECK_ID, 'learning', dayEnd]).limit(1).toArray(),
          index.between([BENCH_DECK_ID, 'relearning', Dexie.minKey], [BENCH_DECK_ID, 'relearning', dayEnd]).limit(1).toArray(),
          index.between([BENCH_DECK_ID, 'review', Dexie.minKey], [BENCH_DECK_ID, 'review', now], true, true).limit(1).toArray(),
          index.between([BENCH_DECK_ID, 'new', Dexie.minKey], [BENCH_DECK_ID, 'new', Dexie.maxKey]).limit(1).toArray(),
        ]),
      ),
    );
    const shown = item;
    if (shown) await timed(samples.cardGet, () => bare.table('cards').get(shown.schedule.cardKey));
  }

  bare.close();
  repository.db.close();
  return samples;
}

const api: StorageBenchApi = { deleteDatabase, importBare, seedHistory, setStudyLimits, dueQueue, studySteps };
window.layerdeckBench = api;
document.body.dataset['ready'] = 'true';
