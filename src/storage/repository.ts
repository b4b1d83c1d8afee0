/**
 * The storage contract the UI uses. Every operation that touches several tables is one
 * transaction here; components never open a transaction themselves. Errors leave as
 * `StorageFault`s with a code the UI turns into a sentence.
 */
import type { Card, Deck } from '../domain/deck/format';
import { parseItemKey, reviewItemKeys } from '../domain/deck/items';
import { newSchedule, reviewSchedule } from '../domain/schedule/fsrs-adapter';
import { readStoredSchedule } from '../domain/schedule/stored-schedule';
import type { GradeName, Schedule } from '../domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET, validatePreset } from '../domain/schedule/preset';
import type { Preset } from '../domain/schedule/preset';
import { deckCounts, pickNext, remainingNew, remainingReviews, studyWindow } from '../domain/schedule/queue';
import type { DeckCounts, DoneToday, QueueCandidates } from '../domain/schedule/queue';
import type { Collection } from 'dexie';
import { LayerdeckDatabase } from './db';
import type { CardRecord, DeckOrigin, DeckRecord, ReviewCheck, ReviewRecord, ReviewVariant } from './db';
import { classifyStorageError, StorageFault } from './errors';

export interface DeckSummary {
  readonly deck: DeckRecord;
  readonly counts: DeckCounts;
}

export interface StudyItem {
  readonly schedule: Schedule;
  readonly card: Card;
  /** The deletion number, when the item is one deletion of a cloze card. */
  readonly cloze?: number;
}

export interface GradeInput {
  readonly cardKey: string;
  readonly rating: GradeName;
  readonly now: number;
  readonly timeZone: string;
  readonly durationMs: number;
  readonly check?: ReviewCheck;
  readonly variant?: ReviewVariant;
}

export interface DeckSource {
  readonly deck: Deck;
  readonly contentHash: string;
}

export interface SyncReport {
  readonly added: string[];
  readonly updated: string[];
}

const DEFAULT_PRESET_KEY = 'preset:default';
const deckPresetKey = (deckId: string) => `preset:deck:${deckId}`;
const BUNDLE_KEY = 'bundledDecksHash';

/**
 * Validates a schedule read from the database. A record with missing or renamed fields is
 * reported as a fault and left as it is. It is never treated as a new card, because that would
 * lose the learner's progress.
 */
function checkedSchedule(stored: unknown): Schedule {
  const read = readStoredSchedule(stored);
  if (read.ok) return read.schedule;
  const key = (stored as { cardKey?: unknown } | undefined)?.cardKey;
  throw new StorageFault('invalid-record', new Error(`The stored schedule of ${String(key)} is invalid: ${read.problems.join('; ')}`));
}

/** Validates stored options; fields missing from an older version take the default. */
function checkedPreset(setting: { key: string; value: unknown }): Preset {
  const read = validatePreset({ ...DEFAULT_PRESET, ...(setting.value as Partial<Preset>) });
  if (read.ok) return read.preset;
  const problems = read.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  throw new StorageFault('invalid-record', new Error(`The stored options ${setting.key} are invalid: ${problems}`));
}

/**
 * Counts the keys of a range, stopping at `cap`. Dexie 4 answers `limit(n).count()` with
 * IndexedDB's full count and clamps it afterwards, which still walks the whole range.
 */
async function countUpTo(range: Pick<Collection, 'limit'>, cap: number): Promise<number> {
  return (await range.limit(cap).primaryKeys()).length;
}

export function cardKeyOf(deckId: string, cardId: string): string {
  return `${deckId}/${cardId}`;
}

/** Connection events the UI shows as banners: another tab blocks our upgrade, or upgraded the database. */
export type ConnectionListener = (fault: StorageFault) => void;

export class Repository {
  /** Operations in flight; `idle()` waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly connectionListeners = new Set<ConnectionListener>();
  private readonly gradeListeners = new Set<() => void>();
  /** Set when another tab upgraded the database: this tab's schema is stale, so it stays closed. */
  private versionChanged = false;

  constructor(readonly db: LayerdeckDatabase = new LayerdeckDatabase()) {
    db.on('versionchange', () => {
      this.versionChanged = true;
      db.close();
      this.emitConnection(new StorageFault('newer-version-open', new Error('Another tab opened a newer version of the database.')));
      // Dexie 4 calls the newest subscriber first and stops at `false`, so its own handler is
      // skipped. That handler closes with auto-open on, and the next request would reopen the
      // database with this tab's stale schema.
      return false;
    });
    db.on('blocked', (event) => {
      this.emitConnection(new StorageFault('upgrade-blocked', event));
    });
  }

  /** Calls `listener` when another tab blocks this tab's upgrade or upgrades the database itself. */
  onConnectionFault(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Calls `listener` each time a grade has been stored. */
  onGraded(listener: () => void): () => void {
    this.gradeListeners.add(listener);
    return () => this.gradeListeners.delete(listener);
  }

  /** Resolves once no storage operation is in flight, so a reload never cuts off a grade. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private emitConnection(fault: StorageFault): void {
    for (const listener of this.connectionListeners) listener(fault);
  }

  /**
   * Runs one storage operation, tracked for `idle()`, and turns its error into a `StorageFault`.
   * When the connection was lost (browsers close the IndexedDB connections of a suspended page),
   * it reopens the database and runs the operation once more before it reports the fault. An
   * operation is one transaction or a read, and an aborted transaction stored nothing, so the
   * retry cannot apply a grade twice.
   */
  private guarded<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.runWithRetry(operation);
    this.inFlight.add(run);
    const forget = () => this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  private async runWithRetry<T>(operation: () => Promise<T>): Promise<T> {
    if (this.versionChanged) throw new StorageFault('newer-version-open', new Error('The database was upgraded by another tab.'));
    try {
      return await operation();
    } catch (error) {
      // A fault from a nested guarded call was retried there already.
      const fault = classifyStorageError(error);
      if (fault.code !== 'connection-lost' || error instanceof StorageFault || this.versionChanged) throw fault;
      try {
        if (!this.db.isOpen()) await this.db.open();
        return await operation();
      } catch (retryError) {
        throw classifyStorageError(retryError);
      }
    }
  }

  /** Opens the database; faults (blocked upgrade, no IndexedDB) surface here first. */
  open(): Promise<void> {
    return this.guarded(async () => {
      await this.db.open();
    });
  }

  /** Returns the options a deck studies with: its own when it has them, else the shared default. */
  async preset(deckId?: string): Promise<Preset> {
    return (await this.deckPreset(deckId)).preset;
  }

  async deckPreset(deckId?: string): Promise<{ preset: Preset; own: boolean }> {
    return this.guarded(async () => {
      const own = deckId === undefined ? undefined : await this.db.settings.get(deckPresetKey(deckId));
      if (own) return { preset: checkedPreset(own), own: true };
      const shared = await this.db.settings.get(DEFAULT_PRESET_KEY);
      return { preset: shared ? checkedPreset(shared) : DEFAULT_PRESET, own: false };
    });
  }

  /** Saves options as the shared default, or as a deck's own options. */
  async savePreset(preset: Preset, deckId?: string): Promise<void> {
    await this.guarded(() => this.db.settings.put({ key: deckId === undefined ? DEFAULT_PRESET_KEY : deckPresetKey(deckId), value: preset }));
  }

  /** Makes a deck follow the shared default again. */
  async clearDeckPreset(deckId: string): Promise<void> {
    await this.guarded(() => this.db.settings.delete(deckPresetKey(deckId)));
  }

  /** Keeps an item out of the queue until the next study day starts. */
  async bury(itemKey: string, now: number, timeZone: string): Promise<void> {
    await this.guarded(async () => {
      const schedule = await this.db.schedules.get(itemKey);
      if (!schedule) return;
      const { dayEnd } = studyWindow(now, await this.preset(schedule.deckId), timeZone);
      await this.db.holds.put({ cardKey: itemKey, deckId: schedule.deckId, kind: 'buried', until: dayEnd });
    });
  }

  /** Keeps an item out of the queue until it is unsuspended; its schedule is untouched. */
  async suspend(itemKey: string): Promise<void> {
    await this.guarded(async () => {
      const schedule = await this.db.schedules.get(itemKey);
      if (schedule) await this.db.holds.put({ cardKey: itemKey, deckId: schedule.deckId, kind: 'suspended' });
    });
  }

  async unsuspend(itemKey: string): Promise<void> {
    await this.guarded(() => this.db.holds.delete(itemKey));
  }

  /** Lists a deck's suspended items, for the options screen. */
  async suspendedItems(deckId: string): Promise<StudyItem[]> {
    return this.guarded(async () => {
      const holds = (await this.db.holds.where('deckId').equals(deckId).toArray()).filter((hold) => hold.kind === 'suspended');
      const items = await Promise.all(holds.map((hold) => this.item(hold.cardKey)));
      return items.flatMap((item) => (item ? [item] : []));
    });
  }

  /** Item keys of a deck that are buried or suspended at `now`. */
  private async heldKeys(deckId: string, now: number): Promise<Set<string>> {
    const holds = await this.db.holds.where('deckId').equals(deckId).toArray();
    return new Set(holds.filter((hold) => hold.kind === 'suspended' || (hold.until ?? 0) > now).map((hold) => hold.cardKey));
  }

  /**
   * Loads the bundled decks when the set shipped with the app differs from the one stored
   * (`bundleHash` covers all of them), so an unchanged app start costs one read.
   */
  async ensureBundledDecks(bundleHash: string, load: () => Promise<DeckSource[]>): Promise<SyncReport> {
    const stored = await this.guarded(() => this.db.settings.get(BUNDLE_KEY));
    if (stored?.value === bundleHash) return { added: [], updated: [] };
    const sources = await load();
    const report: SyncReport = { added: [], updated: [] };
    for (const source of sources) {
      const result = await this.saveDeck(source, 'bundled');
      if (result === 'added') report.added.push(source.deck.id);
      if (result === 'updated') report.updated.push(source.deck.id);
    }
    await this.guarded(() => this.db.settings.put({ key: BUNDLE_KEY, value: bundleHash }));
    return report;
  }

  /**
   * Stores a deck in one transaction. A deck already stored is updated in place: cards whose id
   * is unchanged keep their schedule, new cards start as new, removed cards lose their content
   * and schedule while their reviews stay in the log.
   */
  saveDeck(source: DeckSource, origin: DeckOrigin): Promise<'added' | 'updated' | 'unchanged'> {
    const { deck, contentHash } = source;
    return this.guarded(() =>
      this.db.transaction('rw', [this.db.decks, this.db.cards, this.db.schedules], async () => {
        const existing = await this.db.decks.get(deck.id);
        if (existing && existing.contentHash === contentHash) return 'unchanged';

        const position = existing?.position ?? (await this.db.decks.count());
        const record: DeckRecord = {
          id: deck.id,
          title: deck.title,
          ...(deck.description !== undefined && { description: deck.description }),
          origin: existing?.origin ?? origin,
          formatVersion: deck.version,
          contentHash,
          cardCount: deck.cards.length,
          position,
          updatedAt: Date.now(),
        };
        const cards: CardRecord[] = deck.cards.map((content, index) => ({
          key: cardKeyOf(deck.id, content.id),
          deckId: deck.id,
          position: index,
          content,
        }));

        // Schedules belong to review items: one per card, or one per cloze deletion number.
        const items = cards.flatMap((card) => reviewItemKeys(deck.id, card.content)).map((key, position) => ({ key, position }));
        const positionOf = new Map(items.map((item) => [item.key, item.position]));
        const storedSchedules = await this.db.schedules.where('deckId').equals(deck.id).toArray();
        const storedKeys = new Set(storedSchedules.map((schedule) => schedule.cardKey));
        const removed = storedSchedules.filter((schedule) => !positionOf.has(schedule.cardKey)).map((schedule) => schedule.cardKey);
        const fresh = items.filter((item) => !storedKeys.has(item.key)).map((item) => newSchedule(item.key, deck.id, item.position));
        const renumbered = storedSchedules
          .filter((schedule) => schedule.state === 'new' && positionOf.has(schedule.cardKey))
          .map((schedule) => ({ ...schedule, due: positionOf.get(schedule.cardKey)! }));

        await this.db.decks.put(record);
        await this.db.cards.where('deckId').equals(deck.id).delete();
        await this.db.cards.bulkPut(cards);
        await this.db.schedules.bulkDelete(removed);
        await this.db.schedules.bulkPut([...fresh, ...renumbered]);
        return existing ? 'updated' : 'added';
      }),
    );
  }

  async decks(): Promise<DeckRecord[]> {
    return this.guarded(() => this.db.decks.orderBy('position').toArray());
  }

  /** Counts what each deck has left today, for the deck list. */
  async summaries(now: number, timeZone: string): Promise<DeckSummary[]> {
    const decks = await this.decks();
    return Promise.all(decks.map(async (deck) => ({ deck, counts: await this.countsFor(deck.id, now, timeZone) })));
  }

  async countsFor(deckId: string, now: number, timeZone: string, preset?: Preset): Promise<DeckCounts> {
    const options = preset ?? (await this.preset(deckId));
    const { dayEnd } = studyWindow(now, options, timeZone);
    return this.guarded(() =>
      this.db.transaction('r', [this.db.schedules, this.db.reviews, this.db.holds], async () => {
        const [done, held] = await Promise.all([this.doneToday(deckId, now, timeZone, options), this.heldKeys(deckId, now)]);

        // IndexedDB counts a key range by walking it, which takes hundreds of milliseconds for
        // 100,000 new cards. The daily limits cap what is shown, so new and review items are
        // counted only up to the limit plus the held items that may sit in the range.
        const newCap = remainingNew(options, done) + held.size;
        const reviewCap = remainingReviews(options, done) + held.size;
        const index = this.db.schedules.where('[deckId+state+due]');
        const [fresh, learning, relearning, due] = await Promise.all([
          newCap === 0 ? 0 : countUpTo(index.between([deckId, 'new', -Infinity], [deckId, 'new', Infinity]), newCap),
          index.between([deckId, 'learning', -Infinity], [deckId, 'learning', dayEnd]).count(),
          index.between([deckId, 'relearning', -Infinity], [deckId, 'relearning', dayEnd]).count(),
          reviewCap === 0 ? 0 : countUpTo(index.between([deckId, 'review', -Infinity], [deckId, 'review', dayEnd]), reviewCap),
        ]);
        const available = { new: fresh, learning: learning + relearning, due };
        // Held items are few, so they are subtracted one by one rather than excluded by the index.
        for (const schedule of await this.db.schedules.bulkGet([...held])) {
          if (!schedule) continue;
          if (schedule.state === 'new') available.new -= 1;
          else if (schedule.due < dayEnd && schedule.state === 'review') available.due -= 1;
          else if (schedule.due < dayEnd) available.learning -= 1;
        }
        return deckCounts(available, options, done);
      }),
    );
  }

  private async doneToday(deckId: string, now: number, timeZone: string, preset: Preset): Promise<DoneToday> {
    const { dayStart, dayEnd } = studyWindow(now, preset, timeZone);
    const reviews = await this.db.reviews.where('[deckId+time]').between([deckId, dayStart], [deckId, dayEnd]).toArray();
    return {
      newIntroduced: reviews.filter((review) => review.before.state === 'new').length,
      reviewsDone: reviews.filter((review) => review.before.state === 'review').length,
    };
  }

  /** Picks the next item to study in a deck, or undefined when nothing is left for now. */
  async nextItem(deckId: string, now: number, timeZone: string, skip: ReadonlySet<string> = new Set(), knownPreset?: Preset): Promise<StudyItem | undefined> {
    // The study screen passes the options it has just read, which saves a transaction per card.
    const preset = knownPreset ?? (await this.preset(deckId));
    const { dayEnd } = studyWindow(now, preset, timeZone);
    return this.guarded(() =>
      this.db.transaction('r', [this.db.schedules, this.db.reviews, this.db.cards, this.db.holds], async () => {
        const held = await this.heldKeys(deckId, now);
        const passOver = new Set([...skip, ...held]);
        const limit = passOver.size + 1;
        const index = this.db.schedules.where('[deckId+state+due]');
        const [learning, relearning, reviews, fresh, done] = await Promise.all([
          index.between([deckId, 'learning', -Infinity], [deckId, 'learning', dayEnd]).limit(limit).toArray(),
          index.between([deckId, 'relearning', -Infinity], [deckId, 'relearning', dayEnd]).limit(limit).toArray(),
          index.between([deckId, 'review', -Infinity], [deckId, 'review', now], true, true).limit(limit).toArray(),
          index.between([deckId, 'new', -Infinity], [deckId, 'new', Infinity]).limit(limit).toArray(),
          this.doneToday(deckId, now, timeZone, preset),
        ]);
        const candidates: QueueCandidates = {
          learning: [...learning, ...relearning].sort((a, b) => a.due - b.due),
          reviews,
          fresh,
        };
        const schedule = pickNext(candidates, now, preset, done, passOver);
        if (!schedule) return undefined;
        return this.withContent(schedule);
      }),
    );
  }

  /**
   * Applies a grade and appends it to the log, in one transaction. The schedule is read inside
   * the transaction, so two grades of one card (a double tap) apply in order, never both to the
   * same starting state.
   */
  async grade(input: GradeInput): Promise<{ schedule: Schedule; review: ReviewRecord }> {
    const stored = await this.guarded(async () => {
      const preset = await this.preset(input.cardKey.slice(0, input.cardKey.indexOf('/')));
      return this.db.transaction('rw', [this.db.schedules, this.db.reviews], async () => {
        const stored = await this.db.schedules.get(input.cardKey);
        if (!stored) throw new Error(`No schedule for card ${input.cardKey}`);
        const before = checkedSchedule(stored);
        const outcome = reviewSchedule(before, input.rating, input.now, preset, input.timeZone);
        const review: ReviewRecord = {
          cardKey: input.cardKey,
          deckId: before.deckId,
          time: input.now,
          rating: input.rating,
          durationMs: Math.max(0, Math.round(input.durationMs)),
          ...(input.check && { check: input.check }),
          ...(input.variant && { variant: input.variant }),
          before,
          after: { state: outcome.schedule.state, due: outcome.schedule.due },
        };
        await this.db.schedules.put(outcome.schedule);
        review.id = await this.db.reviews.add(review);
        return { schedule: outcome.schedule, review };
      });
    });
    for (const listener of this.gradeListeners) listener();
    return stored;
  }

  /**
   * Removes the newest review of a deck and restores the schedule it replaced, exactly.
   * Returns the card key to show again, or undefined when there is nothing to undo.
   */
  undoLast(deckId: string): Promise<string | undefined> {
    return this.guarded(() =>
      this.db.transaction('rw', [this.db.schedules, this.db.reviews], async () => {
        // Reviews with one deck id are ordered by their auto-incremented id, so the last is the newest
        // even when the device clock ran backwards between grades.
        const last = await this.db.reviews.where('deckId').equals(deckId).last();
        if (!last || last.id === undefined) return undefined;
        await this.db.schedules.put(last.before);
        await this.db.reviews.delete(last.id);
        return last.cardKey;
      }),
    );
  }

  /** Tells whether any review is stored (in one deck, or at all) without counting a long log. */
  async hasReviews(deckId?: string): Promise<boolean> {
    return this.guarded(async () => {
      const first = deckId ? await this.db.reviews.where('deckId').equals(deckId).first() : await this.db.reviews.toCollection().first();
      return first !== undefined;
    });
  }

  async reviewCount(deckId?: string): Promise<number> {
    return this.guarded(() => (deckId ? this.db.reviews.where('deckId').equals(deckId).count() : this.db.reviews.count()));
  }

  async item(itemKey: string): Promise<StudyItem | undefined> {
    return this.guarded(async () => {
      const schedule = await this.db.schedules.get(itemKey);
      return schedule && this.withContent(schedule);
    });
  }

  private async withContent(stored: Schedule): Promise<StudyItem | undefined> {
    const schedule = checkedSchedule(stored);
    const { cardKey, cloze } = parseItemKey(schedule.cardKey);
    const card = await this.db.cards.get(cardKey);
    if (!card) return undefined;
    return { schedule, card: card.content, ...(cloze !== undefined && { cloze }) };
  }
}
