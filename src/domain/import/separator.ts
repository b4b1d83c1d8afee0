/**
 * Guesses the field separator of a text file that names none. Anki's reader
 * (`rslib/src/import_export/text/csv/metadata.rs`) takes the first of tab, pipe, semicolon,
 * colon, comma and space that occurs anywhere in the first 8 KiB. So a comma file with a field
 * like `myapp:1.0` or `key: value` is split at the colons. Here
 * each candidate splits a sample of records (quotes respected) and must give the same field
 * count of at least two on most records; colon and space are tried only when no other fits,
 * because they are common inside answers.
 */
import { readRows } from './csv-rows';

const PRIMARY = ['\t', ',', ';', '|'];
const FALLBACK = [':', ' '];
const SAMPLE_RECORDS = 100;
/** Share of sampled records that must have the most common field count. */
const MIN_CONSISTENCY = 0.8;

export interface SeparatorGuess {
  readonly separator: string;
  /** False when no candidate fits and the tab is only a default. */
  readonly confident: boolean;
}

interface Score {
  readonly separator: string;
  /** Share of records whose field count equals the most common count. */
  readonly consistency: number;
  readonly fields: number;
}

function score(body: string, separator: string): Score {
  const { rows } = readRows(body, separator, { limit: SAMPLE_RECORDS });
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.fields.length, (counts.get(row.fields.length) ?? 0) + 1);
  let fields = 0;
  let most = 0;
  for (const [count, records] of counts) {
    if (records > most || (records === most && count > fields)) {
      fields = count;
      most = records;
    }
  }
  return { separator, consistency: rows.length === 0 ? 0 : most / rows.length, fields };
}

function best(body: string, candidates: readonly string[]): Score | undefined {
  let chosen: Score | undefined;
  for (const candidate of candidates) {
    const result = score(body, candidate);
    if (result.fields < 2 || result.consistency < MIN_CONSISTENCY) continue;
    // Candidates come in order of preference, so a later one must be strictly more consistent.
    if (!chosen || result.consistency > chosen.consistency) chosen = result;
  }
  return chosen;
}

export function guessSeparator(body: string): SeparatorGuess {
  const chosen = best(body, PRIMARY) ?? best(body, FALLBACK);
  return chosen ? { separator: chosen.separator, confident: true } : { separator: '\t', confident: false };
}
