/**
 * What every importer returns: a deck ready to store, or the problems that stopped it. Problems
 * and warnings name the file, the place in it (a line, a keypath, a note id) and what to do.
 */
import type { Deck } from '../deck/format';
import type { GradeName } from '../schedule/fsrs-adapter';

export interface ImportProblem {
  /** The file name as the user chose it, or a label such as `pasted text`. */
  readonly file: string;
  /** The place in the file: `line 12`, `cards[3].back`, `note 1496…`, or `''` for the whole file. */
  readonly location: string;
  /** The fault and the fix, as one or two clauses. */
  readonly message: string;
}

/** One entry of an imported review history, in time order per item. */
export type HistoryEntry =
  | {
      readonly kind: 'review';
      /** The review item key, `deckId/cardId` or `deckId/cardId#c<n>`. */
      readonly itemKey: string;
      /** Epoch ms. */
      readonly time: number;
      readonly rating: GradeName;
      readonly durationMs: number;
    }
  /** The source app reset the item to new (Anki's "Forget"); later reviews start over. */
  | { readonly kind: 'reset'; readonly itemKey: string; readonly time: number };

export interface MediaFile {
  /** The file name that card fields refer to, such as `cat.png` in `<img src="cat.png">`. */
  readonly name: string;
  /** MIME type guessed from the extension, such as `image/png`. */
  readonly type: string;
  readonly data: Uint8Array;
}

export type ImportFormat = 'layerdeck-json' | 'anki-text' | 'quizlet' | 'anki-package';

export interface ImportedDeck {
  readonly format: ImportFormat;
  readonly deck: Deck;
  /** Review history found in the file, oldest first; empty for formats that have none. */
  readonly history: readonly HistoryEntry[];
  readonly media: readonly MediaFile[];
  /** Rows or notes that were skipped or read with a guess; the import still goes ahead. */
  readonly warnings: readonly ImportProblem[];
}

export type ImportOutcome = { readonly ok: true; readonly value: ImportedDeck } | { readonly ok: false; readonly problems: readonly ImportProblem[] };

export function failure(file: string, location: string, message: string): ImportOutcome {
  return { ok: false, problems: [{ file, location, message }] };
}

/** Formats a problem as one line for a log or the CLI: `deck.csv, line 4: the row has no back`. */
export function formatImportProblem(problem: ImportProblem): string {
  const where = problem.location ? `${problem.file}, ${problem.location}` : problem.file;
  return `${where}: ${problem.message}`;
}
