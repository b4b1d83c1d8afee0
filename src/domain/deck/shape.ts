/**
 * Declarative shapes for JSON input: one definition both validates a value (collecting every
 * problem with its keypath) and emits the JSON Schema that editors use for completion.
 *
 * @example
 *   const point = object({ x: integer(), y: integer() });
 *   check(point, { x: 1, y: 'a' }); // problems: [{ path: 'y', message: 'expected an integer, got "a"' }]
 */

export interface Problem {
  /** Keypath such as `cards[3].back`; empty for the root. */
  readonly path: string;
  readonly message: string;
}

export type JsonSchema = { [key: string]: unknown };

export interface Shape<T> {
  /** Validates `value`, pushes any problems, and returns the typed value or undefined. */
  read(value: unknown, path: string, problems: Problem[]): T | undefined;
  schema(): JsonSchema;
  /** Set on shapes that may be left out of an object. */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const MAX_SHOWN = 40;

/** Describes a found value briefly for a message: `42`, `"abc"`, `an array`, `null`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base ? `${base}.${key}` : key;
}

function fail(problems: Problem[], path: string, expected: string, value: unknown): undefined {
  problems.push({ path, message: `expected ${expected}, got ${describe(value)}` });
  return undefined;
}

export function string(options: { nonEmpty?: boolean; pattern?: RegExp; patternName?: string; description?: string } = {}): Shape<string> {
  const nonEmpty = options.nonEmpty ?? true;
  const expected = options.patternName ?? (nonEmpty ? 'a non-empty string' : 'a string');
  return {
    read(value, path, problems) {
      if (typeof value !== 'string' || (nonEmpty && value.trim() === '')) return fail(problems, path, expected, value);
      if (options.pattern && !options.pattern.test(value)) return fail(problems, path, expected, value);
      return value;
    },
    schema() {
      const schema: JsonSchema = { type: 'string' };
      if (nonEmpty) schema.minLength = 1;
      if (options.pattern) schema.pattern = options.pattern.source;
      if (options.description) schema.description = options.description;
      return schema;
    },
  };
}

export function literal<const T extends string | number>(expectedValue: T): Shape<T> {
  return {
    read(value, path, problems) {
      if (value !== expectedValue) return fail(problems, path, JSON.stringify(expectedValue), value);
      return expectedValue;
    },
    schema: () => ({ const: expectedValue }),
  };
}

export function integer(options: { min?: number; max?: number } = {}): Shape<number> {
  const { min, max } = options;
  let expected = 'an integer';
  if (min !== undefined && max !== undefined) expected = `an integer from ${min} to ${max}`;
  else if (min !== undefined) expected = `an integer of at least ${min}`;
  return {
    read(value, path, problems) {
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(problems, path, expected, value);
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) return fail(problems, path, expected, value);
      return value;
    },
    schema: () => ({ type: 'integer', ...(min !== undefined && { minimum: min }), ...(max !== undefined && { maximum: max }) }),
  };
}

export function boolean(): Shape<boolean> {
  return {
    read: (value, path, problems) => (typeof value === 'boolean' ? value : fail(problems, path, 'true or false', value)),
    schema: () => ({ type: 'boolean' }),
  };
}

export function array<T>(item: Shape<T>, options: { minItems?: number; maxItems?: number } = {}): Shape<T[]> {
  const { minItems = 0, maxItems } = options;
  return {
    read(value, path, problems) {
      if (!Array.isArray(value)) return fail(problems, path, 'an array', value);
      if (value.length < minItems) {
        problems.push({ path, message: `expected at least ${minItems} item${minItems === 1 ? '' : 's'}, got ${value.length}` });
      }
      if (maxItems !== undefined && value.length > maxItems) {
        problems.push({ path, message: `expected at most ${maxItems} items, got ${value.length}` });
      }
      const before = problems.length;
      const items = value.map((entry, index) => item.read(entry, joinPath(path, index), problems));
      return problems.length === before ? (items as T[]) : undefined;
    },
    schema: () => ({
      type: 'array',
      items: item.schema(),
      ...(minItems > 0 && { minItems }),
      ...(maxItems !== undefined && { maxItems }),
    }),
  };
}

export type OptionalShape<T> = Shape<T | undefined> & { readonly optional: true };

export function optional<T>(shape: Shape<T>): OptionalShape<T> {
  return { read: shape.read, schema: shape.schema, optional: true };
}

type Fields = Record<string, Shape<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;
export type ObjectOf<F extends Fields> = { [K in RequiredKeys<F>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Infer<F[K]> };

/**
 * An object with known fields. Unknown keys are problems, because a misspelled optional field
 * (`explaination`) would otherwise vanish without a word.
 */
export function object<F extends Fields>(fields: F, options: { description?: string } = {}): Shape<ObjectOf<F>> {
  return {
    read(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, path, 'an object', value);
      const record = value as Record<string, unknown>;
      const before = problems.length;
      const result: Record<string, unknown> = {};

      for (const [key, shape] of Object.entries(fields)) {
        const fieldPath = joinPath(path, key);
        if (!(key in record) || record[key] === undefined) {
          if (!shape.optional) problems.push({ path: fieldPath, message: 'is required but missing' });
          continue;
        }
        const read = shape.read(record[key], fieldPath, problems);
        if (read !== undefined) result[key] = read;
      }
      for (const key of Object.keys(record)) {
        if (!(key in fields)) {
          problems.push({ path: joinPath(path, key), message: `is not a known field (known: ${Object.keys(fields).join(', ')})` });
        }
      }
      return problems.length === before ? (result as ObjectOf<F>) : undefined;
    },
    schema() {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [key, shape] of Object.entries(fields)) {
        properties[key] = shape.schema();
        if (!shape.optional) required.push(key);
      }
      return {
        type: 'object',
        ...(options.description && { description: options.description }),
        properties,
        required,
        additionalProperties: false,
      };
    },
  };
}

/** One of several shapes, picked by a string tag such as `type` or `kind`. */
export function tagged<T>(tag: string, variants: Record<string, Shape<T>>): Shape<T> {
  const names = Object.keys(variants);
  return {
    read(value, path, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(problems, path, 'an object', value);
      const tagValue = (value as Record<string, unknown>)[tag];
      const variant = typeof tagValue === 'string' ? variants[tagValue] : undefined;
      if (!variant) return fail(problems, joinPath(path, tag), `one of ${names.map((name) => JSON.stringify(name)).join(', ')}`, tagValue);
      return variant.read(value, path, problems);
    },
    schema: () => ({ oneOf: names.map((name) => variants[name]!.schema()) }),
  };
}

/** A string, or a non-empty list of strings; read as a list. */
export function oneOrMany(item: Shape<string>): Shape<string[]> {
  const list = array(item, { minItems: 1 });
  return {
    read(value, path, problems) {
      if (typeof value === 'string') {
        const single = item.read(value, path, problems);
        return single === undefined ? undefined : [single];
      }
      if (Array.isArray(value)) return list.read(value, path, problems);
      return fail(problems, path, 'a string or an array of strings', value);
    },
    schema: () => ({ anyOf: [item.schema(), list.schema()] }),
  };
}

/**
 * A shape defined later, for recursive structures. Its schema is a `$ref` to `#/$defs/<name>`,
 * so the root schema must list `name` under `$defs`.
 */
export function reference<T>(name: string, get: () => Shape<T>): Shape<T> {
  return {
    read: (value, path, problems) => get().read(value, path, problems),
    schema: () => ({ $ref: `#/$defs/${name}` }),
  };
}

/** Adds a check that needs the whole value; it runs only when the value read cleanly. */
export function refine<T>(shape: Shape<T>, check: (value: T, path: string, problems: Problem[]) => void): Shape<T> {
  return {
    read(value, path, problems) {
      const read = shape.read(value, path, problems);
      if (read !== undefined) {
        const before = problems.length;
        check(read, path, problems);
        if (problems.length !== before) return undefined;
      }
      return read;
    },
    schema: shape.schema,
    ...(shape.optional && { optional: true }),
  };
}

export function check<T>(shape: Shape<T>, value: unknown): { value: T; problems: [] } | { value: undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = shape.read(value, '', problems);
  if (problems.length > 0 || read === undefined) return { value: undefined, problems };
  return { value: read, problems: [] };
}
