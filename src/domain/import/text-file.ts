/**
 * Anki text files (CSV, TSV, .txt) to a deck: header directives, a separator named or guessed,
 * and a column mapping the user can change after seeing a preview.
 */
import { clozeProblems } from '../deck/cloze';
import { DECK_FORMAT, DECK_FORMAT_VERSION, parseDeck } from '../deck/format';
import type { Card, Deck } from '../deck/format';
import { contentHash } from '../deck/hash';
import { readRows } from './csv-rows';
import type { TextRow } from './csv-rows';
import { looksLikeHtml, plainTextToHtml } from './html';
import { baseName, idFromText, slugId, uniqueIds } from './identifiers';
import type { ImportOutcome, ImportProblem } from './problems';
import { guessSeparator } from './separator';
import { parseTextHeader, splitTags } from './text-header';
import type { TextFileHeader } from './text-header';

export type ColumnRole = 'front' | 'back' | 'tags' | 'ignore';
export type NoteKind = 'basic' | 'reversed' | 'cloze';

const PREVIEW_ROWS = 5;

export interface TextFilePreview {
  readonly header: TextFileHeader;
  readonly separator: string;
  /** True when the header named no separator and the guess was unsure. */
  readonly separatorUnsure: boolean;
  /** Column names from `#columns:`, or empty strings. */
  readonly columns: readonly string[];
  readonly roles: readonly ColumnRole[];
  readonly rows: readonly TextRow[];
  /** True when the header sets `#html:true`, or sets nothing and a field contains HTML. */
  readonly html: boolean;
  /** True when the first row looks like column names (`Front,Back`), so it is suggested to skip it. */
  readonly firstRowIsHeader: boolean;
}

export interface TextImportOptions {
  readonly separator: string;
  readonly roles: readonly ColumnRole[];
  /** Leaves the first row out, because it contains column names rather than a card. */
  readonly skipFirstRow?: boolean;
}

/** Removes a UTF-8 byte order mark, which Excel and Windows Notepad put at the start. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function bodyOf(text: string, header: TextFileHeader): string {
  if (header.lineCount === 0) return text;
  let offset = 0;
  for (let line = 0; line < header.lineCount; line++) {
    const next = text.indexOf('\n', offset);
    offset = next === -1 ? text.length : next + 1;
  }
  return text.slice(offset);
}

function headerColumns(header: TextFileHeader, separator: string): string[] {
  if (header.columnsLine === undefined) return [];
  const { rows } = readRows(header.columnsLine, separator, { limit: 1 });
  return [...(rows[0]?.fields ?? [])].map((name) => name.trim());
}

const FRONT_NAMES = /^(front|text|question|term|word|prompt)$/i;
const BACK_NAMES = /^(back|back extra|extra|answer|definition|meaning)$/i;

/**
 * Anki imports every row as a note, header or not. A first row made only of names such as
 * `Front`, `Back` and `Tags` is almost always a header, so the preview suggests skipping it.
 */
function looksLikeColumnNames(row: TextRow | undefined): boolean {
  if (!row) return false;
  const names = row.fields.map((field) => field.trim()).filter((field) => field !== '');
  return names.length >= 2 && names.every((name) => FRONT_NAMES.test(name) || BACK_NAMES.test(name) || /^tags?$/i.test(name));
}

/** Roles Anki would pick: named columns by name, else front and back in order, then tags. */
export function suggestRoles(columnCount: number, columns: readonly string[], header: TextFileHeader): ColumnRole[] {
  const roles: ColumnRole[] = Array.from({ length: columnCount }, () => 'ignore');
  const meta = new Set([header.deckColumn, header.notetypeColumn, header.guidColumn].filter((n) => n !== undefined).map((n) => n - 1));
  if (header.tagsColumn !== undefined && header.tagsColumn <= columnCount) roles[header.tagsColumn - 1] = 'tags';
  const free = roles.map((role, index) => role === 'ignore' && !meta.has(index));

  columns.forEach((name, index) => {
    if (!free[index]) return;
    if (/^tags$/i.test(name)) roles[index] = 'tags';
    else if (FRONT_NAMES.test(name) && !roles.includes('front')) roles[index] = 'front';
    else if (BACK_NAMES.test(name)) roles[index] = 'back';
  });
  if (roles.includes('front')) return roles;

  const open = roles.map((_, index) => index).filter((index) => free[index] && roles[index] === 'ignore');
  const [front, back, after] = open;
  if (front !== undefined) roles[front] = 'front';
  if (back !== undefined) roles[back] = 'back';
  if (after !== undefined && header.tagsColumn === undefined && !columns[after]) roles[after] = 'tags';
  return roles;
}

/** Reads the header and the first rows, for the preview the user confirms. */
export function inspectTextFile(text: string, separatorOverride?: string): TextFilePreview {
  const clean = stripBom(text);
  const header = parseTextHeader(clean);
  const body = bodyOf(clean, header);
  const guess = header.separator === undefined && separatorOverride === undefined ? guessSeparator(body) : undefined;
  const separator = separatorOverride ?? header.separator ?? guess?.separator ?? '\t';
  const { rows } = readRows(body, separator, { firstLine: header.lineCount + 1, limit: PREVIEW_ROWS });
  const firstRowIsHeader = header.columnsLine === undefined && looksLikeColumnNames(rows[0]);
  const columns = firstRowIsHeader ? rows[0]!.fields.map((field) => field.trim()) : headerColumns(header, separator);
  const columnCount = Math.max(columns.length, ...rows.map((row) => row.fields.length), 0);
  return {
    header,
    separator,
    separatorUnsure: guess !== undefined && !guess.confident,
    columns,
    roles: suggestRoles(columnCount, columns, header),
    rows,
    html: header.html ?? rows.some((row) => row.fields.some(looksLikeHtml)),
    firstRowIsHeader,
  };
}

function noteKind(name: string | undefined, front: string): NoteKind {
  if (name !== undefined && /cloze/i.test(name)) return 'cloze';
  // "Basic (optional reversed card)" adds the reverse only when a third field is filled in,
  // which this mapping has no role for, so it stays one card.
  if (name !== undefined && /reversed/i.test(name) && !/optional/i.test(name)) return 'reversed';
  return /\{\{c\d+::/.test(front) ? 'cloze' : 'basic';
}

interface FieldText {
  /** Converts a field to the stored text. */
  convert(value: string): string;
  join: string;
  format: 'html' | undefined;
}

function fieldText(html: boolean | undefined): FieldText {
  if (html === true) return { convert: (value) => value, join: '<br>', format: 'html' };
  // `#html:false` means plain text: Anki escapes it, and so does this, keeping `<` visible.
  if (html === false) return { convert: plainTextToHtml, join: '<br>', format: 'html' };
  return { convert: (value) => value, join: '\n\n', format: undefined };
}

/**
 * Converts a whole text file with the chosen separator and column roles. Rows without a front,
 * without a back, or with a broken cloze are skipped with a warning. A quote left open fails the
 * import, because every row after it would be read wrongly.
 */
export function convertTextFile(fileName: string, text: string, options: TextImportOptions): ImportOutcome {
  const clean = stripBom(text);
  const header = parseTextHeader(clean);
  const body = bodyOf(clean, header);
  const { rows: allRows, problems: rowProblems } = readRows(body, options.separator, { firstLine: header.lineCount + 1 });
  const rows = options.skipFirstRow ? allRows.slice(1) : allRows;
  const problem = (line: number, message: string): ImportProblem => ({ file: fileName, location: `line ${line}`, message });

  if (rowProblems.length > 0) return { ok: false, problems: rowProblems.map((entry) => problem(entry.line, entry.message)) };
  if (rows.length === 0) {
    return { ok: false, problems: [{ file: fileName, location: '', message: 'the file has no rows to import; check that it is a text file with one card per line' }] };
  }
  if (!options.roles.includes('front')) {
    return { ok: false, problems: [{ file: fileName, location: '', message: 'no column is chosen as the front; pick the column that holds the question' }] };
  }

  const previewHtml = header.html ?? rows.some((row) => row.fields.some(looksLikeHtml));
  const fields = fieldText(header.html ?? (previewHtml ? true : undefined));
  const warnings: ImportProblem[] = [];
  const drafts: Card[] = [];
  const pick = (row: TextRow, role: ColumnRole) =>
    options.roles.flatMap((chosen, index) => (chosen === role ? [row.fields[index] ?? ''] : [])).filter((value) => value.trim() !== '');

  for (const row of rows) {
    const [frontRaw] = pick(row, 'front');
    const backs = pick(row, 'back');
    if (frontRaw === undefined) {
      warnings.push(problem(row.line, 'the row has an empty front and was skipped'));
      continue;
    }
    const tags = [...header.tags, ...pick(row, 'tags').flatMap(splitTags)];
    const guid = header.guidColumn === undefined ? undefined : row.fields[header.guidColumn - 1]?.trim();
    const id = guid ? idFromText('g', guid) : `r${contentHash(frontRaw)}`;
    const kind = noteKind(header.notetypeColumn === undefined ? header.notetype : row.fields[header.notetypeColumn - 1], frontRaw);
    const front = fields.convert(frontRaw);
    const back = backs.map(fields.convert).join(fields.join);
    const common = { ...(tags.length > 0 && { tags: [...new Set(tags)] }), ...(fields.format && { format: fields.format }) };

    if (kind === 'cloze') {
      const broken = clozeProblems(front);
      if (broken.length > 0) {
        warnings.push(problem(row.line, `the cloze text was skipped because ${broken.join('; ')}`));
        continue;
      }
      drafts.push({ id, type: 'cloze', text: front, ...(back && { extra: back }), ...common });
      continue;
    }
    if (!back) {
      warnings.push(problem(row.line, 'the row has no back and was skipped; choose the column that holds the answer, or fill it in'));
      continue;
    }
    drafts.push({ id, type: 'basic', front, back, ...common });
    if (kind === 'reversed') drafts.push({ id: `${id}-reverse`, type: 'basic', front: back, back: front, ...common });
  }

  if (drafts.length === 0) {
    return { ok: false, problems: [...warnings, { file: fileName, location: '', message: 'no row could be made into a card; check the separator and the column roles' }] };
  }

  const ids = uniqueIds(drafts.map((draft) => draft.id));
  const title = header.deck?.trim() || baseName(fileName);
  const deck = {
    format: DECK_FORMAT,
    version: DECK_FORMAT_VERSION,
    id: slugId('text-', title),
    title,
    cards: drafts.map((card, index) => ({ ...card, id: ids[index]! })),
  } satisfies Deck;
  return validated(fileName, deck, 'anki-text', warnings);
}

/** Runs the deck validator over a converted deck, so a converter bug can never store a bad deck. */
export function validated(fileName: string, deck: Deck, format: 'anki-text' | 'quizlet', warnings: ImportProblem[]): ImportOutcome {
  const result = parseDeck(deck);
  if (!result.ok) {
    return { ok: false, problems: result.problems.map((entry) => ({ file: fileName, location: entry.path, message: entry.message })) };
  }
  return { ok: true, value: { format, deck: result.deck, history: [], media: [], warnings } };
}
