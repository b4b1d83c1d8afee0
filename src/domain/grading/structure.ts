import { parse } from 'yaml';

/** Deep equality of parsed JSON or YAML values; key order is free, list order is not. */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== typeof right || left === null || right === null || typeof left !== 'object') return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left)) {
    const rightList = right as unknown[];
    return left.length === rightList.length && left.every((item, index) => deepEqual(item, rightList[index]));
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const keys = Object.keys(leftRecord);
  if (keys.length !== Object.keys(rightRecord).length) return false;
  return keys.every((key) => key in rightRecord && deepEqual(leftRecord[key], rightRecord[key]));
}

/**
 * Compares two JSON or YAML texts by their parsed values, so `{"a": 1}` equals `{"a":1}` and
 * `a: 1`. Texts that do not parse are compared as typed.
 */
export function sameStructuredText(left: string, right: string): boolean {
  if (left === right) return true;
  const parsedLeft = tryParse(left);
  const parsedRight = tryParse(right);
  if (parsedLeft === undefined || parsedRight === undefined) return false;
  return deepEqual(parsedLeft.value, parsedRight.value);
}

function tryParse(text: string): { value: unknown } | undefined {
  try {
    return { value: parse(text, { version: '1.1' }) };
  } catch {
    return undefined;
  }
}
