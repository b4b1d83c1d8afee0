/**
 * Reads a review history in the FSRS revlog CSV layout: `card_id,review_time,review_rating,
 * review_state,review_duration`, with review_time in epoch milliseconds and review_rating 1-4 for
 * Again, Hard, Good and Easy. review_state (0-3, New to Relearning) and review_duration are
 * informational and not checked. The header is optional; when present, columns are found by name,
 * so other orders and extra columns work.
 */

export interface RevlogEntry {
  readonly cardId: string;
  /** Epoch ms of the review. */
  readonly time: number;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  readonly rating: 1 | 2 | 3 | 4;
  /** 1-based line in the file, for messages. */
  readonly line: number;
}

/** A message tied to a 1-based line of the file. */
export interface RevlogMessage {
  readonly line: number;
  readonly message: string;
}

export interface RevlogParse {
  /** Graded reviews in file order. */
  readonly entries: RevlogEntry[];
  /** Rows that were skipped on purpose, such as manual entries (rating 0). */
  readonly notes: RevlogMessage[];
  /** Malformed rows and header faults. Any of these makes the file unusable. */
  readonly problems: RevlogMessage[];
}

export const REVLOG_COLUMNS = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'] as const;
const REQUIRED_COLUMNS = ['card_id', 'review_time', 'review_rating'] as const;

type ColumnIndex = Record<(typeof REQUIRED_COLUMNS)[number], number>;

/**
 * Splits one CSV line into fields, with RFC 4180 quoting (`"a,b"`, `""` for a quote). Returns
 * undefined for an unterminated quote. A quoted field may not span lines.
 */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields.map((value) => value.trim());
}

function isHeader(fields: readonly string[]): boolean {
  return fields.some((field) => (REVLOG_COLUMNS as readonly string[]).includes(field.toLowerCase()));
}

function headerColumns(fields: readonly string[], line: number, problems: RevlogMessage[]): ColumnIndex | undefined {
  const names = fields.map((field) => field.toLowerCase());
  const index: Partial<ColumnIndex> = {};
  for (const column of REQUIRED_COLUMNS) {
    const position = names.indexOf(column);
    if (position < 0) problems.push({ line, message: `the header has no ${column} column: got ${fields.join(',')}` });
    else if (names.indexOf(column, position + 1) >= 0) problems.push({ line, message: `the header names ${column} twice` });
    else index[column] = position;
  }
  return problems.length === 0 ? (index as ColumnIndex) : undefined;
}

const NO_HEADER: ColumnIndex = { card_id: 0, review_time: 1, review_rating: 2 };

type RowResult = { entry: RevlogEntry } | { note: string } | { problem: string };

function readRow(fields: readonly string[], columns: ColumnIndex, columnCount: number, line: number): RowResult {
  if (fields.length !== columnCount) {
    return { problem: `expected ${columnCount} columns, got ${fields.length}` };
  }
  const cardId = fields[columns.card_id] ?? '';
  const timeText = fields[columns.review_time] ?? '';
  const ratingText = fields[columns.review_rating] ?? '';

  if (cardId === '') return { problem: 'card_id is empty' };
  const time = Number(timeText);
  if (!/^\d+$/.test(timeText) || !Number.isSafeInteger(time)) {
    return { problem: `review_time must be epoch milliseconds (a whole number), got ${timeText === '' ? 'nothing' : timeText}` };
  }
  if (ratingText === '0') return { note: `skipped a manual entry (review_rating 0) for card ${cardId}` };
  if (!['1', '2', '3', '4'].includes(ratingText)) {
    return { problem: `review_rating must be 1, 2, 3 or 4, got ${ratingText === '' ? 'nothing' : ratingText}` };
  }
  return { entry: { cardId, time, rating: Number(ratingText) as RevlogEntry['rating'], line } };
}

/**
 * Parses revlog CSV text. Accepts LF and CRLF line ends, a UTF-8 byte order mark, blank lines and
 * an optional header, which is recognized by naming any revlog column. Every malformed row is
 * reported, not only the first.
 */
export function parseRevlog(text: string): RevlogParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const entries: RevlogEntry[] = [];
  const notes: RevlogMessage[] = [];
  const problems: RevlogMessage[] = [];
  let columns: ColumnIndex | undefined;
  let columnCount: number = REVLOG_COLUMNS.length;

  for (const [index, content] of lines.entries()) {
    const line = index + 1;
    if (content.trim() === '') continue;
    const fields = splitCsvLine(content);
    if (!fields) {
      problems.push({ line, message: 'a quoted field has no closing quote' });
      continue;
    }

    if (columns === undefined && isHeader(fields)) {
      columns = headerColumns(fields, line, problems);
      // Rows cannot be read without the required columns, so stop at the header's problem.
      if (!columns) return { entries, notes, problems };
      columnCount = fields.length;
      continue;
    }
    columns ??= NO_HEADER;

    const result = readRow(fields, columns, columnCount, line);
    if ('entry' in result) entries.push(result.entry);
    else if ('note' in result) notes.push({ line, message: result.note });
    else problems.push({ line, message: result.problem });
  }
  return { entries, notes, problems };
}
