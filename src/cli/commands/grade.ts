import { readFile } from 'node:fs/promises';
import { check } from '../../domain/deck/shape';
import { formatProblem, parseDeckText } from '../../domain/deck/format';
import type { Card } from '../../domain/deck/format';
import { renderVariant } from '../../domain/generate/render';
import { checkerShape, gradeAnswer } from '../../domain/grading/checkers';
import type { Checker } from '../../domain/grading/checkers';
import type { Command } from '../command';
import type { Io } from '../io';
import { readAll } from '../io';

const USAGE = 'grade (<deck.json> <card-id> [--seed N] | --checker JSON) [--answer TEXT]';

const HELP = `Usage: layerdeck ${USAGE}

Grades one typed answer and prints the verdict as one JSON object:
{"correct": true|false, "rating": "again"|"good", "feedback": [...]}.

  <deck.json> <card-id>  grade against the checker of a typed or generated card
  --seed N               for a generated card, the review number whose variant is graded (default 0)
  --checker JSON         grade against an inline checker instead of a deck card,
                         e.g. '{"kind": "command", "expected": "docker build -t web:1 ."}'
  --answer TEXT          the answer; without it the answer is read from standard input

Exit status: 0 whatever the verdict; 2 for an invalid deck, an unknown card, a card that takes
no typed answer, an invalid checker or invalid arguments.
`;

/** A problem with the request, reported as one plain line with exit status 2. */
class GradeRequestError extends Error {}

interface GradeRequest {
  readonly positional: string[];
  readonly seed: number | undefined;
  readonly checker: string | undefined;
  readonly answer: string | undefined;
  readonly help: boolean;
}

const VALUE_OPTIONS = new Set(['--seed', '--checker', '--answer']);

function parseArguments(args: readonly string[]): GradeRequest {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let help = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals !== -1 ? arg.slice(0, equals) : arg;
    if (!VALUE_OPTIONS.has(name)) {
      if (arg.startsWith('--')) throw new GradeRequestError(`unknown option "${arg}"; run layerdeck grade --help for the options`);
      positional.push(arg);
      continue;
    }
    if (values.has(name)) throw new GradeRequestError(`${name} is given more than once; give it once`);
    const value = equals !== -1 && name !== arg ? arg.slice(equals + 1) : args[(index += 1)];
    if (value === undefined) throw new GradeRequestError(`${name} needs a value`);
    values.set(name, value);
  }

  const seedText = values.get('--seed');
  if (seedText !== undefined && (!/^\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText)))) {
    throw new GradeRequestError(`--seed must be a whole number of at least 0, got "${seedText}"`);
  }
  return {
    positional,
    seed: seedText === undefined ? undefined : Number(seedText),
    checker: values.get('--checker'),
    answer: values.get('--answer'),
    help,
  };
}

function inlineChecker(json: string): Checker {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new GradeRequestError(`--checker is not valid JSON: ${error instanceof SyntaxError ? error.message : String(error)}`);
  }
  const read = check(checkerShape, value);
  if (read.value === undefined) {
    throw new GradeRequestError(`--checker is not a valid checker: ${read.problems.map(formatProblem).join('; ')}`);
  }
  return read.value;
}

/** The checker a card grades typed answers with; a generated card renders the variant of `seed` first. */
function cardChecker(deckId: string, card: Card, seed: number | undefined): Checker {
  if (card.type === 'typed') {
    if (seed !== undefined) throw new GradeRequestError(`--seed only applies to generated cards, and "${card.id}" is a typed card`);
    return card.answer;
  }
  if (card.type === 'generated') return renderVariant(deckId, card, seed ?? 0).checker;
  throw new GradeRequestError(`card "${card.id}" is a ${card.type} card, which takes no typed answer; grade a typed or generated card`);
}

async function deckChecker(file: string, cardId: string, seed: number | undefined): Promise<Checker> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GradeRequestError(code === 'ENOENT' ? `${file}: file not found` : `${file}: cannot be read (${code ?? String(error)})`);
  }
  const parsed = parseDeckText(text);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : '';
    throw new GradeRequestError(`${file} is not a valid deck: ${first ? formatProblem(first) : 'unknown problem'}${more}; run layerdeck lint ${file} for details`);
  }
  const card = parsed.deck.cards.find((candidate) => candidate.id === cardId);
  if (!card) throw new GradeRequestError(`${file} has no card with id "${cardId}"`);
  return cardChecker(parsed.deck.id, card, seed);
}

async function grade(args: readonly string[], io: Io): Promise<number> {
  const request = parseArguments(args);
  if (request.help) {
    io.stdout.write(HELP);
    return 0;
  }

  let checker: Checker;
  if (request.checker !== undefined) {
    if (request.positional.length > 0) throw new GradeRequestError(`give either --checker or a deck file and card id, not both (got "${request.positional[0]}")`);
    if (request.seed !== undefined) throw new GradeRequestError('--seed only applies to generated deck cards, not to --checker');
    checker = inlineChecker(request.checker);
  } else {
    const [file, cardId, ...extra] = request.positional;
    if (file === undefined || cardId === undefined) {
      throw new GradeRequestError('name a deck file and a card id, for example: layerdeck grade decks/build-tag-push.json build-tag --answer "docker build -t web:1 ."');
    }
    if (extra.length > 0) throw new GradeRequestError(`unexpected argument "${extra[0]}"`);
    checker = await deckChecker(file, cardId, request.seed);
  }

  const answer = request.answer ?? (await readAll(io.stdin));
  const verdict = gradeAnswer(checker, answer);
  io.stdout.write(`${JSON.stringify({ correct: verdict.correct, rating: verdict.rating, feedback: verdict.feedback })}\n`);
  return 0;
}

export const gradeCommand: Command = {
  usage: USAGE,
  summary: 'Grade one answer against a card or an inline checker and print the verdict as JSON; exit status 0 whatever the verdict.',
  async run(args, io) {
    try {
      return await grade(args, io);
    } catch (error) {
      if (!(error instanceof GradeRequestError)) throw error;
      io.stderr.write(`layerdeck grade: ${error.message}.\n`);
      return 2;
    }
  },
};
