/**
 * Compares an answer's commands with the expected ones, facet by facet, and explains each
 * difference with the rule behind it. Feedback comes back ranked: the most useful reason first.
 */
import { sameStructuredText } from '../structure';
import type { Feedback } from '../verdict';
import type { ChainForm, Join } from './chain';
import { TOOLS } from './grammars/index';
import { explainImageDifference, parseImageReference, sameImage } from './image';
import { flagNamedBy } from './parse';
import type { CommandForm } from './parse';
import type { Facet, FlagUse, ToolName } from './spec';
import { displayValue } from './tokenize';

export interface CompareOptions {
  /** Compare image names as resolved references (`nginx` = `docker.io/library/nginx:latest`). */
  readonly normalizeImages: boolean;
  /** Accept `kubectl run` words as either the container's `command` or its `args`. */
  readonly acceptCommandOrArgs: boolean;
  /** Accept or omit a leading `sudo` for every tool, not only docker. */
  readonly ignoreSudo: boolean;
}

/**
 * Lower ranks come first: they explain the answer best, or make later differences moot. A
 * mistake inside a typed command ranks before a missing or extra step, because the rewrites that
 * line chains up skip commands the tool would reject.
 */
const RANK: Record<string, number> = {
  'shell-syntax-error': 0,
  'empty-answer': 1,
  'wrong-tool': 10,
  'wrong-subcommand': 11,
  'missing-command': 35,
  'push-needs-all-tags': 35,
  'extra-command': 36,
  'wrong-join': 37,
  'sudo-changes-image-store': 15,
  'unknown-flag': 20,
  'single-dash-long-flag': 20,
  'boolean-flag-value': 21,
  'dry-run-needs-equals': 21,
  'flag-value-needs-equals': 21,
  'flag-needs-value': 22,
  'invalid-boolean-value': 22,
  'flag-after-positional': 23,
  'missing-build-context': 30,
  'dockerfile-as-context': 31,
  'wrong-build-file': 31,
  'load-takes-no-file-argument': 31,
  'missing-double-dash': 32,
  'too-many-arguments': 33,
  'missing-argument': 33,
  'all-tags-with-tag': 34,
  'option-after-double-dash': 40,
  'option-after-image': 40,
  'command-args-swapped': 41,
  'tag-arguments-swapped': 41,
  'docker-registry-flag-name': 45,
  'argv-one-word': 42,
  'invalid-image-name': 49,
  'tag-defaults-to-latest': 50,
  'registry-missing': 51,
  'wrong-tag': 52,
  'wrong-digest': 52,
  'wrong-registry': 53,
  'image-spelling-differs': 54,
  'wrong-image': 55,
  'missing-dry-run': 58,
  'missing-flag': 60,
  'wrong-flag-value': 61,
  'unexpected-flag': 62,
};

function rankOf(feedback: Feedback): number {
  return RANK[feedback.code] ?? 70;
}

/** Sorts feedback so the most useful reason comes first; equal ranks keep their order. */
export function rankFeedback(feedback: readonly Feedback[]): Feedback[] {
  return feedback
    .map((item, index) => ({ item, index }))
    .sort((left, right) => rankOf(left.item) - rankOf(right.item) || left.index - right.index)
    .map(({ item }) => item);
}

/** The rank of the best reason, used to pick the closest of several expected answers. */
export function bestRank(feedback: readonly Feedback[]): number {
  return feedback.length === 0 ? Infinity : Math.min(...feedback.map(rankOf));
}

function code(text: string): string {
  return `\`${displayValue(text)}\``;
}

function formatFlag(facet: Facet, value: string): string {
  const flag = facet.flag!;
  if (flag.type === 'bool') return value === 'true' ? `--${flag.name}` : `--${flag.name}=${value}`;
  return `--${flag.name}=${displayValue(value)}`;
}

function formatFacet(facet: Facet): string {
  if (facet.flag) return facet.values.map((value) => formatFlag(facet, value)).join(' ');
  return facet.values.map(displayValue).join(' ');
}

function valuesEqual(kind: Facet['kind'], expected: string, actual: string, tool: ToolName, options: CompareOptions): boolean {
  if (expected === actual) return true;
  if (kind === 'image') return sameImage(expected, actual, tool, options.normalizeImages);
  if (kind === 'json') return sameStructuredText(displayValue(expected), displayValue(actual));
  return false;
}

/** Pairs equal values; what is left over on each side is the difference. */
function unmatchedValues(expected: Facet, actual: Facet, tool: ToolName, options: CompareOptions): { missing: string[]; extra: string[] } {
  if (expected.ordered) {
    const same = expected.values.length === actual.values.length && expected.values.every((value, index) => valuesEqual(expected.kind, value, actual.values[index]!, tool, options));
    return same ? { missing: [], extra: [] } : { missing: [...expected.values], extra: [...actual.values] };
  }
  const extra = [...actual.values];
  const missing: string[] = [];
  for (const value of expected.values) {
    const index = extra.findIndex((candidate) => valuesEqual(expected.kind, value, candidate, tool, options));
    if (index === -1) missing.push(value);
    else extra.splice(index, 1);
  }
  return { missing, extra };
}

/**
 * Finds a word among the container argv that was most likely meant as an option of the tool. That
 * is a word naming an option the expected command sets but the answer lacks, or any long kubectl
 * flag after kubectl's `--` (`--restart=Never`). Short flags such as `-c` and `-l` are common in
 * container commands (`sh -c`, `ls -l`), so they count only in the first case. A word that the
 * expected container argv also contains is never taken as misplaced.
 */
function misplacedOption(words: readonly string[], expected: CommandForm, actual: CommandForm): string | undefined {
  if (!actual.subcommand || !actual.tool) return undefined;
  const globals = TOOLS.get(actual.tool)?.spec.globalFlags ?? [];
  const expectedWords = new Set([...ARGV_KEYS].flatMap((key) => expected.facets.get(key)?.values ?? []));
  return words.find((word) => {
    const flag = flagNamedBy(word, actual.subcommand!, globals);
    if (flag === undefined || expectedWords.has(word)) return false;
    if (expected.facets.has(`--${flag.name}`) && !actual.facets.has(`--${flag.name}`)) return true;
    return actual.tool === 'kubectl' && word.startsWith('--');
  });
}

/** Flags that kubectl read from words the expected container command contains, because `--` was missing before them. */
function flagsMeantForContainer(expected: CommandForm, actual: CommandForm): FlagUse[] {
  const expectedWords = new Set(expected.facets.get('argv')?.values ?? []);
  return actual.flagsAfterCommand.filter((use) => expectedWords.has(use.typed.split(' ')[0]!));
}

function explainFlagsMeantForContainer(uses: readonly FlagUse[], actual: CommandForm): Feedback {
  const words = uses.map((use) => use.typed.split(' ')[0]!);
  const command = actual.facets.get('argv')?.values.join(' ') ?? '';
  return {
    code: 'missing-double-dash',
    actual: words.join(' '),
    message:
      `${words.map(code).join(', ')} ${words.length === 1 ? 'comes' : 'come'} after the container command ${code(command)}, but without \`--\` ${actual.program} reads ` +
      `${words.length === 1 ? 'it as its own flag' : 'them as its own flags'} (${uses.map((use) => code(`--${use.spec.name}`)).join(', ')}), so the container does not get ${words.length === 1 ? 'it' : 'them'}. ` +
      'Put `--` before the container command so that every word after it goes to the container.',
  };
}

function sameFacet(expected: Facet, actual: Facet, tool: ToolName, options: CompareOptions): boolean {
  const { missing, extra } = unmatchedValues(expected, actual, tool, options);
  return missing.length === 0 && extra.length === 0;
}

/** Explains container words the expected command does not have, such as options typed after the image. */
function explainExtraArgv(actual: Facet, expectedForm: CommandForm, actualForm: CommandForm): Feedback {
  const misplaced = actualForm.errors.length === 0 ? misplacedOption(actual.values, expectedForm, actualForm) : undefined;
  if (misplaced) return misplacedFeedback(misplaced, actual.key === 'container-args');
  if (!expectedForm.subcommand) {
    return { code: 'argument-mismatch', actual: formatFacet(actual), message: `${code(formatFacet(actual))} is not part of the expected command.` };
  }
  return { code: 'container-args-mismatch', actual: formatFacet(actual), message: `${capitalize(actual.label)} ${code(formatFacet(actual))} are not part of the expected command.` };
}

function misplacedFeedback(word: string, afterImage: boolean): Feedback {
  if (afterImage) {
    return {
      code: 'option-after-image',
      actual: displayValue(word),
      message: `Options after the image name become the container's arguments, so ${code(word)} is passed to the container; put it before the image.`,
    };
  }
  return {
    code: 'option-after-double-dash',
    actual: displayValue(word),
    message: `Words after \`--\` go to the container, so ${code(word)} is not read as a kubectl option; if it is meant for kubectl, put it before \`--\`.`,
  };
}

function explainArgv(expected: Facet, actual: Facet | undefined, expectedForm: CommandForm, actualForm: CommandForm): Feedback {
  const actualWords = actual?.values ?? [];
  const misplaced = misplacedOption(actualWords, expectedForm, actualForm);
  if (misplaced) return misplacedFeedback(misplaced, actual?.key === 'container-args');
  if (actualWords.length > 0 && actualWords.length !== expected.values.length && actualWords.join(' ') === expected.values.join(' ')) {
    return {
      code: 'argv-one-word',
      expected: formatFacet(expected),
      actual: actualWords.map((word) => JSON.stringify(displayValue(word))).join(' '),
      message: 'Quotes make one argument of the words inside them; the container needs each word as its own argument.',
    };
  }
  if (!expectedForm.subcommand) {
    return {
      code: 'argument-mismatch',
      expected: formatFacet(expected),
      actual: actual ? formatFacet(actual) : '',
      message: `The arguments of ${code(expectedForm.program)} should be ${code(formatFacet(expected))}, not ${code(actual ? formatFacet(actual) : '')}.`,
    };
  }
  return {
    code: 'container-args-mismatch',
    expected: formatFacet(expected),
    actual: actual ? formatFacet(actual) : '',
    message: actual ? `${capitalize(expected.label)} should be ${code(formatFacet(expected))}, not ${code(formatFacet(actual))}.` : `The answer leaves out ${expected.label}: ${code(formatFacet(expected))}.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ARGV_KEYS = new Set(['argv', 'container-args', 'after-dash']);

function explainFlagDifference(expected: Facet | undefined, actual: Facet | undefined, tool: ToolName, options: CompareOptions): Feedback[] {
  if (expected && !actual) {
    if (expected.key === '--dry-run') {
      return [{ code: 'missing-dry-run', expected: formatFacet(expected), message: `Without ${code(formatFacet(expected))} kubectl creates the object instead of only printing it.` }];
    }
    return [{ code: 'missing-flag', expected: formatFacet(expected), message: `The answer leaves out ${code(formatFacet(expected))}.` }];
  }
  if (!expected && actual) {
    return [{ code: 'unexpected-flag', actual: formatFacet(actual), message: `${code(formatFacet(actual))} is not part of the expected command, and it changes what the command does.` }];
  }
  const want = expected!;
  const got = actual!;
  const { missing, extra } = unmatchedValues(want, got, tool, options);
  if (want.kind === 'image' && missing.length === 1 && extra.length === 1) {
    const where = want.flag?.short ? `\`-${want.flag.short}\`` : `\`--${want.flag!.name}\``;
    return [explainImageDifference(missing[0]!, extra[0]!, tool, where, options.normalizeImages)];
  }
  if (!want.flag!.repeatable && !want.flag!.commaList) {
    return [{
      code: 'wrong-flag-value',
      expected: formatFacet(want),
      actual: formatFacet(got),
      message: `${want.label} is ${code(got.values.join(','))} here, but the task needs ${code(want.values.join(','))}.`,
    }];
  }
  const result: Feedback[] = [];
  if (missing.length > 0) result.push({ code: 'missing-flag', expected: missing.map((value) => formatFlag(want, value)).join(' '), message: `The answer leaves out ${missing.map((value) => code(formatFlag(want, value))).join(', ')}.` });
  if (extra.length > 0) result.push({ code: 'unexpected-flag', actual: extra.map((value) => formatFlag(got, value)).join(' '), message: `${extra.map((value) => code(formatFlag(got, value))).join(', ')} is not part of the expected command.` });
  if (result.length === 0) result.push({ code: 'wrong-flag-value', expected: formatFacet(want), actual: formatFacet(got), message: `${capitalize(want.label)} should be ${code(formatFacet(want))}, not ${code(formatFacet(got))}.` });
  return result;
}

function explainOperandDifference(expected: Facet | undefined, actual: Facet | undefined, tool: ToolName, options: CompareOptions): Feedback[] {
  if (expected && !actual) {
    return [{ code: `missing-${expected.key}`, expected: formatFacet(expected), message: `The answer leaves out ${expected.label}: ${code(formatFacet(expected))}.` }];
  }
  if (!expected && actual) {
    return [{ code: `unexpected-${actual.key}`, actual: formatFacet(actual), message: `${capitalize(actual.label)} ${code(formatFacet(actual))} is not part of the expected command.` }];
  }
  const want = expected!;
  const got = actual!;
  const { missing, extra } = unmatchedValues(want, got, tool, options);
  if (want.kind === 'image' && missing.length === 1 && extra.length === 1) {
    return [explainImageDifference(missing[0]!, extra[0]!, tool, undefined, options.normalizeImages)];
  }
  if (want.key === 'context') {
    return [{ code: 'wrong-build-context', expected: formatFacet(want), actual: formatFacet(got), message: `The build context is ${code(formatFacet(got))} here, but the task builds ${code(formatFacet(want))}.` }];
  }
  return [{ code: `wrong-${want.key}`, expected: formatFacet(want), actual: formatFacet(got), message: `${capitalize(want.label)} should be ${code(formatFacet(want))}, not ${code(formatFacet(got))}.` }];
}

function explainSudo(expected: CommandForm, actual: CommandForm, options: CompareOptions): Feedback[] {
  if (expected.sudo === actual.sudo || options.ignoreSudo) return [];
  const neutral = actual.tool !== undefined && TOOLS.get(actual.tool)?.spec.sudoIsNeutral === true;
  if (neutral) return [];
  return [{
    code: 'sudo-changes-image-store',
    expected: expected.sudo ? 'sudo' : '',
    actual: actual.sudo ? 'sudo' : '',
    message: `${code(actual.program)} ${actual.sudo ? 'run with' : 'run without'} \`sudo\` uses a different store and configuration (root's rather than the user's), so it does not act on the same images or cluster.`,
  }];
}

function commandLabel(form: CommandForm): string {
  return form.subcommand ? `${form.program} ${form.subcommand.path.join(' ')}` : `${form.program} ${form.typedPath}`.trim();
}

/** Compares one answer command with one expected command; an empty list means they mean the same. */
export function compareCommands(expected: CommandForm, actual: CommandForm, options: CompareOptions): Feedback[] {
  if (expected.program !== actual.program) {
    return [{ code: 'wrong-tool', expected: expected.program, actual: actual.program, message: `The task runs ${code(expected.program)}, not ${code(actual.program)}.` }];
  }
  if (expected.subcommand !== actual.subcommand && (expected.subcommand || actual.subcommand)) {
    return [{
      code: 'wrong-subcommand',
      expected: commandLabel(expected),
      actual: commandLabel(actual),
      message: actual.subcommand
        ? `The task needs ${code(commandLabel(expected))}, not ${code(commandLabel(actual))}.`
        : `${code(commandLabel(actual))} is not the command the task needs; use ${code(commandLabel(expected))}.`,
    }];
  }

  const feedback: Feedback[] = [...explainSudo(expected, actual, options), ...actual.errors];
  const swapped = swappedTagArguments(expected, actual);
  if (swapped) return rankFeedback([...feedback, swapped]);
  const tool = actual.tool ?? 'docker';
  const keys = new Set([...expected.facets.keys(), ...actual.facets.keys()]);
  const skipFlags = new Set<string>();
  const meantForContainer = flagsMeantForContainer(expected, actual);
  if (meantForContainer.length > 0) {
    if (!actual.errors.some((error) => error.code === 'missing-double-dash')) feedback.push(explainFlagsMeantForContainer(meantForContainer, actual));
    for (const use of meantForContainer) skipFlags.add(`--${use.spec.name}`);
  }

  for (const key of keys) {
    const want = expected.facets.get(key);
    const got = actual.facets.get(key);
    // The field only matters when both sides pass words to the container; the words themselves are compared under `argv`.
    if (key === 'argv-field' && (options.acceptCommandOrArgs || !want || !got)) continue;
    if (want && got && sameFacet(want, got, tool, options)) continue;
    // A mistake the tool reports already explains a wrong operand, such as the context a stray word became.
    if (actual.errors.length > 0 && !(want ?? got)!.flag && !ARGV_KEYS.has(key)) continue;

    if (key === 'argv-field' && want && got) {
      feedback.push(explainSwap(want.values[0]!));
    } else if (ARGV_KEYS.has(key) && want) {
      const explained = explainArgv(want, got, expected, actual);
      feedback.push(explained);
      if (explained.code === 'option-after-double-dash' || explained.code === 'option-after-image') {
        for (const word of got?.values ?? []) {
          const flag = flagNamedBy(word, actual.subcommand!, TOOLS.get(tool)?.spec.globalFlags ?? []);
          if (flag) skipFlags.add(`--${flag.name}`);
        }
      }
    } else if (ARGV_KEYS.has(key) && got) {
      const explained = explainExtraArgv(got, expected, actual);
      if (explained.code === 'option-after-image' || explained.code === 'option-after-double-dash') {
        for (const word of got.values) {
          const flag = flagNamedBy(word, actual.subcommand!, TOOLS.get(tool)?.spec.globalFlags ?? []);
          if (flag) skipFlags.add(`--${flag.name}`);
        }
      }
      feedback.push(explained);
    } else if (!want && got?.flag && expected.facets.has(`--docker-${got.flag.name}`)) {
      feedback.push({
        code: 'docker-registry-flag-name',
        expected: `--docker-${got.flag.name}`,
        actual: `--${got.flag.name}`,
        message: `Registry credentials take \`--docker-${got.flag.name}\`; \`--${got.flag.name}\` is a different kubectl flag.`,
      });
      skipFlags.add(`--docker-${got.flag.name}`);
    } else if ((want ?? got)!.flag) {
      if (!skipFlags.has(key)) feedback.push(...explainFlagDifference(want, got, tool, options));
    } else {
      feedback.push(...explainOperandDifference(want, got, tool, options));
    }
  }
  return rankFeedback(feedback.filter((item) => !((item.code === 'missing-flag' || item.code === 'missing-dry-run') && [...skipFlags].some((flag) => item.expected?.startsWith(`${flag}=`) || item.expected === flag))));
}

/** `tag TARGET SOURCE` instead of `tag SOURCE TARGET`. */
function swappedTagArguments(expected: CommandForm, actual: CommandForm): Feedback | undefined {
  const [wantSource, wantTarget, gotSource, gotTarget] = [expected.facets.get('source'), expected.facets.get('target'), actual.facets.get('source'), actual.facets.get('target')];
  if (!wantSource || !wantTarget || !gotSource || !gotTarget || wantTarget.values.length !== 1 || gotTarget.values.length !== 1) return undefined;
  if (wantSource.values[0] === wantTarget.values[0] || wantSource.values[0] !== gotTarget.values[0] || wantTarget.values[0] !== gotSource.values[0]) return undefined;
  return {
    code: 'tag-arguments-swapped',
    expected: `${wantSource.values[0]} ${wantTarget.values[0]}`,
    actual: `${gotSource.values[0]} ${gotTarget.values[0]}`,
    message: `\`tag\` takes the existing image first and the new name second: \`${actual.program} tag ${wantSource.values[0]} ${wantTarget.values[0]}\`.`,
  };
}

function explainSwap(expectedField: string): Feedback {
  if (expectedField === 'command') {
    return {
      code: 'command-args-swapped',
      expected: 'command',
      actual: 'args',
      message: "Without `--command` the words after `--` become the container's `args` and are passed to the image's entrypoint; add `--command` to replace the entrypoint.",
    };
  }
  return {
    code: 'command-args-swapped',
    expected: 'args',
    actual: 'command',
    message: "`--command` makes the words replace the image's entrypoint (`command`), but the task passes them as `args` to the entrypoint; leave out `--command`.",
  };
}

function signature(form: CommandForm): string {
  return `${form.program} ${form.subcommand ? form.subcommand.path.join(' ') : form.typedPath}`;
}

/** Aligns the two command lists by tool and subcommand (longest common subsequence). */
function align(expected: readonly CommandForm[], actual: readonly CommandForm[]): [number | undefined, number | undefined][] {
  const rows = expected.length;
  const columns = actual.length;
  const table = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let row = rows - 1; row >= 0; row -= 1) {
    for (let column = columns - 1; column >= 0; column -= 1) {
      table[row]![column] = signature(expected[row]!) === signature(actual[column]!)
        ? table[row + 1]![column + 1]! + 1
        : Math.max(table[row + 1]![column]!, table[row]![column + 1]!);
    }
  }
  const pairs: [number | undefined, number | undefined][] = [];
  let row = 0;
  let column = 0;
  while (row < rows || column < columns) {
    if (row < rows && column < columns && signature(expected[row]!) === signature(actual[column]!)) {
      pairs.push([row, column]);
      row += 1;
      column += 1;
    } else if (row < rows && column < columns && rows - row === columns - column && table[row + 1]![column + 1] === table[row]![column]) {
      // Same number left on both sides and no better match: compare them as a pair.
      pairs.push([row, column]);
      row += 1;
      column += 1;
    } else if (column >= columns || (row < rows && table[row + 1]![column]! >= table[row]![column + 1]!)) {
      pairs.push([row, undefined]);
      row += 1;
    } else {
      pairs.push([undefined, column]);
      column += 1;
    }
  }
  return pairs;
}

function joinText(join: Join): string {
  return join === 'then' ? '&&' : join;
}

/** `push REPO` without a tag pushes only `REPO:latest`, but the task pushes several tags of REPO. */
function untaggedPushOfSeveralTags(expected: ChainForm, actual: ChainForm): Feedback | undefined {
  const pushedTags = expected.commands.filter((form) => form.subcommand?.path.join(' ') === 'push').map((form) => form.facets.get('image')?.values[0] ?? '');
  for (const form of actual.commands) {
    const image = form.subcommand?.path.join(' ') === 'push' && !form.facets.has('--all-tags') ? form.facets.get('image')?.values[0] : undefined;
    if (image === undefined || parseImageReference(image).tag !== undefined || image.includes('@')) continue;
    const tags = pushedTags.filter((tagged) => tagged.startsWith(`${image}:`));
    if (tags.length < 2) continue;
    return {
      code: 'push-needs-all-tags',
      expected: tags.join(' '),
      actual: image,
      message: `\`${form.program} push ${image}\` pushes only \`${image}:latest\`; push each tag, or use \`--all-tags\` (\`-a\`) to push every tag of the repository.`,
    };
  }
  return undefined;
}

/** Compares two command lists; an empty result means the answer is right. */
export function compareChains(expected: ChainForm, actual: ChainForm, options: CompareOptions): Feedback[] {
  const feedback: Feedback[] = [];
  const untagged = untaggedPushOfSeveralTags(expected, actual);
  if (untagged) feedback.push(untagged);
  const pairs = align(expected.commands, actual.commands);
  for (const [expectedIndex, actualIndex] of pairs) {
    if (expectedIndex !== undefined && actualIndex !== undefined) {
      feedback.push(...compareCommands(expected.commands[expectedIndex]!, actual.commands[actualIndex]!, options));
    } else if (expectedIndex !== undefined) {
      const missing = expected.commands[expectedIndex]!;
      feedback.push({ code: 'missing-command', expected: displayValue(missing.text), message: `The answer leaves out a step: ${code(missing.text)}.` });
    } else {
      const extra = actual.commands[actualIndex!]!;
      feedback.push({ code: 'extra-command', actual: displayValue(extra.text), message: `${code(extra.text)} is not one of the expected steps.` });
    }
  }
  if (expected.commands.length === actual.commands.length && feedback.length === 0) {
    expected.joins.forEach((join, index) => {
      const actualJoin = actual.joins[index];
      if (actualJoin !== join) {
        feedback.push({
          code: 'wrong-join',
          expected: joinText(join),
          actual: joinText(actualJoin ?? 'then'),
          message: `The commands must be joined with ${code(joinText(join))}, not ${code(joinText(actualJoin ?? 'then'))}; they behave differently.`,
        });
      }
    });
  }
  return rankFeedback(feedback);
}
