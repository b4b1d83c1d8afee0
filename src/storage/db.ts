import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';
import type { Card } from '../domain/deck/format';
import type { GradeName, Schedule } from '../domain/schedule/fsrs-adapter';
import type { Preset } from '../domain/schedule/preset';

export type DeckOrigin = 'bundled' | 'imported' | 'created';

export interface DeckRecord {
  id: string;
  title: string;
  description?: string;
  origin: DeckOrigin;
  /** Deck file format version the content was read from. */
  formatVersion: number;
  /** Hash of the deck file content; a bundled deck whose hash changed is updated. */
  contentHash: string;
  cardCount: number;
  /** Order in the deck list. */
  position: number;
  updatedAt: number;
}

export interface CardRecord {
  /** `deckId/cardId`. */
  key: string;
  deckId: string;
  /** Order within the deck. */
  position: number;
  content: Card;
}

/** The typed-answer check that preceded a grade, kept for history and statistics. */
export interface ReviewCheck {
  answer: string;
  correct: boolean;
  codes: string[];
}

/** The generated variant a review showed: its template, review number and drawn parameters. */
export interface ReviewVariant {
  template: string;
  reviewNumber: number;
  params: Readonly<Record<string, string>>;
}

/** One grade, appended to the log and never changed; undo deletes the newest entry. */
export interface ReviewRecord {
  id?: number;
  cardKey: string;
  deckId: string;
  /** Real time of the grade, epoch ms, even when the clock ran behind the last review. */
  time: number;
  rating: GradeName;
  /** Milliseconds from showing the card to grading it. */
  durationMs: number;
  check?: ReviewCheck;
  variant?: ReviewVariant;
  /** The schedule before this grade; undo restores it exactly. */
  before: Schedule;
  /** State and due time after this grade, for statistics without a replay. */
  after: Pick<Schedule, 'state' | 'due'>;
}

/** A review item kept out of the queue: buried until a time, or suspended until the learner lifts it. */
export interface HoldRecord {
  /** The review item key, as in `schedules`. */
  cardKey: string;
  deckId: string;
  kind: 'buried' | 'suspended';
  /** For a buried item: epoch ms of the next study day's start, when it returns. */
  until?: number;
}

/** A media file of an imported deck: an image or a sound that card fields name. */
export interface MediaRecord {
  /** `deckId/name`. */
  key: string;
  deckId: string;
  /** The file name card fields refer to, such as `cat.png` in `<img src="cat.png">`. */
  name: string;
  /** MIME type, such as `image/png`. */
  type: string;
  /** The bytes, base64-encoded, so a JSON backup holds them unchanged. */
  data: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface PresetSetting extends SettingRecord {
  value: Preset;
}

export const DATABASE_NAME = 'layerdeck';

/**
 * The IndexedDB schema and its history. Content (`decks`, `cards`) and progress (`schedules`,
 * `reviews`) are separate tables, so updating a deck's text never touches progress. Add a new
 * `this.version(n)` for every change; never edit a released one.
 */
export class LayerdeckDatabase extends Dexie {
  decks!: EntityTable<DeckRecord, 'id'>;
  cards!: EntityTable<CardRecord, 'key'>;
  schedules!: EntityTable<Schedule, 'cardKey'>;
  reviews!: EntityTable<ReviewRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  holds!: EntityTable<HoldRecord, 'cardKey'>;
  media!: EntityTable<MediaRecord, 'key'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      decks: 'id, position',
      cards: 'key, deckId',
      schedules: 'cardKey, deckId, due, [deckId+due], [deckId+state+due]',
      reviews: '++id, deckId, [cardKey+time], time, [deckId+time]',
      settings: 'key',
    });
    // Version 2 adds bury and suspend, kept apart from the FSRS schedule they pause.
    this.version(2).stores({
      holds: 'cardKey, deckId',
    });
    // Version 3 adds the images and sounds of imported decks; `name` finds a file when the deck is unknown.
    this.version(3).stores({
      media: 'key, deckId, name',
    });
  }
}
