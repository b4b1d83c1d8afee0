import type { Io } from './io';

/** One `layerdeck` subcommand: its help lines and how it runs. */
export interface Command {
  /** One line for the command list, starting with the usage, e.g. `lint <deck.json>...`. */
  readonly usage: string;
  readonly summary: string;
  /** Returns the exit status. */
  run(args: string[], io: Io): Promise<number>;
}
