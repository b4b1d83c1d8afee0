/**
 * Splits the body of a text file into records with papaparse: `"` quotes fields, a doubled `""`
 * is one quote inside a quoted field, quoted fields may hold separators and line breaks, and
 * lines starting with `#` are comments, as in Anki's reader. Empty lines are skipped.
 */
import Papa from 'papaparse';

export interface TextRow {
  /** 1-based line number in the whole file where the record starts. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface RowProblem {
  readonly line: number;
  readonly message: string;
}

export interface ReadRowsOptions {
  /** Line number of the body's first line in the whole file. */
  readonly firstLine?: number;
  /** Stop after this many records, for previews and separator guessing. */
  readonly limit?: number;
}

const QUOTE_MESSAGES: Record<string, string> = {
  MissingQuotes: 'a quoted field is not closed before the end of the file; add the closing " or remove the opening one',
  InvalidQuotes: 'a quoted field is followed by text before the next separator; put the whole field in quotes and write a quote inside it as ""',
};

export function readRows(body: string, separator: string, options: ReadRowsOptions = {}): { rows: TextRow[]; problems: RowProblem[] } {
  const firstLine = options.firstLine ?? 1;
  const rows: TextRow[] = [];
  const problems: RowProblem[] = [];
  const lines = new LineCounter(body);
  let start = 0;

  const parser = Papa.parse<string[]>(body, {
    delimiter: separator,
    quoteChar: '"',
    escapeChar: '"',
    comments: '#',
    skipEmptyLines: true,
    preview: options.limit ?? 0,
    step(results, handle) {
      const line = firstLine + lines.lineOf(skipBlankAndComments(body, start));
      start = results.meta.cursor;
      for (const error of results.errors) {
        problems.push({ line, message: QUOTE_MESSAGES[error.code] ?? `the row cannot be read (${error.message})` });
      }
      rows.push({ line, fields: results.data });
      if (options.limit !== undefined && rows.length >= options.limit) handle.abort();
    },
  });
  void parser;
  return { rows, problems };
}

/** Index of the first character after any empty lines and `#` comment lines from `from`. */
function skipBlankAndComments(text: string, from: number): number {
  let position = from;
  for (;;) {
    while (text[position] === '\n' || text[position] === '\r') position += 1;
    if (text[position] !== '#') return position;
    const end = text.indexOf('\n', position);
    if (end === -1) return text.length;
    position = end + 1;
  }
}

/** Counts line breaks up to increasing positions without rescanning the text. */
class LineCounter {
  private position = 0;
  private line = 0;

  constructor(private readonly text: string) {}

  /** 0-based line of `index`; calls must pass non-decreasing indexes. */
  lineOf(index: number): number {
    for (; this.position < index && this.position < this.text.length; this.position++) {
      // Line breaks are \n, \r\n or a lone \r (old Mac files); \r\n counts once, at its \n.
      const code = this.text.charCodeAt(this.position);
      if (code === 10 || (code === 13 && this.text.charCodeAt(this.position + 1) !== 10)) this.line += 1;
    }
    return this.line;
  }
}
