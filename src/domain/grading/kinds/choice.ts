import { describe } from '../../deck/shape';
import type { Shape } from '../../deck/shape';

/** One of a fixed set of strings, such as `"exact"` or `"subset"`. */
export function choiceOf<const T extends string>(values: readonly T[], description: string): Shape<T> {
  return {
    read(value, path, problems) {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
      problems.push({ path, message: `expected one of ${values.map((item) => JSON.stringify(item)).join(', ')}, got ${describe(value)}` });
      return undefined;
    },
    schema: () => ({ enum: [...values], description }),
  };
}
