/**
 * Imports an Anki package from its bytes: unzip, pick the collection, read it with SQLite, then
 * convert. The caller passes the SQLite opener, so Node and a browser worker can each load
 * sql.js their own way. Progress goes to `onProgress` as a fraction from 0 to 1.
 */
import type { ImportOutcome, ImportProblem, MediaFile } from '../problems';
import { CollectionError, readCollection } from './collection';
import type { SqliteDatabase } from './collection';
import { convertCollection } from './convert';
import { mediaType } from './media-types';
import { openAnkiPackage, PackageError } from './package';
import { ProtobufError } from './protobuf';

export type OpenSqlite = (bytes: Uint8Array) => SqliteDatabase;

export type ImportStage = 'unzip' | 'database' | 'media' | 'convert';
export type ProgressListener = (stage: ImportStage, fraction: number) => void;

const ADVICE: Record<string, string> = {
  'not-a-zip': 'choose an .apkg or .colpkg file exported from Anki',
  'too-large': 'export a smaller deck from Anki, or leave out the media',
  'no-collection': 'choose an .apkg or .colpkg file exported from Anki',
  'too-new': 'export it from Anki with "Support older Anki versions" ticked, then import that file',
  corrupt: 'the file may be incomplete, so download or export it again',
};

export function importAnkiPackage(fileName: string, bytes: Uint8Array, openSqlite: OpenSqlite, onProgress: ProgressListener = () => {}): ImportOutcome {
  const fail = (message: string, location = ''): ImportOutcome => ({ ok: false, problems: [{ file: fileName, location, message }] });

  onProgress('unzip', 0);
  let pack;
  try {
    pack = openAnkiPackage(bytes);
  } catch (error) {
    if (error instanceof PackageError) return fail(`${error.message}; ${ADVICE[error.code]}`);
    throw error;
  }

  onProgress('database', 0.3);
  let db: SqliteDatabase | undefined;
  let rows;
  try {
    db = openSqlite(pack.collection);
    rows = readCollection(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof CollectionError || error instanceof ProtobufError) return fail(`${reason}; ${ADVICE.corrupt}`, pack.version === 3 ? 'collection.anki21b' : 'collection');
    return fail(`the collection database cannot be read (${reason}); ${ADVICE.corrupt}`);
  } finally {
    db?.close();
  }

  const warnings: ImportProblem[] = pack.unsafeMedia.map((name) => ({
    file: fileName,
    location: 'media',
    message: `the media file name ${JSON.stringify(name)} points outside the media folder and was skipped`,
  }));
  const media: MediaFile[] = [];
  pack.media.forEach((entry, index) => {
    if (index % 50 === 0) onProgress('media', 0.5 + (0.4 * index) / pack.media.length);
    let data: Uint8Array | undefined;
    try {
      data = pack.readMedia(entry);
    } catch (error) {
      warnings.push({ file: fileName, location: 'media', message: `${error instanceof Error ? error.message : String(error)}; the file was skipped` });
      return;
    }
    if (data === undefined) warnings.push({ file: fileName, location: 'media', message: `the media file ${entry.name} is listed but missing from the package and was skipped` });
    else media.push({ name: entry.name, type: mediaType(entry.name), data });
  });

  onProgress('convert', 0.9);
  const outcome = convertCollection({ fileName, rows, media, warnings });
  onProgress('convert', 1);
  return outcome;
}
