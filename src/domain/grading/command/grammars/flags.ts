/** Short constructors for flag tables, so each grammar reads as a list of flags. */
import type { FlagSpec } from '../spec';

type Extra = Omit<FlagSpec, 'name' | 'short' | 'type'>;

/** Declares a boolean flag: no value unless attached with `=`. */
export function bool(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'bool', ...extra };
}

/** Declares a flag that takes one value; the last use wins. */
export function value(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'value', ...extra };
}

/** Declares a flag that may be given several times; every use adds a value (pflag stringArray). */
export function repeated(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'value', repeatable: true, ...extra };
}

/** Declares a flag whose uses add comma-separated values (pflag stringSlice). */
export function list(name: string, short?: string, extra: Extra = {}): FlagSpec {
  return { name, ...(short && { short }), type: 'value', commaList: true, ...extra };
}

/** Declares a flag with an optional value that must be attached with `=` (pflag NoOptDefVal). */
export function optionalValue(name: string, bareValue: string, values: readonly string[], extra: Extra = {}): FlagSpec {
  return { name, type: 'optional', bareValue, values, ...extra };
}

/** Declares value flags that are compared only as typed. */
export function values(...names: string[]): FlagSpec[] {
  return names.map((name) => value(name));
}

/** Declares boolean flags that are compared only as typed. */
export function bools(...names: string[]): FlagSpec[] {
  return names.map((name) => bool(name));
}
