import type { Command } from './command';
import { convertCommand } from './commands/convert';
import { gradeCommand } from './commands/grade';
import { lintCommand } from './commands/lint';
import { replayCommand } from './commands/replay';
import { resolveCommand } from './commands/resolve';
import { schemaCommand } from './commands/schema';
import { showCommand } from './commands/show';
import type { Io } from './io';

export type { Io } from './io';

/** Every subcommand; add a command by adding a row. */
const COMMANDS: Record<string, Command> = {
  convert: convertCommand,
  grade: gradeCommand,
  lint: lintCommand,
  replay: replayCommand,
  schema: schemaCommand,
  show: showCommand,
  resolve: resolveCommand,
};

function usage(): string {
  const rows = Object.values(COMMANDS).map((command) => `  layerdeck ${command.usage}\n      ${command.summary}`);
  return `Usage: layerdeck <command> [arguments]\n\nCommands:\n${rows.join('\n')}\n  layerdeck help\n      Show this text.\n`;
}

/** Runs one CLI command and returns its exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`layerdeck: unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(rest, io);
}
