/** Deck and card ids for imported content, which must match the deck format's id pattern. */
import { contentHash } from '../deck/hash';

const MAX_ID_LENGTH = 128;

/**
 * Turns a title or file name into an id: lower-case letters, digits and single dashes, such as
 * `spanish-verbs` for `Spanish Verbs (A1).csv`. Falls back to a hash for text with no letters.
 */
export function slugId(prefix: string, text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${prefix}${slug || contentHash(text)}`;
}

/** Returns the file name without folders and without its last extension. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Encodes any text (such as an Anki note guid, which may contain `/`, `#` or spaces) as an id:
 * letters, digits, `.`, `_`, `:` and `-` stay, every other UTF-8 byte becomes `_` plus two hex
 * digits, and `prefix` goes first when the result would not start with a letter or digit. So a
 * card id exported as a guid comes back unchanged. Text too long for an id becomes its hash.
 */
export function idFromText(prefix: string, text: string): string {
  let encoded = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9.:-]/.test(char) ? char : `_${byte.toString(16).padStart(2, '0')}`;
  }
  if (!/^[A-Za-z0-9]/.test(encoded)) encoded = `${prefix}${encoded}`;
  return encoded.length > MAX_ID_LENGTH - 8 ? `${prefix}${contentHash(text)}` : encoded;
}

/**
 * Gives every card id that repeats a suffix (`-2`, `-3`, …), in order, so ids stay unique in a
 * deck while the first card with a given id keeps it.
 */
export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(ids);
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count === 1) return id;
    let suffix = count;
    while (taken.has(`${id}-${suffix}`)) suffix += 1;
    const unique = `${id}-${suffix}`;
    taken.add(unique);
    return unique;
  });
}
