/**
 * Anki notes, cards and review log to one Layerdeck deck:
 *
 * - a standard note type gives one basic card per Anki card (Basic: one, "Basic (and reversed
 *   card)": two), rendered from its templates;
 * - a cloze note type gives one cloze card per note, whose text keeps `{{c1::…}}`;
 * - fields stay HTML (`"format": "html"`); the renderer sanitizes them.
 *
 * Card ids come from the note guid, which Anki keeps across exports, so importing a newer
 * version of a shared deck keeps the progress of unchanged notes.
 */
import { clozeProblems } from '../../deck/cloze';
import { DECK_FORMAT, DECK_FORMAT_VERSION, parseDeck } from '../../deck/format';
import type { Card, Deck } from '../../deck/format';
import type { GradeName } from '../../schedule/fsrs-adapter';
import { baseName, idFromText, slugId } from '../identifiers';
import type { HistoryEntry, ImportOutcome, ImportProblem, MediaFile } from '../problems';
import type { CardRow, CollectionRows, NoteRow, Notetype, RevlogRow } from './collection';
import { clozeFieldName, renderCardSides, renderClozeExtra } from './template';

const GRADES: readonly GradeName[] = ['again', 'hard', 'good', 'easy'];
/** Revlog types: 4 is a manual change (reset or set due date), 5 a reschedule (Anki 2.1.66+). */
const REVLOG_MANUAL = 4;

export interface CollectionInput {
  readonly fileName: string;
  readonly rows: CollectionRows;
  readonly media: readonly MediaFile[];
  /** Problems found while reading the package, reported with the deck's warnings. */
  readonly warnings: readonly ImportProblem[];
}

interface DeckIdentity {
  readonly id: string;
  readonly title: string;
}

/** Names the deck after the deepest Anki deck that contains every card, else after the file. */
function deckIdentity(fileName: string, rows: CollectionRows): DeckIdentity {
  const names = [...new Set(rows.cards.map((card) => rows.decks.get(card.deckId) ?? ''))].map((name) => name.split('::'));
  let common = names[0] ?? [];
  for (const parts of names.slice(1)) {
    let length = 0;
    while (length < common.length && length < parts.length && common[length] === parts[length]) length += 1;
    common = common.slice(0, length);
  }
  const title = common.join('::');
  const ankiId = [...rows.decks].find(([, name]) => name === title)?.[0];
  // Every collection has a "Default" deck with id 1, so that id cannot tell two packages apart.
  if (title === '' || ankiId === undefined || ankiId === 1) return { id: slugId('anki-', baseName(fileName)), title: title && title !== 'Default' ? title : baseName(fileName) };
  return { id: `anki-${ankiId}`, title };
}

function noteKey(note: NoteRow): string {
  return note.guid ? idFromText('n', note.guid) : `n${note.id}`;
}

interface Converted {
  readonly cards: Card[];
  /** Review item key of each Anki card id. */
  readonly itemOfCard: Map<number, string>;
  readonly warnings: ImportProblem[];
}

function convertNotes(fileName: string, deckId: string, rows: CollectionRows): Converted {
  const cardsOfNote = new Map<number, CardRow[]>();
  for (const card of rows.cards) {
    const list = cardsOfNote.get(card.noteId) ?? [];
    list.push(card);
    cardsOfNote.set(card.noteId, list);
  }
  const cards: Card[] = [];
  const itemOfCard = new Map<number, string>();
  const warnings: ImportProblem[] = [];
  const usedIds = new Set<string>();
  const skip = (note: NoteRow, message: string) => warnings.push({ file: fileName, location: `note ${note.id}`, message });

  for (const note of rows.notes) {
    const notetype = rows.notetypes.get(note.notetypeId);
    const ankiCards = cardsOfNote.get(note.id) ?? [];
    if (!notetype) {
      skip(note, `the note uses note type ${note.notetypeId}, which the collection does not define, and was skipped`);
      continue;
    }
    if (ankiCards.length === 0) continue;

    let key = noteKey(note);
    while (usedIds.has(key)) key = `${key}-dup`;
    usedIds.add(key);
    const fields = new Map(notetype.fields.map((name, index) => [name, note.fields[index] ?? '']));
    const deckName = rows.decks.get(ankiCards[0]!.deckId) ?? '';
    const tags = note.tags.length > 0 ? { tags: [...note.tags] } : {};
    const context = { fields, tags: note.tags, deck: deckName, notetype: notetype.name };

    if (notetype.kind === 'cloze') {
      const converted = clozeCard(notetype, key, context, tags);
      if (typeof converted === 'string') {
        skip(note, converted);
        continue;
      }
      cards.push(converted);
      for (const card of ankiCards) itemOfCard.set(card.id, `${deckId}/${key}#c${card.ord + 1}`);
      continue;
    }

    for (const card of ankiCards) {
      const template = notetype.templates.find((entry) => entry.ord === card.ord);
      if (!template) {
        skip(note, `card ${card.id} uses template ${card.ord + 1} of "${notetype.name}", which does not exist, and was skipped`);
        continue;
      }
      const sides = renderCardSides(template.front, template.back, { ...context, card: template.name });
      if (sides.front === '' || sides.back === '') {
        skip(note, `card "${template.name}" renders an empty ${sides.front === '' ? 'front' : 'back'} and was skipped`);
        continue;
      }
      const id = card.ord === 0 ? key : `${key}.${card.ord + 1}`;
      cards.push({ id, type: 'basic', front: sides.front, back: sides.back, format: 'html', ...tags });
      itemOfCard.set(card.id, `${deckId}/${id}`);
    }
  }
  return { cards, itemOfCard, warnings };
}

function clozeCard(notetype: Notetype, id: string, context: { fields: Map<string, string>; tags: readonly string[]; deck: string; notetype: string }, tags: { tags?: string[] }): Card | string {
  const template = notetype.templates[0];
  const fieldName = (template && clozeFieldName(template.front)) ?? notetype.fields[0] ?? '';
  const text = context.fields.get(fieldName) ?? '';
  if (/image-occlusion:/i.test(text)) return 'the note is an image occlusion, which Layerdeck cannot show yet, and was skipped';
  const problems = clozeProblems(text);
  if (problems.length > 0) return `the cloze field "${fieldName}" was skipped because ${problems.join('; ')}`;
  const extra = template ? renderClozeExtra(template.back, fieldName, { ...context, card: template.name }) : '';
  return { id, type: 'cloze', text, ...(extra !== '' && { extra }), format: 'html', ...tags };
}

/**
 * Reads review history from the revlog: grades 1-4 are kept, and Anki's "Forget" becomes a reset.
 * NOTE: Anki's old v1 scheduler logged learning grades with three buttons (2 Good, 3 Easy); such
 * entries, if a collection still has them, are read here as Hard and Good.
 */
export function historyFromRevlog(revlog: readonly RevlogRow[], itemOfCard: ReadonlyMap<number, string>): HistoryEntry[] {
  const history: HistoryEntry[] = [];
  for (const entry of revlog) {
    const itemKey = itemOfCard.get(entry.cardId);
    if (itemKey === undefined) continue;
    if (entry.type === REVLOG_MANUAL && entry.ease === 0 && entry.interval === 0) {
      history.push({ kind: 'reset', itemKey, time: entry.time });
      continue;
    }
    // Manual changes and reschedules (types 4 and 5) are not recall attempts.
    if (entry.type >= REVLOG_MANUAL || entry.ease < 1 || entry.ease > 4) continue;
    history.push({ kind: 'review', itemKey, time: entry.time, rating: GRADES[entry.ease - 1]!, durationMs: Math.max(0, entry.durationMs) });
  }
  return history;
}

export function convertCollection(input: CollectionInput): ImportOutcome {
  const { fileName, rows } = input;
  const identity = deckIdentity(fileName, rows);
  const { cards, itemOfCard, warnings } = convertNotes(fileName, identity.id, rows);
  const allWarnings = [...input.warnings, ...warnings];
  if (cards.length === 0) {
    const message = rows.notes.length === 0 ? 'the package contains no notes' : 'none of its notes could be made into a card';
    return { ok: false, problems: [...allWarnings, { file: fileName, location: '', message: `${message}; export the deck again from Anki with its notes included` }] };
  }

  const deck: Deck = { format: DECK_FORMAT, version: DECK_FORMAT_VERSION, id: identity.id, title: identity.title, cards };
  const checked = parseDeck(deck);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((problem) => ({ file: fileName, location: problem.path, message: problem.message })) };
  return {
    ok: true,
    value: { format: 'anki-package', deck: checked.deck, history: historyFromRevlog(rows.revlog, itemOfCard), media: input.media, warnings: allWarnings },
  };
}
