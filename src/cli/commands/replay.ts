import { readFile } from 'node:fs/promises';
import type { Command } from '../command';
import type { Io } from '../io';
import { DEFAULT_PRESET, validatePreset } from '../../domain/schedule/preset';
import type { Preset } from '../../domain/schedule/preset';
import { parseRevlog } from '../../domain/schedule/revlog';
import { replayRecord, replayRevlog } from '../../domain/schedule/replay';
import { assertTimeZone } from '../../domain/schedule/study-day';

const USAGE = 'replay <revlog.csv> [--tz ZONE] [--rollover HOUR] [--options FILE]';

const HELP = `Usage: layerdeck ${USAGE}

Replays a review history in the FSRS revlog CSV layout
(card_id,review_time,review_rating,review_state,review_duration; review_time in epoch
milliseconds; review_rating 1-4 for Again, Hard, Good, Easy) through the app's scheduler and
prints one JSON line per card, in order of first appearance.

Options:
  --tz ZONE        IANA time zone the learner studies in, such as Europe/Berlin (default UTC).
  --rollover HOUR  Local hour (0-23) at which a study day starts (default: the preset's, 4).
  --options FILE   JSON file with a deck preset; fields left out take the default preset.

Exit status: 0 on success, 1 for a malformed history, 2 for invalid arguments or an unreadable file.
`;

interface ReplayArguments {
  readonly file: string;
  readonly timeZone: string;
  readonly rolloverText: string | undefined;
  readonly optionsFile: string | undefined;
}

/** An invalid argument or unreadable input, which the command prints before exiting with status 2. */
class UsageError extends Error {}

/** Options that take a value, each with an example for the message when the value is missing. */
const VALUE_OPTIONS: Record<string, string> = {
  '--tz': '--tz Europe/Berlin',
  '--rollover': '--rollover 4',
  '--options': '--options preset.json',
};

function parseArguments(args: readonly string[]): ReplayArguments | 'help' {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    const inlineValue = equals >= 0 ? arg.slice(equals + 1) : undefined;
    const example = VALUE_OPTIONS[name];
    if (example !== undefined) {
      const value = inlineValue ?? args[++index];
      if (value === undefined || value === '') throw new UsageError(`${name} is missing its value, for example: ${example}`);
      values.set(name, value);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      positional.push(arg);
    }
  }
  const file = positional[0];
  if (file === undefined) throw new UsageError('the review history file is missing, for example: layerdeck replay revlog.csv');
  if (positional.length > 1) throw new UsageError(`expected one review history file, got ${positional.length}: ${positional.join(' ')}`);
  return { file, timeZone: values.get('--tz') ?? 'UTC', rolloverText: values.get('--rollover'), optionsFile: values.get('--options') };
}

function readError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`${file}: file not found`);
  if (code === 'EISDIR') return new UsageError(`${file}: is a directory, not a file`);
  return new UsageError(`${file}: failed to read (${code ?? String(error)})`);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw readError(file, error);
  }
}

async function loadPreset(optionsFile: string | undefined): Promise<Preset> {
  if (optionsFile === undefined) return DEFAULT_PRESET;
  let options: unknown;
  try {
    options = JSON.parse((await readText(optionsFile)).replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${optionsFile}: invalid JSON (${(error as Error).message})`);
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new UsageError(`${optionsFile}: expected a JSON object with preset fields such as "maximumInterval"`);
  }
  const checked = validatePreset({ ...DEFAULT_PRESET, ...options });
  if (!checked.ok) {
    throw new UsageError(checked.problems.map((problem) => `${optionsFile}: ${problem.field}: ${problem.message}`).join('\n'));
  }
  return checked.preset;
}

function withRollover(preset: Preset, rolloverText: string | undefined): Preset {
  if (rolloverText === undefined) return preset;
  if (!/^\d{1,2}$/.test(rolloverText) || Number(rolloverText) > 23) {
    throw new UsageError(`--rollover must be a whole hour from 0 to 23, got ${rolloverText}`);
  }
  return { ...preset, rolloverHour: Number(rolloverText) };
}

function checkTimeZone(timeZone: string): void {
  try {
    assertTimeZone(timeZone);
  } catch {
    throw new UsageError(`--tz: "${timeZone}" is not an IANA time zone. Use a name such as UTC, Europe/Berlin or America/New_York.`);
  }
}

async function replay(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseArguments(args);
  if (parsed === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  checkTimeZone(parsed.timeZone);
  const preset = withRollover(await loadPreset(parsed.optionsFile), parsed.rolloverText);
  const text = await readText(parsed.file);

  const { entries, notes, problems } = parseRevlog(text);
  for (const note of notes) io.stderr.write(`${parsed.file}:${note.line}: note: ${note.message}\n`);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr.write(`${parsed.file}:${problem.line}: ${problem.message}\n`);
    io.stderr.write(`layerdeck replay: ${parsed.file} has ${problems.length} malformed ${problems.length === 1 ? 'row' : 'rows'}, so nothing was replayed.\n`);
    return 1;
  }

  for (const card of replayRevlog(entries, preset, parsed.timeZone)) {
    io.stdout.write(`${JSON.stringify(replayRecord(card, parsed.timeZone, preset.rolloverHour))}\n`);
  }
  return 0;
}

export const replayCommand: Command = {
  usage: USAGE,
  summary: "Replay an FSRS revlog CSV through the scheduler and print each card's state as a JSON line (exit status 1 on a malformed row).",
  async run(args, io) {
    try {
      return await replay(args, io);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`${error.message.split('\n').map((line) => `layerdeck replay: ${line}`).join('\n')}\n`);
      return 2;
    }
  },
};
