import { boolean, joinPath, literal, object, oneOrMany, optional, refine, string } from '../../deck/shape';
import { readChain } from '../command/chain';
import type { ChainForm } from '../command/chain';
import { bestRank, compareChains } from '../command/compare';
import { normalizeChain } from '../command/rewrite';
import type { CompareOptions } from '../command/compare';
import { BUILD_FILE_NAMES } from '../command/spec';
import type { BuildFileName, ReadContext } from '../command/spec';
import type { CheckerKind } from '../kind';
import { choiceOf } from './choice';
import type { Feedback } from '../verdict';
import { verdict } from '../verdict';

/** Grades a typed command line by what the tool would do with it. */
export interface CommandChecker {
  kind: 'command';
  /** One accepted command line, or several alternatives. */
  expected: string[];
  /** Compare image names as references (`nginx` = `nginx:latest`); only for prompts that ask for the image, not a literal name. */
  normalizeImages?: boolean;
  /** Accept `kubectl run` words as either the container's `command` (`--command`) or its `args`. */
  acceptCommandOrArgs?: boolean;
  /** Ignore a leading `sudo` for podman, buildah and kubectl too (it is always ignored for docker). */
  ignoreSudo?: boolean;
  /**
   * The build file the prompt puts in the context root. `-f` naming it may be left out only when
   * the tool finds it by itself; `-f` naming another default file is then a different build.
   */
  buildFile?: BuildFileName;
}

/** Expected chains are read once per checker object, since decks keep their checkers for the whole session. */
const expectedChains = new WeakMap<CommandChecker, ChainForm[]>();

function readContextOf(checker: CommandChecker): ReadContext {
  return { buildFile: checker.buildFile };
}

function readExpected(checker: CommandChecker): ChainForm[] {
  let chains = expectedChains.get(checker);
  if (!chains) {
    chains = checker.expected.flatMap((text) => {
      const result = readChain(text, readContextOf(checker));
      return result.ok ? [normalizeChain(result.chain)] : [];
    });
    expectedChains.set(checker, chains);
  }
  return chains;
}

/** Problems that make an expected command unusable: it does not parse, or its tool would reject it. */
function expectedProblems(text: string): string[] {
  const result = readChain(text);
  if (!result.ok) return [result.feedback.message];
  return result.chain.commands.flatMap((command) => command.errors.map((error) => `${command.text}: ${error.message}`));
}

const expectedCommands = refine(oneOrMany(string()), (values, path, problems) => {
  values.forEach((text, index) => {
    const itemPath = values.length === 1 ? path : joinPath(path, index);
    for (const message of expectedProblems(text)) problems.push({ path: itemPath, message: `the expected command is invalid: ${message}` });
  });
});

function optionsOf(checker: CommandChecker): CompareOptions {
  return {
    normalizeImages: checker.normalizeImages ?? false,
    acceptCommandOrArgs: checker.acceptCommandOrArgs ?? false,
    ignoreSudo: checker.ignoreSudo ?? false,
  };
}

/** Keeps the feedback of the expected answer the learner came closest to. */
function closest(results: readonly Feedback[][]): Feedback[] {
  let best = results[0] ?? [];
  for (const candidate of results.slice(1)) {
    const better = bestRank(candidate) > bestRank(best) || (bestRank(candidate) === bestRank(best) && candidate.length < best.length);
    if (better) best = candidate;
  }
  return best;
}

export const commandKind: CheckerKind<CommandChecker> = {
  kind: 'command',
  description:
    'Compares a command line by what docker, podman, buildah or kubectl would do with it: shell quoting, flag spellings and order, subcommand aliases and chains are free; near misses that change behaviour are named.',
  options: object({
    kind: literal('command'),
    expected: expectedCommands,
    normalizeImages: optional(boolean()),
    acceptCommandOrArgs: optional(boolean()),
    ignoreSudo: optional(boolean()),
    buildFile: optional(
      choiceOf(
        BUILD_FILE_NAMES,
        'The build file in the context root. `-f` naming it may be left out only when the tool finds it by itself: podman looks for `Containerfile` first, then `Dockerfile`, and docker only for `Dockerfile`.',
      ),
    ),
  }),
  evaluate(checker, answer) {
    const actual = readChain(answer.text, readContextOf(checker));
    if (!actual.ok) return verdict(false, [actual.feedback]);

    const options = optionsOf(checker);
    const chain = normalizeChain(actual.chain);
    const notes = actual.chain.commands.flatMap((command) => command.notes);
    const results: Feedback[][] = [];
    for (const expected of readExpected(checker)) {
      const feedback = compareChains(expected, chain, options);
      if (feedback.length === 0) return verdict(true, notes);
      results.push(feedback);
    }
    return verdict(false, [...closest(results), ...notes]);
  },
  canonical: (checker) => checker.expected[0]!,
};
