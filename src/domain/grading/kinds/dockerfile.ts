import { boolean, joinPath, literal, object, oneOrMany, optional, refine, string } from '../../deck/shape';
import { compareInstructions } from '../dockerfile/compare';
import { readDockerfile } from '../dockerfile/parse';
import type { DockerfileRead } from '../dockerfile/parse';
import type { CheckerKind } from '../kind';
import type { Feedback } from '../verdict';
import { verdict } from '../verdict';

/** Grades a typed Dockerfile, or a few of its lines, instruction by instruction. */
export interface DockerfileChecker {
  kind: 'dockerfile';
  /** One accepted Dockerfile text, or several alternatives. */
  expected: string[];
  /** Compare `FROM` and `COPY --from` images as references (`nginx` = `nginx:latest`); only for prompts that ask for the image, not a literal name. */
  normalizeImages?: boolean;
}

const STARTS_WITH_FROM = /^\s*(#.*\n\s*)*(ARG\s[^\n]*\n\s*)*FROM\s/i;

/** Returns whether an expected text is a fragment (no `FROM`), whose lines skip the "FROM first" rule. */
function isFragment(text: string): boolean {
  return !STARTS_WITH_FROM.test(text);
}

interface ExpectedDockerfile {
  readonly read: DockerfileRead;
  readonly fragment: boolean;
}

const expectedReads = new WeakMap<DockerfileChecker, ExpectedDockerfile[]>();

function readExpected(checker: DockerfileChecker): ExpectedDockerfile[] {
  let reads = expectedReads.get(checker);
  if (!reads) {
    reads = checker.expected.map((text) => {
      const fragment = isFragment(text);
      return { read: readDockerfile(text, { fragment }), fragment };
    });
    expectedReads.set(checker, reads);
  }
  return reads;
}

const expectedDockerfiles = refine(oneOrMany(string()), (values, path, problems) => {
  values.forEach((text, index) => {
    const itemPath = values.length === 1 ? path : joinPath(path, index);
    const read = readDockerfile(text, { fragment: isFragment(text) });
    for (const error of read.errors) problems.push({ path: itemPath, message: `the expected Dockerfile is invalid: ${error.message}` });
    if (read.instructions.length === 0) problems.push({ path: itemPath, message: 'the expected Dockerfile has no instructions' });
  });
});

export const dockerfileKind: CheckerKind<DockerfileChecker> = {
  kind: 'dockerfile',
  description:
    'Compares Dockerfile instructions in order: keyword case, JSON spacing and `$VAR` versus `${VAR}` outside exec form are free; exec and shell form are different, and instruction flags need `--name=value`.',
  options: object({ kind: literal('dockerfile'), expected: expectedDockerfiles, normalizeImages: optional(boolean()) }),
  evaluate(checker, answer) {
    let closest: Feedback[] | undefined;
    let notes: readonly Feedback[] = [];
    for (const expected of readExpected(checker)) {
      const actual = readDockerfile(answer.text, { fragment: expected.fragment });
      notes = actual.notes;
      const options = { normalizeImages: checker.normalizeImages ?? false };
      const feedback = [...actual.errors, ...compareInstructions(expected.read.instructions, actual.instructions, options)];
      if (feedback.length === 0) return verdict(true, actual.notes);
      if (!closest || feedback.length < closest.length) closest = feedback;
    }
    return verdict(false, [...(closest ?? []), ...notes]);
  },
  canonical: (checker) => checker.expected[0]!,
};
