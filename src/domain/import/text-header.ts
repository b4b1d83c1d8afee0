/**
 * The header lines of an Anki text file (Anki 2.1.55 and later): lines at the top that start
 * with `#` and read `#key:value`. Keys are case-insensitive; unknown keys are ignored, as Anki
 * does. A first line starting with `tags:` is the older way to tag every note.
 *
 *   #separator:tab        Comma, Semicolon, Tab, Space, Pipe, Colon, or the character itself
 *   #html:true            fields are HTML (false: plain text)
 *   #tags:a b             tags added to every note, separated by spaces
 *   #columns:Front\tBack  column names, split with the separator named above this line
 *   #deck:Name  #notetype:Name
 *   #deck column:3  #notetype column:1  #tags column:4  #guid column:2   (1-based)
 */

export const SEPARATOR_NAMES: Readonly<Record<string, string>> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  space: ' ',
  pipe: '|',
  colon: ':',
};

export interface TextFileHeader {
  separator?: string;
  html?: boolean;
  tags: string[];
  /** Column names from `#columns:`, still joined by the separator until it is known. */
  columnsLine?: string;
  deck?: string;
  notetype?: string;
  deckColumn?: number;
  notetypeColumn?: number;
  tagsColumn?: number;
  guidColumn?: number;
  /** Number of lines the header takes; the data starts after them. */
  lineCount: number;
}

/** Reads a separator value: a name such as `Tab` (any case) or a single character. */
export function separatorFromValue(value: string): string | undefined {
  const named = SEPARATOR_NAMES[value.trim().toLowerCase()];
  if (named !== undefined) return named;
  return [...Object.values(SEPARATOR_NAMES)].find((character) => value === character);
}

function columnNumber(value: string): number | undefined {
  const number = Number(value.trim());
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Reads the header lines; `text` must already be free of a byte order mark. */
export function parseTextHeader(text: string): TextFileHeader {
  const header: TextFileHeader = { tags: [], lineCount: 0 };
  const lines = text.split('\n');

  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\r$/, '');
    if (index === 0 && line.startsWith('tags:')) {
      header.tags = splitTags(line.slice('tags:'.length));
    } else if (line.startsWith('#')) {
      const colon = line.indexOf(':');
      if (colon > 0) applyDirective(header, line.slice(1, colon).trim().toLowerCase(), line.slice(colon + 1));
    } else {
      break;
    }
    header.lineCount = index + 1;
  }
  return header;
}

function applyDirective(header: TextFileHeader, key: string, value: string): void {
  switch (key) {
    case 'separator': {
      const separator = separatorFromValue(value);
      if (separator !== undefined) header.separator = separator;
      break;
    }
    case 'html': {
      const flag = value.trim().toLowerCase();
      if (flag === 'true' || flag === 'false') header.html = flag === 'true';
      break;
    }
    case 'tags':
      header.tags = splitTags(value);
      break;
    case 'columns':
      header.columnsLine = value;
      break;
    case 'deck':
      header.deck = value.trim();
      break;
    case 'notetype':
      header.notetype = value.trim();
      break;
    case 'deck column':
      header.deckColumn = columnNumber(value);
      break;
    case 'notetype column':
      header.notetypeColumn = columnNumber(value);
      break;
    case 'tags column':
      header.tagsColumn = columnNumber(value);
      break;
    case 'guid column':
      header.guidColumn = columnNumber(value);
      break;
  }
}

export function splitTags(text: string): string[] {
  return text.split(/\s+/).filter((tag) => tag !== '');
}
