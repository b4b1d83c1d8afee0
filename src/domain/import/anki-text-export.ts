/**
 * A deck as an Anki text file: tab-separated, HTML fields, and header lines Anki 2.1.55+ reads
 * (`#separator:tab`, `#html:true`, `#notetype column:`, `#guid column:`, `#tags column:`). The
 * card id goes in the guid column, so importing the file again into Anki updates the notes, and
 * importing it into Layerdeck keeps the card ids and their progress.
 */
import Papa from 'papaparse';
import { Marked } from 'marked';
import type { Card, Deck } from '../deck/format';
import { canonicalAnswer } from '../grading/checkers';
import { escapeHtml } from './html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

function toHtml(text: string, card: Card): string {
  if ('format' in card && card.format === 'html') return text;
  return (marked.parse(text) as string).trim();
}

interface Row {
  notetype: 'Basic' | 'Cloze';
  front: string;
  back: string;
}

/** Returns undefined for card types that have no Anki counterpart. */
function rowOf(card: Card): Row | undefined {
  switch (card.type) {
    case 'basic':
      return { notetype: 'Basic', front: toHtml(card.front, card), back: toHtml(card.back, card) };
    case 'cloze':
      return { notetype: 'Cloze', front: toHtml(card.text, card), back: card.extra ? toHtml(card.extra, card) : '' };
    case 'choice': {
      const options = card.options.map((option) => `<li>${toHtml(option.text, card)}</li>`).join('');
      const correct = card.options.filter((option) => option.correct).map((option) => toHtml(option.text, card));
      return { notetype: 'Basic', front: `${toHtml(card.prompt, card)}<ol>${options}</ol>`, back: correct.join('<br>') };
    }
    case 'typed':
      return { notetype: 'Basic', front: toHtml(card.prompt, card), back: `<code>${escapeHtml(canonicalAnswer(card.answer))}</code>` };
    default:
      return undefined;
  }
}

export interface AnkiTextExport {
  readonly text: string;
  /** Ids of cards left out because Anki has no matching note type. */
  readonly skipped: readonly string[];
}

export function exportAnkiText(deck: Deck): AnkiTextExport {
  const rows: string[][] = [];
  const skipped: string[] = [];
  for (const card of deck.cards) {
    const row = rowOf(card);
    if (!row) {
      skipped.push(card.id);
      continue;
    }
    const explanation = card.explanation ? `<hr>${toHtml(card.explanation, card)}` : '';
    rows.push([card.id, row.notetype, row.front, row.back + explanation, (card.tags ?? []).map((tag) => tag.replace(/\s+/g, '_')).join(' ')]);
  }
  const header = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    `#deck:${deck.title.replace(/[\r\n]+/g, ' ')}`,
    '#tags column:5',
    '#columns:GUID\tNotetype\tFront\tBack\tTags',
  ];
  const body = Papa.unparse(rows, { delimiter: '\t', newline: '\n', quotes: false, quoteChar: '"', escapeChar: '"' });
  return { text: `${header.join('\n')}\n${body}\n`, skipped };
}
