/**
 * Cloze deletions in Anki's syntax: `{{c1::answer}}` or `{{c1::answer::hint}}`. Each deletion
 * number is one review item with its own schedule; deletions sharing a number are hidden
 * together.
 */

const DELETION = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

export interface ClozeDeletion {
  readonly number: number;
  readonly answer: string;
  readonly hint?: string;
}

export function clozeDeletions(text: string): ClozeDeletion[] {
  const deletions: ClozeDeletion[] = [];
  for (const match of text.matchAll(DELETION)) {
    const hint = match[3];
    deletions.push({ number: Number(match[1]), answer: match[2]!, ...(hint !== undefined && { hint }) });
  }
  return deletions;
}

/** Lists the distinct deletion numbers of a cloze text, ascending. */
export function clozeNumbers(text: string): number[] {
  return [...new Set(clozeDeletions(text).map((deletion) => deletion.number))].sort((a, b) => a - b);
}

/** Problems with a cloze text, as sentences: no deletion, an empty answer, an unclosed `{{c`. */
export function clozeProblems(text: string): string[] {
  const problems: string[] = [];
  const deletions = clozeDeletions(text);
  if (deletions.length === 0) problems.push('expected at least one deletion such as {{c1::answer}}, got none');
  for (const deletion of deletions) {
    if (deletion.number < 1) problems.push(`deletion numbers start at c1, got c${deletion.number}`);
    if (deletion.answer.trim() === '') problems.push(`deletion c${deletion.number} has an empty answer`);
  }
  const opened = text.match(/\{\{c\d+::/g)?.length ?? 0;
  if (opened > deletions.length) problems.push('a deletion is not closed with "}}"');
  return problems;
}

/** Where a cloze text shows a hidden deletion, a revealed one, or plain Markdown. */
export type ClozePart = { kind: 'text'; text: string } | { kind: 'hidden'; hint?: string } | { kind: 'revealed'; text: string; active: boolean };

/**
 * Splits a cloze text for review item `number`. Its deletions are hidden on the question side
 * and highlighted on the answer side. Other deletions always show their text.
 */
export function clozeParts(text: string, number: number, revealed: boolean): ClozePart[] {
  const parts: ClozePart[] = [];
  let last = 0;
  for (const match of text.matchAll(DELETION)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    const active = Number(match[1]) === number;
    const hint = match[3];
    if (active && !revealed) parts.push({ kind: 'hidden', ...(hint !== undefined && { hint }) });
    else parts.push({ kind: 'revealed', text: match[2]!, active });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Private-use characters that mark a cloze highlight; the Markdown renderer turns them into `<mark>`. */
export const CLOZE_MARK_START = '\uE000';
export const CLOZE_MARK_END = '\uE001';

/**
 * Renders one side of a cloze item as Markdown: a hidden deletion becomes `[…]` (or `[hint]`),
 * and on the answer side the active deletion is highlighted. Highlights are wrapped in
 * `CLOZE_MARK_START` and `CLOZE_MARK_END` rather than HTML, because a deletion may sit inside a
 * code span, where HTML would show as text.
 */
export function clozeMarkdown(text: string, number: number, revealed: boolean): string {
  return clozeParts(text, number, revealed)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'hidden') return `${CLOZE_MARK_START}[${part.hint ?? '…'}]${CLOZE_MARK_END}`;
      return part.active ? `${CLOZE_MARK_START}${part.text}${CLOZE_MARK_END}` : part.text;
    })
    .join('');
}
