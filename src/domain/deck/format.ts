import { checkerShape } from '../grading/checkers';
import { clozeProblems } from './cloze';
import { CHECKER_KINDS } from '../grading/checkers';
import { findTemplate, poolsShape, TEMPLATES } from '../generate/registry';
import type { Pools } from '../generate/registry';
import { array, boolean, describe, integer, literal, object, optional, refine, string, tagged } from './shape';
import type { Infer, JsonSchema, ObjectOf, Problem, Shape } from './shape';

export const DECK_FORMAT = 'layerdeck.deck';

function describedLiteral<const T extends string>(value: T, description: string): Shape<T> {
  const shape = literal(value);
  return { read: shape.read, schema: () => ({ ...shape.schema(), description }) };
}
/** The newest deck format version this code reads and writes. */
export const DECK_FORMAT_VERSION = 1;

/** Deck and card ids: they end up in storage keys as `deckId/cardId`, so no slash. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const id = (description: string) =>
  string({ pattern: ID_PATTERN, patternName: 'an id of letters, digits, ".", "_", ":" or "-" (at most 128, no spaces or "/")', description });
const markdown = (description: string) => string({ description: `${description} (Markdown)` });
/** Imported fields keep their HTML; the renderer sanitizes it and skips Markdown. */
const textFormat = optional(
  describedLiteral('html', 'Set to "html" when the text fields are HTML (as in Anki packages) rather than Markdown.'),
);

const common = {
  id: id('Unique in the deck and stable: review history is kept by card id.'),
  source: optional(string({ description: 'The documentation page the card is based on, ideally a URL.' })),
  explanation: optional(markdown('Shown after answering: the rule and why')),
  tags: optional(array(string())),
};

const examples = optional(
  object(
    {
      accept: optional(array(string({ nonEmpty: false }))),
      reject: optional(array(string({ nonEmpty: false }))),
    },
    { description: 'Answers the checker must accept and reject; `layerdeck lint` and the tests run them.' },
  ),
);

const basicCard = object({
  ...common,
  type: literal('basic'),
  front: markdown('The question'),
  back: markdown('The answer'),
  format: textFormat,
});

const choiceOption = object({
  text: markdown('The option text'),
  correct: optional(boolean()),
});

const choiceCard = refine(
  object({
    ...common,
    type: literal('choice'),
    prompt: markdown('The question'),
    options: array(choiceOption, { minItems: 2, maxItems: 9 }),
  }),
  (card, path, problems) => {
    if (!card.options.some((option) => option.correct)) {
      problems.push({ path: `${path}.options`, message: 'expected at least one option with "correct": true, got none' });
    }
  },
);

const typedCard = object({
  ...common,
  type: literal('typed'),
  prompt: markdown('The question'),
  answer: checkerShape,
  examples,
});

const clozeCard = refine(
  object({
    ...common,
    type: literal('cloze'),
    text: markdown('Text with deletions such as {{c1::answer}} or {{c1::answer::hint}}; one review item per number'),
    extra: optional(markdown('Shown under the text on the answer side')),
    format: textFormat,
  }),
  (card, path, problems) => {
    for (const message of clozeProblems(card.text)) problems.push({ path: `${path}.text`, message });
  },
);

/** A card whose question is rendered from a template at each review (see `renderVariant`). */
export type GeneratedCard = ObjectOf<typeof common> & {
  type: 'generated';
  /** A registered template id, such as `pull-policy/default`. */
  template: string;
  /** Pools to draw each parameter from; a parameter left out uses the template's defaults. */
  pools?: Pools;
};

/**
 * One object shape per template, picked by the `template` field, so an unknown template id or a
 * pool entry the template cannot render fails with its keypath.
 */
const generatedCard: Shape<GeneratedCard> = tagged<GeneratedCard>(
  'template',
  Object.fromEntries(
    TEMPLATES.map((template) => [
      template.id,
      object(
        { ...common, type: literal('generated'), template: literal(template.id), pools: optional(poolsShape(template)) },
        { description: `A generated card: ${template.summary}` },
      ) as Shape<GeneratedCard>,
    ]),
  ),
);

export type BasicCard = Infer<typeof basicCard>;
export type ChoiceCard = Infer<typeof choiceCard>;
export type TypedCard = Infer<typeof typedCard>;
export type ClozeCard = Infer<typeof clozeCard>;
export type Card = BasicCard | ChoiceCard | TypedCard | ClozeCard | GeneratedCard;
export type CardType = Card['type'];

const cardShape: Shape<Card> = tagged<Card>('type', {
  basic: basicCard as Shape<Card>,
  choice: choiceCard as Shape<Card>,
  typed: typedCard as Shape<Card>,
  cloze: clozeCard as Shape<Card>,
  generated: generatedCard as Shape<Card>,
});

const deckShape = refine(
  object(
    {
      $schema: optional(string()),
      format: literal(DECK_FORMAT),
      version: literal(DECK_FORMAT_VERSION),
      id: id('Stable deck id; a deck imported again with the same id updates this deck.'),
      title: string({ description: 'Shown in the deck list.' }),
      description: optional(markdown('What the deck teaches')),
      cards: array(cardShape, { minItems: 1 }),
    },
    { description: 'A Layerdeck deck file.' },
  ),
  (deck, _path, problems) => {
    const firstIndex = new Map<string, number>();
    deck.cards.forEach((card, index) => {
      const earlier = firstIndex.get(card.id);
      if (earlier === undefined) firstIndex.set(card.id, index);
      else problems.push({ path: `cards[${index}].id`, message: `duplicates the id of cards[${earlier}] (${describe(card.id)}); card ids must be unique in a deck` });
    });
  },
);

export type Deck = Infer<typeof deckShape>;

/** Reads the integer `version` only, so a newer file is rejected before its body is read. */
const header = object({ format: literal(DECK_FORMAT), version: integer({ min: 1 }) });

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; problems: Problem[] };

/**
 * Validates a parsed JSON value as a deck, reporting every problem with its keypath.
 *
 * @example
 *   const result = parseDeck(JSON.parse(text));
 *   if (!result.ok) console.log(result.problems.map(formatProblem).join('\n'));
 */
export function parseDeck(value: unknown): DeckParseResult {
  const headerProblems: Problem[] = [];
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const headerValue = record && { format: record.format, version: record.version };
  header.read(headerValue ?? value, '', headerProblems);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };

  if (typeof record?.version === 'number' && record.version > DECK_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `this deck uses format version ${record.version}, but this version of Layerdeck reads up to ${DECK_FORMAT_VERSION}; update Layerdeck to open it` }],
    };
  }

  const problems: Problem[] = [];
  const deck = deckShape.read(value, '', problems);
  if (problems.length > 0 || deck === undefined) return { ok: false, problems };
  return { ok: true, deck };
}

/** Parses deck file text; JSON syntax errors are problems too, with the position the parser gave. */
export function parseDeckText(text: string): DeckParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `the file is not valid JSON: ${reason}` }] };
  }
  return parseDeck(value);
}

export function formatProblem(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Builds the deck JSON Schema from the same shapes the parser uses. */
export function deckJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Layerdeck deck',
    ...deckShape.schema(),
    $defs: {
      checker: {
        description: `An answer checker; kinds: ${Object.keys(CHECKER_KINDS).join(', ')}.`,
        ...checkerShape.schema(),
      },
    },
  };
}

/** Returns the question text of a card, whatever its type. */
export function cardQuestion(card: Card): string {
  if (card.type === 'basic') return card.front;
  if (card.type === 'cloze') return card.text;
  // A generated card's question changes at each review; renderVariant gives the prompt of one review.
  if (card.type === 'generated') return findTemplate(card.template)?.summary ?? card.template;
  return card.prompt;
}
