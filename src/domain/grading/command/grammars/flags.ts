/** Short constructors for flag tables, so each grammar reads as a list of flags. */
import type { FlagSpec } from '../spec';

type Extra = Omit<FlagSpec, 'name' | 'short' | 'type'>;

/** A boolean flag: no value unless attached with `=`. */
export function bool(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'bool', ...extra };
}

/** A flag that takes one value; the last use wins. */
export function value(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'value', ...extra };
}

/** A flag that may be given several times; every use adds a value (pflag stringArray). */
export function repeated(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'value', repeatable: true, ...extra };
}

/** A flag whose uses add comma-separated values (pflag stringSlice). */
export function list(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'value', commaList: true, ...extra };
}

/** A flag with an optional value that must be attached with `=` (pflag NoOptDefVal). */
export function optionalValue(name: string, bareValue: string, values: readonly string[], extra: Extra = {}): FlagSpec {
  return { name, type: 'optional', bareValue, values, ...extra };
}

/** Value flags that take no part in the meaning checks beyond exact comparison. */
export function values(...names: string[]): FlagSpec[] {
  return names.map((name) => value(name));
}

/** Boolean flags that take no part in the meaning checks beyond exact comparison. */
export function bools(...names: string[]): FlagSpec[] {
  return names.map((name) => bool(name));
}
