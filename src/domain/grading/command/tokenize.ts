/**
 * A POSIX shell tokenizer for typed command answers. It splits a command line into simple
 * commands, their argv words and redirections, and the list operators between them, the way
 * `sh` does before running anything. Nothing is expanded or run: a `$` that the shell would
 * expand is kept, marked with {@link EXPANSION_MARK}, so `"$HOME"` and `'$HOME'` stay different.
 */

/** Placed before a `$` or backtick that the shell would expand (unquoted or inside double quotes). */
export const EXPANSION_MARK = '\uE000';

export interface ShellWord {
  /** The argv element after quote removal, with {@link EXPANSION_MARK} before each live expansion. */
  readonly value: string;
  /** The word as typed, quotes included. */
  readonly raw: string;
}

export type RedirectionOperator = '>' | '>>' | '<' | '>|' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirection {
  /** The file descriptor redirected: 0 for `<`, 1 for `>`, or the digits typed before the operator. */
  readonly fd: number;
  readonly operator: RedirectionOperator;
  /** The file name, descriptor number or here-document delimiter. */
  readonly target: string;
  /** The here-document text, for `<<` and `<<-`. */
  readonly body?: string;
}

export interface SimpleCommand {
  readonly words: readonly ShellWord[];
  readonly redirections: readonly Redirection[];
}

/** `\n` stands for a line break, which separates commands like `;`. */
export type ListOperator = '&&' | '||' | ';' | '\n' | '|' | '&';

export interface ShellList {
  readonly commands: readonly SimpleCommand[];
  /** `operators[i]` joins `commands[i]` and `commands[i + 1]`. */
  readonly operators: readonly ListOperator[];
}

export type TokenizeResult = { ok: true; list: ShellList } | { ok: false; message: string };

/** Removes the expansion marks, giving the text as a learner would read it. */
export function displayValue(value: string): string {
  return value.includes(EXPANSION_MARK) ? value.split(EXPANSION_MARK).join('') : value;
}

const OPERATOR_START = new Set(['&', '|', ';', '<', '>', '\n']);
const BLANK = new Set([' ', '\t']);
const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\']);

class Tokenizer {
  private index = 0;
  private readonly commands: SimpleCommand[] = [];
  private readonly operators: ListOperator[] = [];
  private words: ShellWord[] = [];
  private redirections: Redirection[] = [];
  private pendingHereDocuments: { redirection: number; command: Redirection[]; delimiter: string; stripTabs: boolean }[] = [];

  constructor(private readonly text: string) {}

  run(): TokenizeResult {
    try {
      this.scan();
    } catch (error) {
      if (error instanceof ShellSyntaxError) return { ok: false, message: error.message };
      throw error;
    }
    return { ok: true, list: { commands: this.commands, operators: this.operators } };
  }

  private scan(): void {
    const text = this.text;
    while (this.index < text.length) {
      const char = text[this.index]!;
      if (BLANK.has(char)) {
        this.index += 1;
      } else if (char === '\\' && text[this.index + 1] === '\n') {
        this.index += 2;
      } else if (char === '#') {
        while (this.index < text.length && text[this.index] !== '\n') this.index += 1;
      } else if (char === '\n') {
        this.index += 1;
        this.readHereDocuments();
        this.endCommand('\n');
      } else if (OPERATOR_START.has(char)) {
        this.readOperator();
      } else {
        this.readWordOrNumberedRedirection();
      }
    }
    if (this.pendingHereDocuments.length > 0) {
      throw new ShellSyntaxError(`The here-document ended by "${this.pendingHereDocuments[0]!.delimiter}" has no closing line.`);
    }
    this.endCommand(undefined);
    const last = this.operators.length >= this.commands.length ? this.operators[this.operators.length - 1] : undefined;
    if (last === '&&' || last === '||' || last === '|') {
      throw new ShellSyntaxError(`The command line ends with "${last}", which needs a command after it.`);
    }
  }

  /** Closes the current simple command; empty commands between line breaks or `;` are dropped. */
  private endCommand(operator: ListOperator | undefined): void {
    const empty = this.words.length === 0 && this.redirections.length === 0;
    if (empty) {
      if (operator === '&&' || operator === '||' || operator === '|') {
        throw new ShellSyntaxError(`"${operator}" needs a command before it.`);
      }
      if (operator === '\n' || operator === ';' || operator === undefined) return;
    }
    if (!empty) {
      this.commands.push({ words: this.words, redirections: this.redirections });
      this.words = [];
      this.redirections = [];
    }
    if (operator !== undefined && this.commands.length > this.operators.length) this.operators.push(operator);
  }

  private readOperator(): void {
    const text = this.text;
    const two = text.slice(this.index, this.index + 2);
    const three = text.slice(this.index, this.index + 3);
    if (two === '&&' || two === '||') {
      this.index += 2;
      this.endCommand(two);
    } else if (three === '&>>') {
      this.index += 3;
      this.readRedirectionTarget(1, '&>>');
    } else if (two === '&>') {
      this.index += 2;
      this.readRedirectionTarget(1, '&>');
    } else if (two === ';;') {
      throw new ShellSyntaxError('";;" only belongs in a case statement.');
    } else if (text[this.index] === '&' || text[this.index] === '|' || text[this.index] === ';') {
      const operator = text[this.index] as ListOperator;
      this.index += 1;
      this.endCommand(operator);
    } else {
      this.readRedirection(undefined);
    }
  }

  private readRedirection(fd: number | undefined): void {
    const text = this.text;
    const candidates: RedirectionOperator[] = ['<<<', '<<-', '>>', '>|', '<>', '>&', '<&', '<<', '>', '<'];
    const operator = candidates.find((candidate) => text.startsWith(candidate, this.index))!;
    this.index += operator.length;
    const defaultFd = operator.startsWith('<') && operator !== '<>' ? 0 : operator === '<>' ? 0 : 1;
    this.readRedirectionTarget(fd ?? defaultFd, operator);
  }

  private readRedirectionTarget(fd: number, operator: RedirectionOperator): void {
    while (this.index < this.text.length && BLANK.has(this.text[this.index]!)) this.index += 1;
    const next = this.text[this.index];
    if (next === undefined || next === '\n' || OPERATOR_START.has(next)) {
      throw new ShellSyntaxError(`The redirection "${operator}" needs a file name after it.`);
    }
    const word = this.readWord();
    if (operator === '<<' || operator === '<<-') {
      const redirection = { fd, operator, target: word.value.split(EXPANSION_MARK).join('') };
      this.redirections.push(redirection);
      this.pendingHereDocuments.push({ redirection: this.redirections.length - 1, command: this.redirections, delimiter: redirection.target, stripTabs: operator === '<<-' });
      return;
    }
    this.redirections.push({ fd, operator, target: word.value });
  }

  /** Reads the here-document bodies that start after the line break just passed. */
  private readHereDocuments(): void {
    for (const pending of this.pendingHereDocuments) {
      const lines: string[] = [];
      let closed = false;
      while (this.index < this.text.length) {
        const end = this.text.indexOf('\n', this.index);
        const line = this.text.slice(this.index, end === -1 ? this.text.length : end);
        this.index = end === -1 ? this.text.length : end + 1;
        const compared = pending.stripTabs ? line.replace(/^\t+/, '') : line;
        if (compared === pending.delimiter) {
          closed = true;
          break;
        }
        lines.push(compared);
      }
      if (!closed) throw new ShellSyntaxError(`The here-document ended by "${pending.delimiter}" has no closing line.`);
      const redirection = pending.command[pending.redirection]!;
      pending.command[pending.redirection] = { ...redirection, body: lines.join('\n') };
    }
    this.pendingHereDocuments = [];
  }

  private readWordOrNumberedRedirection(): void {
    const text = this.text;
    let end = this.index;
    while (end < text.length && text[end]! >= '0' && text[end]! <= '9') end += 1;
    if (end > this.index && (text[end] === '>' || text[end] === '<')) {
      const fd = Number(text.slice(this.index, end));
      this.index = end;
      this.readRedirection(fd);
      return;
    }
    this.words.push(this.readWord());
  }

  /** Reads one word: quotes removed, backslash escapes applied, `$(...)` and backticks kept whole. */
  private readWord(): ShellWord {
    const text = this.text;
    const start = this.index;
    let value = '';
    while (this.index < text.length) {
      const char = text[this.index]!;
      if (BLANK.has(char) || OPERATOR_START.has(char)) break;
      if (char === "'") {
        const close = text.indexOf("'", this.index + 1);
        if (close === -1) throw new ShellSyntaxError(`A single quote opened at "${excerpt(text, this.index)}" is never closed.`);
        value += text.slice(this.index + 1, close);
        this.index = close + 1;
      } else if (char === '"') {
        value += this.readDoubleQuoted();
      } else if (char === '\\') {
        const next = text[this.index + 1];
        if (next === '\n') {
          this.index += 2;
        } else if (next === undefined) {
          this.index += 1;
        } else {
          value += next;
          this.index += 2;
        }
      } else if (char === '$' || char === '`') {
        value += EXPANSION_MARK + this.readExpansion();
      } else {
        value += char;
        this.index += 1;
      }
    }
    return { value, raw: text.slice(start, this.index) };
  }

  private readDoubleQuoted(): string {
    const text = this.text;
    const open = this.index;
    this.index += 1;
    let value = '';
    while (this.index < text.length) {
      const char = text[this.index]!;
      if (char === '"') {
        this.index += 1;
        return value;
      }
      if (char === '\\') {
        const next = text[this.index + 1];
        if (next === '\n') {
          this.index += 2;
        } else if (next !== undefined && DOUBLE_QUOTE_ESCAPABLE.has(next)) {
          value += next;
          this.index += 2;
        } else {
          value += char;
          this.index += 1;
        }
      } else if (char === '$' || char === '`') {
        value += EXPANSION_MARK + this.readExpansion();
      } else {
        value += char;
        this.index += 1;
      }
    }
    throw new ShellSyntaxError(`A double quote opened at "${excerpt(text, open)}" is never closed.`);
  }

  /** Reads `$name`, `${...}`, `$(...)`, `$((...))` or a backtick substitution as typed. */
  private readExpansion(): string {
    const text = this.text;
    const start = this.index;
    if (text[start] === '`') {
      const close = text.indexOf('`', start + 1);
      if (close === -1) throw new ShellSyntaxError(`A backtick opened at "${excerpt(text, start)}" is never closed.`);
      this.index = close + 1;
      return text.slice(start, this.index);
    }
    const next = text[start + 1];
    if (next === '{' || next === '(') {
      const close = next === '{' ? '}' : ')';
      let depth = 0;
      let index = start + 1;
      for (; index < text.length; index += 1) {
        if (text[index] === next) depth += 1;
        else if (text[index] === close) {
          depth -= 1;
          if (depth === 0) break;
        }
      }
      if (index >= text.length) throw new ShellSyntaxError(`"$${next}" opened at "${excerpt(text, start)}" is never closed.`);
      this.index = index + 1;
      return text.slice(start, this.index);
    }
    let index = start + 1;
    if (next !== undefined && /[@*#?$!0-9-]/.test(next)) {
      index += 1;
    } else {
      while (index < text.length && /[A-Za-z0-9_]/.test(text[index]!)) index += 1;
    }
    this.index = index;
    return text.slice(start, index);
  }
}

class ShellSyntaxError extends Error {}

function excerpt(text: string, index: number): string {
  return text.slice(index, index + 20);
}

/**
 * Splits a typed command line into simple commands, the way a POSIX shell reads it.
 *
 * @example
 *   tokenizeShell('docker build -t "web app" . && docker push x').list?.operators; // ['&&']
 */
export function tokenizeShell(text: string): TokenizeResult {
  return new Tokenizer(text).run();
}
