/**
 * Compares two Dockerfiles instruction by instruction, in order, and names the rule behind each
 * difference: exec versus shell form, `RUN` versus `CMD`, a missing or extra instruction.
 */
import type { Feedback } from '../verdict';
import { instructionKey } from './parse';
import type { Instruction } from './parse';

function code(text: string): string {
  return `\`${text}\``;
}

function explainFormDifference(expected: Instruction, actual: Instruction): Feedback {
  const base = { code: 'dockerfile-shell-vs-exec', expected: expected.text, actual: actual.text };
  if (expected.form === 'exec' && actual.looksLikeExec) {
    return {
      ...base,
      message: `${code(actual.text)} is not valid JSON (exec form needs double quotes), so Docker runs it in shell form through \`/bin/sh -c\`, which fails; write ${code(expected.text)}.`,
    };
  }
  if (expected.form === 'exec') {
    return { ...base, message: `The task uses exec form (${code(expected.text)}), which runs the program directly; shell form runs it through \`/bin/sh -c\` instead.` };
  }
  return { ...base, message: `The task uses shell form (${code(expected.text)}), which runs through \`/bin/sh -c\`; exec form runs the program without a shell, so shell features such as \`$VAR\` and \`&&\` do not work.` };
}

/** Explains an instruction that differs only in how an image is spelled, for cards that ask for the name as written. */
function explainImageSpelling(expected: Instruction, actual: Instruction): Feedback | undefined {
  if (expected.imageNormalizedKey !== actual.imageNormalizedKey) return undefined;
  const index = expected.images.findIndex((image, position) => image !== actual.images[position]);
  const want = expected.images[index];
  const got = actual.images[index];
  if (want === undefined || got === undefined) return undefined;
  return {
    code: 'image-spelling-differs',
    expected: want,
    actual: got,
    message: `\`${got}\` names the same image as \`${want}\`, but this card asks for the name exactly as written: \`${want}\`.`,
  };
}

function explainPair(expected: Instruction, actual: Instruction): Feedback {
  const spelling = explainImageSpelling(expected, actual);
  if (spelling) return spelling;
  if (expected.keyword !== actual.keyword) {
    const buildVersusRun = new Set([expected.keyword, actual.keyword]);
    if (buildVersusRun.has('RUN') && buildVersusRun.has('CMD')) {
      return {
        code: 'dockerfile-wrong-instruction',
        expected: expected.text,
        actual: actual.text,
        message: '`RUN` executes at build time and commits a layer; `CMD` runs nothing at build time and only records the default command.',
      };
    }
    return { code: 'dockerfile-wrong-instruction', expected: expected.text, actual: actual.text, message: `The task needs ${code(expected.text)} here, not ${code(actual.text)}.` };
  }
  if (expected.form !== actual.form && (expected.form === 'exec' || actual.form === 'exec')) return explainFormDifference(expected, actual);
  if (expected.flags.join(' ') !== actual.flags.join(' ')) {
    return {
      code: 'dockerfile-flag-mismatch',
      expected: expected.flags.map((flag) => `--${flag}`).join(' '),
      actual: actual.flags.map((flag) => `--${flag}`).join(' '),
      message: `\`${expected.keyword}\` should have ${expected.flags.length > 0 ? expected.flags.map((flag) => code(`--${flag}`)).join(' ') : 'no flags'}, not ${actual.flags.length > 0 ? actual.flags.map((flag) => code(`--${flag}`)).join(' ') : 'none'}.`,
    };
  }
  return { code: 'dockerfile-argument-mismatch', expected: expected.text, actual: actual.text, message: `${code(actual.text)} does not do the same as ${code(expected.text)}.` };
}

export interface DockerfileCompareOptions {
  /** Compare `FROM` and `COPY --from` images as resolved references (`nginx` = `docker.io/library/nginx:latest`). */
  readonly normalizeImages: boolean;
}

function keyOf(instruction: Instruction, options: DockerfileCompareOptions): string {
  return options.normalizeImages ? instruction.imageNormalizedKey : instructionKey(instruction);
}

/** Longest common subsequence of instruction keys, as index pairs. */
function matchedPairs(expected: readonly Instruction[], actual: readonly Instruction[], options: DockerfileCompareOptions): [number, number][] {
  const expectedKeys = expected.map((instruction) => keyOf(instruction, options));
  const actualKeys = actual.map((instruction) => keyOf(instruction, options));
  const table = Array.from({ length: expected.length + 1 }, () => new Array<number>(actual.length + 1).fill(0));
  for (let row = expected.length - 1; row >= 0; row -= 1) {
    for (let column = actual.length - 1; column >= 0; column -= 1) {
      table[row]![column] = expectedKeys[row] === actualKeys[column] ? table[row + 1]![column + 1]! + 1 : Math.max(table[row + 1]![column]!, table[row]![column + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let row = 0;
  let column = 0;
  while (row < expected.length && column < actual.length) {
    if (expectedKeys[row] === actualKeys[column]) {
      pairs.push([row, column]);
      row += 1;
      column += 1;
    } else if (table[row + 1]![column]! >= table[row]![column + 1]!) row += 1;
    else column += 1;
  }
  return pairs;
}

/** Compares instruction lists; an empty result means the Dockerfiles build the same image. */
export function compareInstructions(expected: readonly Instruction[], actual: readonly Instruction[], options: DockerfileCompareOptions = { normalizeImages: false }): Feedback[] {
  const feedback: Feedback[] = [];
  const pairs = [...matchedPairs(expected, actual, options), [expected.length, actual.length] as [number, number]];
  let expectedIndex = 0;
  let actualIndex = 0;

  for (const [nextExpected, nextActual] of pairs) {
    const missing = expected.slice(expectedIndex, nextExpected);
    const extra = actual.slice(actualIndex, nextActual);
    // Unmatched instructions between two matches: pair those with the same keyword first.
    const unpairedExtra = [...extra];
    for (const want of missing) {
      let partner = unpairedExtra.findIndex((got) => got.keyword === want.keyword);
      if (partner === -1 && missing.length === extra.length) partner = 0;
      if (partner !== -1 && unpairedExtra[partner]) {
        feedback.push(explainPair(want, unpairedExtra[partner]!));
        unpairedExtra.splice(partner, 1);
      } else {
        feedback.push({ code: 'dockerfile-missing-instruction', expected: want.text, message: `The Dockerfile leaves out ${code(want.text)}.` });
      }
    }
    for (const got of unpairedExtra) {
      feedback.push({ code: 'dockerfile-extra-instruction', actual: got.text, message: `${code(got.text)} is not part of the expected Dockerfile.` });
    }
    expectedIndex = nextExpected + 1;
    actualIndex = nextActual + 1;
  }
  return feedback;
}
