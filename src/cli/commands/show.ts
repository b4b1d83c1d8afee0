import { readFile } from 'node:fs/promises';
import { formatProblem, parseDeckText } from '../../domain/deck/format';
import type { Card } from '../../domain/deck/format';
import { renderVariant } from '../../domain/generate/render';
import { canonicalAnswer } from '../../domain/grading/checkers';
import type { Command } from '../command';
import type { Io } from '../io';
import { UsageError, parseOptions } from './resolve';

const USAGE = 'show <deck.json> <card-id> [--seed N]';

const HELP = `Usage: layerdeck ${USAGE}

Prints one card of a deck as JSON. For a generated card it renders the variant that review
number N shows (default 0): the prompt, the expected answer, the checker, the options of a
choice form, the explanation and the parameters drawn. The same deck, card and N always give
the same variant, so a seed that \`layerdeck lint\` reports can be inspected here.

Exit status: 0 on success, 1 for an invalid deck or an unknown card id, 2 for invalid arguments
or an unreadable file.
`;

function parseSeed(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--seed must be a whole number of at least 0, got "${text}"`);
  }
  return Number(text);
}

async function readDeckFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: file not found`);
    throw new UsageError(`${file}: cannot be read (${code ?? String(error)})`);
  }
}

/** Returns the JSON object printed for a card: a rendered variant, or the card's own fields. */
function describeCard(deckId: string, card: Card, seed: number): Record<string, unknown> {
  if (card.type === 'generated') {
    const variant = renderVariant(deckId, card, seed);
    return {
      card: card.id,
      template: variant.templateId,
      seed,
      params: variant.params,
      form: variant.form,
      prompt: variant.prompt,
      expected: variant.expected,
      checker: variant.checker,
      ...(variant.choices && { options: variant.choices }),
      explanation: variant.explanation,
    };
  }
  if (card.type === 'typed') return { card: card.id, ...card, expected: canonicalAnswer(card.answer) };
  return { card: card.id, ...card };
}

async function show(args: readonly string[], io: Io): Promise<number> {
  const options = parseOptions(args, ['--seed']);
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const [file, cardId, ...extra] = options.positional;
  if (file === undefined || cardId === undefined) throw new UsageError('name a deck file and a card id, for example: layerdeck show decks/images.json pull-policy-default');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; give one deck file and one card id`);
  const seedValues = options.values.get('--seed') ?? [];
  if (seedValues.length > 1) throw new UsageError('--seed is given more than once; give it once');
  const seed = parseSeed(seedValues[0]);

  const parsed = parseDeckText(await readDeckFile(file));
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.stderr.write(`${file}: ${formatProblem(problem)}\n`);
    io.stderr.write(`layerdeck show: ${file} is not a valid deck; run layerdeck lint ${file} for details.\n`);
    return 1;
  }
  const card = parsed.deck.cards.find((candidate) => candidate.id === cardId);
  if (!card) {
    const ids = parsed.deck.cards.map((candidate) => candidate.id);
    const listed = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ');
    io.stderr.write(`layerdeck show: card "${cardId}" not found in ${file}; its cards are: ${listed}\n`);
    return 1;
  }

  io.stdout.write(`${JSON.stringify(describeCard(parsed.deck.id, card, seed), null, 2)}\n`);
  return 0;
}

export const showCommand: Command = {
  usage: USAGE,
  summary: 'Print one card as JSON; for a generated card, the variant that review number N renders.',
  async run(args, io) {
    try {
      return await show(args, io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`layerdeck show: ${error.message}\n`);
      return 2;
    }
  },
};
