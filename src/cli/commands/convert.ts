import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from '../command';
import type { Io } from '../io';
import type { ImportOutcome } from '../../domain/import/problems';
import { formatImportProblem } from '../../domain/import/problems';
import { decodeTextFile, looksBinary } from '../../domain/import/encoding';
import { separatorFromValue } from '../../domain/import/text-header';

const USAGE = 'convert <input> [-o <deck.json>] [--separator <tab|comma|semicolon|pipe|colon|space|character>]';

interface Arguments {
  readonly input: string;
  readonly output?: string;
  readonly separator?: string;
}

function parseArguments(args: string[]): Arguments | string {
  let input: string | undefined;
  let output: string | undefined;
  let separator: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '-o' || arg === '--output') {
      output = args[++index];
      if (output === undefined) return `${arg} needs a file name, for example: -o deck.json`;
    } else if (arg === '--separator') {
      const value = args[++index];
      separator = value === undefined ? undefined : separatorFromValue(value);
      if (separator === undefined) return `--separator needs tab, comma, semicolon, pipe, colon, space or a single character, got ${JSON.stringify(value ?? '')}`;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${arg}`;
    } else if (input === undefined) {
      input = arg;
    } else {
      return `expected one input file, got ${JSON.stringify(input)} and ${JSON.stringify(arg)}`;
    }
  }
  if (input === undefined) return 'name the file to convert, for example: layerdeck convert deck.apkg -o deck.json';
  return { input, ...(output !== undefined && { output }), ...(separator !== undefined && { separator }) };
}

/** Runs the importer that matches the file extension, the same code the app runs. */
async function convertFile(path: string, bytes: Uint8Array, separator: string | undefined, warn: (message: string) => void): Promise<ImportOutcome | string> {
  const extension = extname(path).toLowerCase();
  const name = path.split(/[\\/]/).pop() ?? path;
  const isPackage = extension === '.apkg' || extension === '.colpkg';
  if (!isPackage && looksBinary(bytes)) return `${name} does not look like a text file (it holds NUL or control bytes); export the deck as CSV, TSV or JSON and convert that file`;
  const decoded = decodeTextFile(bytes);
  const text = () => decoded.text;
  if (extension !== '.apkg' && extension !== '.colpkg' && decoded.encoding === 'windows-1252') {
    warn(`${name} is not UTF-8, so it was read as Windows-1252; if letters look wrong, save it as UTF-8 and convert it again.`);
  }

  if (extension === '.json') {
    const { convertJsonDeck } = await import('../../domain/import/json-deck');
    return convertJsonDeck(name, text());
  }
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') {
    const { convertTextFile, inspectTextFile } = await import('../../domain/import/text-file');
    const preview = inspectTextFile(text(), separator ?? (extension === '.tsv' ? '\t' : undefined));
    return convertTextFile(name, text(), { separator: preview.separator, roles: [...preview.roles], skipFirstRow: preview.firstRowIsHeader });
  }
  if (extension === '.apkg' || extension === '.colpkg') {
    const [{ importAnkiPackage }, { default: initSqlJs }] = await Promise.all([import('../../domain/import/apkg/import-package'), import('sql.js')]);
    const SQL = await initSqlJs();
    return importAnkiPackage(name, bytes, (collection) => new SQL.Database(collection));
  }
  return `cannot convert ${JSON.stringify(path)}: expected a .json, .csv, .tsv, .txt, .apkg or .colpkg file`;
}

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`layerdeck convert: ${parsed}\nUsage: layerdeck ${USAGE}\n`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(parsed.input));
  } catch (error) {
    io.stderr.write(`layerdeck convert: ${parsed.input} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 1;
  }

  const outcome = await convertFile(parsed.input, bytes, parsed.separator, (message) => io.stderr.write(`warning: ${message}\n`));
  if (typeof outcome === 'string') {
    io.stderr.write(`layerdeck convert: ${outcome}\n`);
    return 2;
  }
  if (!outcome.ok) {
    for (const problem of outcome.problems) io.stderr.write(`${formatImportProblem(problem)}\n`);
    io.stderr.write(`layerdeck convert: ${parsed.input} was not converted.\n`);
    return 1;
  }

  const { deck, warnings, media, history } = outcome.value;
  for (const warning of warnings) io.stderr.write(`warning: ${formatImportProblem(warning)}\n`);
  if (media.length > 0) io.stderr.write(`note: ${media.length} media files are not written; a deck file holds text only, so import the package in the app to keep them.\n`);
  if (history.length > 0) io.stderr.write(`note: ${history.length} reviews are not written; a deck file holds no history, so import the package in the app to keep them.\n`);

  const json = `${JSON.stringify(deck, null, 2)}\n`;
  if (parsed.output === undefined || parsed.output === '-') {
    io.stdout.write(json);
  } else {
    try {
      await writeFile(parsed.output, json);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      let reason = String(code ?? error);
      if (code === 'ENOENT') reason = 'its folder does not exist';
      if (code === 'EACCES') reason = 'permission denied';
      io.stderr.write(`layerdeck convert: cannot write ${parsed.output}: ${reason}; choose another path with -o.\n`);
      return 2;
    }
    io.stderr.write(`${parsed.output}: ${deck.cards.length} ${deck.cards.length === 1 ? 'card' : 'cards'} written.\n`);
  }
  return 0;
}

export const convertCommand: Command = {
  usage: USAGE,
  summary: 'Convert an Anki text file (CSV, TSV), an Anki package (.apkg, .colpkg) or a deck JSON file to a Layerdeck deck, with the importers the app uses.',
  run,
};
