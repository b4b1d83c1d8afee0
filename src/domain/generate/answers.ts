/**
 * Builders for the checkers and choice options of generated variants. Every builder returns a
 * checker that accepts the `expected` text it returns with it.
 */

import type { Checker } from '../grading/checkers';
import { formatArgv } from './argv';
import type { CommandSequence } from './build-push';
import type { Rng } from './rng';
import type { ChoiceOption } from './template';

/** Typed answers accepted for "nothing runs": container creation fails with "no command specified". */
export const NOTHING_TO_RUN_ANSWERS = ['none', 'nothing', 'nothing to run', 'error', 'no command specified'] as const;

export interface Answer {
  readonly expected: string;
  readonly checker: Checker;
}

/** Builds an answer compared as text with exact letter case, such as a policy name or a registry host. */
export function exactAnswer(expected: string, alternatives: readonly string[] = []): Answer {
  return { expected, checker: { kind: 'text', expected: [expected, ...alternatives], caseSensitive: true } };
}

/**
 * Builds an argv answer typed as a list. It is compared as YAML, so a JSON array, a flow list with
 * unquoted words and a block list all count, while the elements and their case must match.
 * Exact text forms with free spacing are a fallback for input that is not valid YAML.
 */
export function argvAnswer(argv: readonly string[] | undefined): Answer {
  if (argv === undefined) {
    return { expected: NOTHING_TO_RUN_ANSWERS[0], checker: { kind: 'text', expected: [...NOTHING_TO_RUN_ANSWERS] } };
  }
  const quoted = argv.map((word) => JSON.stringify(word));
  const expected = formatArgv(argv);
  const forms = [expected, `[${quoted.join(',')}]`, `[ ${quoted.join(', ')} ]`, `[ ${quoted.join(',')} ]`];
  const asYaml: Checker = { kind: 'yaml', expected: [expected], match: 'exact' };
  const asText: Checker = { kind: 'text', expected: [...new Set(forms)], caseSensitive: true };
  const checker: Checker = { kind: 'oneOf', checkers: [asYaml, asText] };
  return { expected, checker };
}

/**
 * Builds a shell command answer that accepts any of the sequences. Each is compared by what the
 * tool would do, so flag spellings, flag order, subcommand aliases and `&&`, `;` or new lines
 * between commands are free. With `normalizeImages`, image names compare as references
 * (`api:1.4` = `docker.io/library/api:1.4`), for prompts that ask for an image, not a literal name.
 */
export function commandAnswer(accepted: readonly CommandSequence[], options: { normalizeImages?: boolean } = {}): Answer {
  const [canonical] = accepted;
  if (!canonical) throw new RangeError('A command answer needs at least one accepted sequence.');
  const expected = accepted.map((sequence) => sequence.join(' && '));
  const checker: Checker = options.normalizeImages ? { kind: 'command', expected, normalizeImages: true } : { kind: 'command', expected };
  return { expected: canonical.join(' && '), checker };
}

/** Builds a YAML answer compared by structure, so key order, quoting style and flow or block lists are free. */
export function yamlAnswer(expected: string): Answer {
  return { expected, checker: { kind: 'yaml', expected: [expected], match: 'exact' } };
}

export interface ChoiceQuestion extends Answer {
  readonly choices: readonly ChoiceOption[];
}

/**
 * Builds a single-answer choice question: the correct option plus up to `maxOptions - 1` distinct
 * distractors, in an order drawn from `rng`. Distractors equal to the correct text are dropped.
 */
export function choiceQuestion(rng: Rng, correct: string, distractors: readonly string[], maxOptions = 4): ChoiceQuestion {
  const wrong = [...new Set(distractors)].filter((text) => text !== correct);
  const picked = rng.shuffle(wrong).slice(0, maxOptions - 1);
  if (picked.length === 0) throw new RangeError(`A choice question needs at least one distractor for ${JSON.stringify(correct)}.`);
  const choices = rng.shuffle([{ text: correct, correct: true }, ...picked.map((text) => ({ text, correct: false }))]);
  return { expected: correct, checker: { kind: 'text', expected: [correct], caseSensitive: true }, choices };
}
