/**
 * Reads a whole typed answer: a list of commands joined by `&&`, `;`, new lines or pipes.
 * `cd DIR` and variable assignments are applied, not compared: later paths resolve against the
 * directory and later `$NAME` words take the assigned value.
 */
import type { Feedback } from '../verdict';
import { TOOLS } from './grammars/index';
import { normalizePath } from './paths';
import { readCommand } from './parse';
import type { CommandForm } from './parse';
import type { ReadContext } from './spec';
import { EXPANSION_MARK, tokenizeShell } from './tokenize';
import type { ListOperator, ShellWord, SimpleCommand } from './tokenize';

/** How two commands are joined: `then` for `&&`, `;` and new lines, which all run the next command after a success. */
export type Join = 'then' | '|' | '||' | '&';

export interface ChainForm {
  readonly commands: readonly CommandForm[];
  /** `joins[i]` joins `commands[i]` and `commands[i + 1]`. */
  readonly joins: readonly Join[];
}

export type ChainResult = { ok: true; chain: ChainForm } | { ok: false; feedback: Feedback };

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

function joinOf(operator: ListOperator): Join {
  return operator === '&&' || operator === ';' || operator === '\n' ? 'then' : operator;
}

/** Replaces `$NAME` and `${NAME}` expansions of variables assigned earlier in the chain. */
function substitute(word: ShellWord, variables: ReadonlyMap<string, string>): ShellWord {
  if (variables.size === 0 || !word.value.includes(EXPANSION_MARK)) return word;
  const value = word.value.replace(/\uE000\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (match, braced: string | undefined, plain: string | undefined) => {
    const replacement = variables.get((braced ?? plain)!);
    return replacement ?? match;
  });
  return { ...word, value };
}

/** Applies `cd` and assignments; returns true when the command only changed that state. */
function applyShellState(command: SimpleCommand, state: { cwd: string; variables: Map<string, string> }): boolean {
  const words = command.words.map((word) => word.value);
  if (words[0] === 'cd' && command.redirections.length === 0) {
    state.cwd = normalizePath(words[1] ?? '~', state.cwd);
    return true;
  }
  const assignments = words[0] === 'export' ? words.slice(1) : words;
  if (assignments.length > 0 && assignments.every((word) => ASSIGNMENT.test(word))) {
    for (const assignment of assignments) {
      const [, name, value] = ASSIGNMENT.exec(assignment)!;
      state.variables.set(name!, value!);
    }
    return true;
  }
  return false;
}

/**
 * Tokenizes and reads a typed command line into a {@link ChainForm}. `context` carries facts from
 * the task about the files around the commands, such as the build file in the context root.
 *
 * @example
 *   readChain('cd app && docker build -t web:1 .'); // one `docker build` whose context is `app`
 */
export function readChain(text: string, context: ReadContext = {}): ChainResult {
  const tokens = tokenizeShell(text);
  if (!tokens.ok) return { ok: false, feedback: { code: 'shell-syntax-error', actual: text, message: tokens.message } };

  const state = { cwd: '.', variables: new Map<string, string>() };
  const commands: CommandForm[] = [];
  const joins: Join[] = [];
  let pendingJoin: Join | undefined;

  tokens.list.commands.forEach((command, index) => {
    const operator = index > 0 ? tokens.list.operators[index - 1] : undefined;
    if (operator !== undefined && commands.length > 0) {
      const join = joinOf(operator);
      pendingJoin = pendingJoin === undefined || pendingJoin === 'then' ? join : pendingJoin;
    }
    if (applyShellState(command, state)) return;

    const substituted = { ...command, words: command.words.map((word) => substitute(word, state.variables)) };
    commands.push(readCommand(substituted, TOOLS, state.cwd, context));
    if (commands.length > 1) joins.push(pendingJoin ?? 'then');
    pendingJoin = undefined;
  });

  if (commands.length === 0) {
    return { ok: false, feedback: { code: 'empty-answer', actual: text, message: 'The answer contains no command.' } };
  }
  return { ok: true, chain: { commands, joins } };
}
