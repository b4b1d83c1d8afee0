/**
 * Structural YAML comparison for Kubernetes manifests and snippets. Documents are parsed with
 * YAML 1.1 scalar rules, as Kubernetes' sigs.k8s.io/yaml does, so `3600` is a number and `yes` a
 * boolean: a typed answer that leaves them unquoted where a string is needed is wrong.
 */
import { parseAllDocuments } from 'yaml';
import { closestName } from '../command/suggest';
import type { Feedback } from '../verdict';

export type YamlMatch = 'exact' | 'subset';

export type YamlRead = { ok: true; documents: unknown[] } | { ok: false; feedback: Feedback };

const TAB_INDENT = /^[ ]*\t/;

/** Parses YAML text into plain values, rejecting tab indentation with a hint. */
export function readYaml(text: string): YamlRead {
  const lines = text.split('\n');
  const tabLine = lines.findIndex((line) => TAB_INDENT.test(line));
  if (tabLine !== -1) {
    return {
      ok: false,
      feedback: {
        code: 'yaml-tab-indent',
        actual: lines[tabLine],
        message: `YAML indentation must use spaces, but line ${tabLine + 1} is indented with a tab.`,
      },
    };
  }

  const documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, feedback: { code: 'yaml-syntax-error', message: `The YAML does not parse${line ? ` at line ${line}` : ''}: ${reason}.` } };
    }
  }
  return { ok: true, documents: list.map((document) => document.toJS({ maxAliasCount: 100 }) as unknown) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (value === null) return 'empty';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/** Kubernetes fields that hold strings or string lists, where YAML numbers and booleans fail to decode. */
const STRING_LIST_KEYS = new Set(['command', 'args']);

/**
 * Finds numbers and booleans where Kubernetes needs strings: container `command` and `args`
 * items and `env[].value`. They fail to decode when the manifest is applied.
 */
export function findUnquotedStrings(value: unknown, path = ''): Feedback[] {
  const found: Feedback[] = [];
  const visit = (node: unknown, nodePath: string, parentKey: string | undefined) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        if (parentKey !== undefined && STRING_LIST_KEYS.has(parentKey) && (typeof item === 'number' || typeof item === 'boolean')) {
          found.push(notStringFeedback(item, childPath(nodePath, index), parentKey));
        }
        visit(item, childPath(nodePath, index), undefined);
      });
    } else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'env' && Array.isArray(child)) {
          child.forEach((entry, index) => {
            if (isRecord(entry) && (typeof entry.value === 'number' || typeof entry.value === 'boolean')) {
              found.push(notStringFeedback(entry.value, childPath(childPath(childPath(nodePath, key), index), 'value'), 'env[].value'));
            }
          });
        }
        visit(child, childPath(nodePath, key), key);
      }
    }
  };
  visit(value, path, undefined);
  return found;
}

function notStringFeedback(value: number | boolean, path: string, field: string): Feedback {
  const quoted = JSON.stringify(String(value));
  return {
    code: typeof value === 'number' ? 'yaml-number-not-string' : 'yaml-boolean-not-string',
    expected: quoted,
    actual: String(value),
    message: `\`${String(value)}\` at \`${path}\` is read as a ${typeof value}, but Kubernetes needs a string in \`${field}\`; quote it: \`${quoted}\`.`,
  };
}

/** Where a key sits elsewhere in the answer, for "belongs at" hints. */
function findKey(value: unknown, key: string, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findKey(item, key, childPath(path, index));
      if (found) return found;
    }
  } else if (isRecord(value)) {
    if (key in value) return childPath(path, key);
    for (const [childKey, child] of Object.entries(value)) {
      const found = findKey(child, key, childPath(path, childKey));
      if (found) return found;
    }
  }
  return undefined;
}

interface Context {
  readonly match: YamlMatch;
  readonly root: unknown;
  readonly out: Feedback[];
}

function compareScalars(want: unknown, got: unknown, path: string, context: Context): void {
  if (want === got) return;
  if (typeof want === 'string' && (typeof got === 'number' || typeof got === 'boolean') && String(got) === want) {
    context.out.push(notStringFeedback(got, path, path.replace(/\[\d+\]$/, '').split('.').pop() ?? path));
    return;
  }
  if (typeof want === 'number' && typeof got === 'string' && String(want) === got) {
    context.out.push({ code: 'yaml-string-not-number', expected: String(want), actual: show(got), message: `\`${path}\` must be a number, so write \`${want}\` without quotes.` });
    return;
  }
  context.out.push({ code: 'yaml-value-mismatch', expected: show(want), actual: show(got), message: `\`${path}\` should be \`${show(want)}\`, not \`${show(got)}\`.` });
}

function compareLists(want: unknown[], got: unknown[], path: string, context: Context): void {
  const scalars = want.every(isScalar);
  if (scalars && got.length !== want.length && got.every((item) => typeof item === 'string') && got.join(' ') === want.map(String).join(' ')) {
    context.out.push({
      code: 'yaml-argv-one-item',
      expected: show(want),
      actual: show(got),
      message: `Each word of \`${path}\` must be its own list item: \`${show(want)}\`, not \`${show(got)}\`.`,
    });
    return;
  }
  if (context.match === 'exact' || scalars) {
    if (want.length !== got.length) {
      context.out.push({ code: 'yaml-list-length', expected: show(want), actual: show(got), message: `\`${path}\` should have ${want.length} item${want.length === 1 ? '' : 's'}, not ${got.length}.` });
      if (scalars) return;
    }
    want.forEach((item, index) => {
      if (index < got.length) compareNodes(item, got[index], childPath(path, index), context);
    });
    return;
  }

  // Subset: every expected item must match a different answer item, in any order.
  const unused = got.map((_, index) => index);
  want.forEach((item, index) => {
    const matchIndex = unused.find((candidate) => differences(item, got[candidate], context.match, context.root).length === 0);
    if (matchIndex !== undefined) {
      unused.splice(unused.indexOf(matchIndex), 1);
      return;
    }
    const name = isRecord(item) ? item.name : undefined;
    const sameName = unused.find((candidate) => name !== undefined && isRecord(got[candidate]) && (got[candidate] as Record<string, unknown>).name === name);
    const fallback = sameName ?? (unused.includes(index) ? index : unused[0]);
    if (fallback === undefined) {
      context.out.push({ code: 'yaml-missing-item', expected: show(item), message: `\`${path}\` is missing the item \`${show(item)}\`.` });
    } else {
      compareNodes(item, got[fallback], childPath(path, fallback), context);
    }
  });
}

function compareMaps(want: Record<string, unknown>, got: Record<string, unknown>, path: string, context: Context): void {
  for (const [key, value] of Object.entries(want)) {
    const keyPath = childPath(path, key);
    if (!(key in got)) {
      const elsewhere = findKey(context.root, key);
      const similar = closestName(key, Object.keys(got).filter((candidate) => !(candidate in want)));
      if (elsewhere) {
        context.out.push({ code: 'yaml-key-misplaced', expected: keyPath, actual: elsewhere, message: `\`${key}\` belongs at \`${keyPath}\`, not at \`${elsewhere}\`.` });
      } else {
        context.out.push({
          code: 'yaml-missing-key',
          expected: keyPath,
          ...(similar && { actual: childPath(path, similar) }),
          message: `The answer has no \`${keyPath}\`${similar ? `; \`${similar}\` is not the same key` : ''}.`,
        });
      }
      continue;
    }
    compareNodes(value, got[key], keyPath, context);
  }
  if (context.match === 'exact') {
    for (const key of Object.keys(got)) {
      if (!(key in want)) context.out.push({ code: 'yaml-unexpected-key', actual: childPath(path, key), message: `\`${childPath(path, key)}\` is not part of the expected YAML.` });
    }
  }
}

function compareNodes(want: unknown, got: unknown, path: string, context: Context): void {
  if (Array.isArray(want) && Array.isArray(got)) return compareLists(want, got, path, context);
  if (isRecord(want) && isRecord(got)) return compareMaps(want, got, path, context);
  if (isScalar(want) && isScalar(got)) return compareScalars(want, got, path, context);
  if (Array.isArray(want) && typeof got === 'string' && want.map(String).join(' ') === got) {
    context.out.push({ code: 'yaml-argv-one-item', expected: show(want), actual: show(got), message: `\`${path}\` must be a list with one item per word: \`${show(want)}\`, not the string \`${show(got)}\`.` });
    return;
  }
  context.out.push({ code: 'yaml-type-mismatch', expected: show(want), actual: show(got), message: `\`${path || 'The document'}\` should be ${typeName(want)}, not ${typeName(got)}.` });
}

/** Lists how `got` differs from `want`; an empty list means it matches. */
export function differences(want: unknown, got: unknown, match: YamlMatch, root: unknown = got): Feedback[] {
  const context: Context = { match, root, out: [] };
  compareNodes(want, got, '', context);
  return context.out;
}

const RANK: Record<string, number> = {
  'yaml-type-mismatch': 1,
  'yaml-argv-one-item': 2,
  'yaml-number-not-string': 3,
  'yaml-boolean-not-string': 3,
  'yaml-string-not-number': 4,
  'yaml-key-misplaced': 5,
  'yaml-missing-key': 6,
  'yaml-missing-item': 7,
  'yaml-value-mismatch': 8,
  'yaml-list-length': 9,
  'yaml-unexpected-key': 10,
};

/** Compares parsed documents in order and returns ranked, de-duplicated feedback. */
export function compareDocuments(expected: readonly unknown[], actual: readonly unknown[], match: YamlMatch): Feedback[] {
  const out: Feedback[] = [];
  if (expected.length !== actual.length) {
    out.push({ code: 'yaml-document-count', expected: String(expected.length), actual: String(actual.length), message: `The answer should contain ${expected.length} YAML document${expected.length === 1 ? '' : 's'}, not ${actual.length}.` });
  }
  expected.forEach((document, index) => {
    if (index < actual.length) out.push(...differences(document, actual[index], match));
  });
  actual.forEach((document) => out.push(...findUnquotedStrings(document)));

  const seen = new Set<string>();
  return out
    .filter((item) => {
      const key = `${item.code} ${item.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((item, index) => ({ item, index }))
    .sort((left, right) => (RANK[left.item.code] ?? 20) - (RANK[right.item.code] ?? 20) || left.index - right.index)
    .map(({ item }) => item);
}
