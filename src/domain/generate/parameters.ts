/**
 * Shapes for template parameter pools. Each checks one pool entry when the deck loads, so a deck
 * with an entry that the template cannot render fails `parseDeck` with the entry's keypath.
 */

import { describe } from '../deck/shape';
import type { JsonSchema, Shape } from '../deck/shape';
import { parseDockerfileCommand, parseJsonStringArray } from './argv';
import { parseImageReference } from './image-reference';
import type { ImageReference } from './image-reference';
import type { TemplateParameter } from './template';

/**
 * Returns a shape for a string checked by `validate`, which returns the reason it is invalid or
 * undefined when it is valid. The message reads `expected <expected>, got "<value>" (<reason>)`.
 */
export function checkedString(expected: string, schema: JsonSchema, validate: (value: string) => string | undefined): Shape<string> {
  return {
    read(value, path, problems) {
      if (typeof value !== 'string') {
        problems.push({ path, message: `expected ${expected}, got ${describe(value)}` });
        return undefined;
      }
      const reason = validate(value);
      if (reason !== undefined) {
        problems.push({ path, message: `expected ${expected}, got ${describe(value)} (${reason})` });
        return undefined;
      }
      return value;
    },
    schema: () => ({ type: 'string', ...schema }),
  };
}

/** Returns a shape for one of a fixed list of words, such as a form name. */
export function choiceOf(values: readonly string[], description: string): Shape<string> {
  const list = values.map((value) => JSON.stringify(value)).join(', ');
  return checkedString(`one of ${list}`, { enum: [...values], description }, (value) => (values.includes(value) ? undefined : 'not in the list'));
}

/** Returns a shape for a valid image reference, optionally with a further check on its parts. */
export function imageReferenceItem(description: string, check?: (reference: ImageReference) => string | undefined): Shape<string> {
  return checkedString('a valid image reference', { minLength: 1, description }, (value) => {
    const parsed = parseImageReference(value);
    if (!parsed.ok) return parsed.message;
    return check?.(parsed.reference);
  });
}

/** Returns a shape for the text after a Dockerfile CMD or ENTRYPOINT keyword, where "" means the instruction is absent. */
export function dockerfileArgumentItem(keyword: 'CMD' | 'ENTRYPOINT'): Shape<string> {
  return checkedString(
    `the text after ${keyword}, or "" for no ${keyword}`,
    { description: `The text after ${keyword}: a JSON array for exec form, other text for shell form, or "" when the image has no ${keyword}.` },
    (value) => {
      if (value.trim() === '') return value === '' ? undefined : 'only white space; use "" for no instruction';
      const parsed = parseDockerfileCommand(value);
      return parsed.ok ? undefined : parsed.message;
    },
  );
}

/** Returns a shape for a non-empty JSON array of strings written as a string, such as `["sleep", "3600"]`. */
export function argvItem(description: string): Shape<string> {
  return checkedString('a JSON array of strings such as ["sleep", "3600"]', { minLength: 2, description }, (value) => {
    const parsed = parseJsonStringArray(value);
    if (!parsed.ok) return parsed.message;
    return parsed.value.length === 0 ? 'the list is empty' : undefined;
  });
}

/** Returns a shape for a non-empty string matching `pattern`. */
export function patternItem(pattern: RegExp, expected: string, description: string): Shape<string> {
  return checkedString(expected, { pattern: pattern.source, description }, (value) => (pattern.test(value) ? undefined : 'does not match'));
}

/** Declares a parameter. Its `defaults` must be valid entries, which the template tests check. */
export function parameter(description: string, item: Shape<string>, defaults: readonly string[]): TemplateParameter {
  return { description, item, defaults };
}
