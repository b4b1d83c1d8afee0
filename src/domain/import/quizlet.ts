/**
 * Quizlet's "Export" text: each row is a term and a definition. Quizlet lets the user choose the
 * separators: tab, comma or any text between term and definition; a new line, a semicolon or any
 * text between rows. It writes no quotes, so a separator inside a term or definition looks the
 * same as a real one. Rows are split at the first term separator, and rows with more than one
 * are reported as warnings.
 */
import { DECK_FORMAT, DECK_FORMAT_VERSION } from '../deck/format';
import type { Card, Deck } from '../deck/format';
import { contentHash } from '../deck/hash';
import { plainTextToHtml } from './html';
import { slugId, uniqueIds } from './identifiers';
import type { ImportOutcome, ImportProblem } from './problems';
import { validated } from './text-file';

const SEPARATOR_NAMES: Readonly<Record<string, string>> = { '\t': 'tab', '\n': 'line break' };

export interface QuizletOptions {
  /** Between term and definition: `\t`, `,` or any text. */
  readonly termSeparator: string;
  /** Between rows: `\n` (any line break), `;` or any text. */
  readonly rowSeparator: string;
  readonly title: string;
}

export interface QuizletRow {
  /** 1-based position among the rows. */
  readonly row: number;
  readonly term: string;
  readonly definition: string;
}

export function splitQuizletRows(text: string, options: Pick<QuizletOptions, 'termSeparator' | 'rowSeparator'>): { rows: QuizletRow[]; warnings: { row: number; message: string }[] } {
  const rows: QuizletRow[] = [];
  const warnings: { row: number; message: string }[] = [];
  const { termSeparator, rowSeparator } = options;
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rawRows = rowSeparator === '\n' ? normalized.split('\n') : normalized.split(rowSeparator);
  const shown = (separator: string) => SEPARATOR_NAMES[separator] ?? `"${separator}"`;

  rawRows.forEach((raw, index) => {
    const row = index + 1;
    if (raw.trim() === '') return;
    const at = termSeparator === '' ? -1 : raw.indexOf(termSeparator);
    if (at === -1) {
      warnings.push({ row, message: `row ${row} has no ${shown(termSeparator)} between term and definition and was skipped; the row separator may occur inside a definition` });
      return;
    }
    const term = raw.slice(0, at).trim();
    const definition = raw.slice(at + termSeparator.length).trim();
    if (definition.includes(termSeparator)) {
      warnings.push({ row, message: `row ${row} contains ${shown(termSeparator)} more than once; it was split at the first one, so check that the term is "${term}"` });
    }
    if (term === '' || definition === '') {
      warnings.push({ row, message: `row ${row} has an empty ${term === '' ? 'term' : 'definition'} and was skipped` });
      return;
    }
    rows.push({ row, term, definition });
  });
  return { rows, warnings };
}

export function convertQuizlet(text: string, options: QuizletOptions): ImportOutcome {
  const file = 'pasted text';
  const { rows, warnings } = splitQuizletRows(text, options);
  const problems: ImportProblem[] = warnings.map((warning) => ({ file, location: `row ${warning.row}`, message: warning.message }));
  if (rows.length === 0) {
    return { ok: false, problems: [...problems, { file, location: '', message: 'no term and definition pair was found; check the two separators' }] };
  }
  const ids = uniqueIds(rows.map((row) => `q${contentHash(row.term)}`));
  const title = options.title.trim() || 'Quizlet set';
  const cards: Card[] = rows.map((row, index) => ({
    id: ids[index]!,
    type: 'basic',
    // Quizlet text is plain, so it is stored as escaped HTML: `<`, `*` and `_` show as typed.
    front: plainTextToHtml(row.term),
    back: plainTextToHtml(row.definition),
    format: 'html',
  }));
  const deck = { format: DECK_FORMAT, version: DECK_FORMAT_VERSION, id: slugId('quizlet-', title), title, cards } satisfies Deck;
  return validated(file, deck, 'quizlet', problems);
}
