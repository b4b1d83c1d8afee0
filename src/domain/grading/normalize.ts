import type { Feedback } from './verdict';

/**
 * Phone keyboards replace what the learner meant: straight quotes become curly ones, `--` becomes
 * an en or em dash, and spaces may be non-breaking. Each rule undoes one such replacement.
 */
const KEYBOARD_RULES: readonly { code: string; pattern: RegExp; replacement: string; message: string }[] = [
  {
    code: 'keyboard-replaced-quotes',
    pattern: /[\u2018\u2019\u201A\u201B\u2032]/g,
    replacement: "'",
    message: 'Curly single quotes were read as straight quotes (\').',
  },
  {
    code: 'keyboard-replaced-quotes',
    pattern: /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g,
    replacement: '"',
    message: 'Curly double quotes were read as straight quotes (").',
  },
  {
    code: 'keyboard-replaced-dashes',
    pattern: /[\u2013\u2014\u2015\u2212]/g,
    replacement: '--',
    message: 'An en or em dash was read as a double hyphen (--).',
  },
  {
    code: 'keyboard-replaced-spaces',
    pattern: /[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g,
    replacement: ' ',
    message: 'Non-breaking spaces were read as ordinary spaces.',
  },
  {
    code: 'keyboard-replaced-spaces',
    pattern: /[\u200B\u200C\u200D\u2060\uFEFF]/g,
    replacement: '',
    message: 'Invisible zero-width characters were removed.',
  },
];

export interface NormalizedInput {
  /** The answer with keyboard replacements undone, Unicode NFC, LF line ends, and no outer blank space. */
  readonly text: string;
  /** One note for each kind of replacement that was undone. */
  readonly notes: readonly Feedback[];
}

/**
 * Undoes what phone keyboards do to typed technical answers, keeping every other character.
 * Line breaks survive, because commands may be chained by new lines.
 */
export function normalizeInput(raw: string): NormalizedInput {
  let text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  const notes: Feedback[] = [];
  const noted = new Set<string>();

  for (const rule of KEYBOARD_RULES) {
    const replaced = text.replace(rule.pattern, rule.replacement);
    if (replaced !== text && !noted.has(rule.message)) {
      noted.add(rule.message);
      notes.push({ code: rule.code, message: rule.message });
    }
    text = replaced;
  }

  return { text: text.trim(), notes };
}

/** Collapses every run of white space, line breaks included, to one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
