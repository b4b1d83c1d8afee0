/**
 * The zip layer of Anki packages (.apkg for decks, .colpkg for a whole collection):
 *
 * - version 1 (Anki before 2.1.0): `collection.anki2`, SQLite schema 11; `media` is JSON such as
 *   `{"0": "cat.jpg"}` mapping zip entry names to file names.
 * - version 2 (Anki 2.1.0 to 2.1.49 with "support older Anki versions" unticked):
 *   `collection.anki21`, the same layout, next to a `collection.anki2` placeholder.
 * - version 3 (Anki 2.1.50 and later): `collection.anki21b`, a zstd-compressed SQLite file with
 *   schema 18; `meta` is a protobuf `PackageMetadata` whose field 1 is the version; `media` is a
 *   zstd-compressed protobuf `MediaEntries` (field 1, repeated `MediaEntry`: 1 name, 2 size,
 *   3 sha1, 255 legacy_zip_filename), where entry i is stored as zip entry `i`, each file
 *   zstd-compressed too. Such a package also contains a `collection.anki2` placeholder (some
 *   Anki versions add a `collection.anki21` one too) with one note asking to update Anki. The
 *   `meta` version decides, so a placeholder is never imported in place of the real collection.
 */
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import { firstVarint, readFields } from './protobuf';

export type PackageErrorCode = 'not-a-zip' | 'too-large' | 'no-collection' | 'too-new' | 'corrupt';

export class PackageError extends Error {
  override readonly name = 'PackageError';
  constructor(
    readonly code: PackageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type PackageVersion = 1 | 2 | 3;

export const COLLECTION_FILES: Record<PackageVersion, string> = {
  1: 'collection.anki2',
  2: 'collection.anki21',
  3: 'collection.anki21b',
};

export interface MediaEntry {
  /** The name fields refer to, such as `cat.jpg`. */
  readonly name: string;
  /** The zip entry that contains the bytes, such as `0`. */
  readonly zipName: string;
}

export interface AnkiPackage {
  readonly version: PackageVersion;
  /** The SQLite database file, decompressed. */
  readonly collection: Uint8Array;
  readonly media: readonly MediaEntry[];
  /** Media names that were skipped because they could leave the media folder, such as `../x`. */
  readonly unsafeMedia: readonly string[];
  /** The bytes of one media file, decompressed; undefined when the zip lacks it. */
  readMedia(entry: MediaEntry): Uint8Array | undefined;
}

/**
 * NOTE: guessed limits that keep a hostile zip (a "zip bomb") from exhausting a phone's memory;
 * real shared decks with audio stay well under them.
 */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

function isZstd(bytes: Uint8Array): boolean {
  return ZSTD_MAGIC.every((byte, index) => bytes[index] === byte);
}

function unzstd(bytes: Uint8Array, what: string): Uint8Array {
  if (!isZstd(bytes)) return bytes;
  try {
    return decompress(bytes);
  } catch (error) {
    throw new PackageError('corrupt', `${what} cannot be decompressed (${error instanceof Error ? error.message : String(error)})`);
  }
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new PackageError('not-a-zip', 'the file is not a zip archive');
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        total += file.originalSize;
        if (file.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
          throw new PackageError('too-large', `the entry ${file.name} would unpack to more than the ${MAX_TOTAL_BYTES / 1024 / 1024} MiB an import may use`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError('corrupt', `the zip archive is damaged or truncated (${error instanceof Error ? error.message : String(error)})`);
  }
}

function packageVersion(files: Record<string, Uint8Array>): PackageVersion {
  const meta = files['meta'];
  if (meta) {
    let version: number | undefined;
    try {
      version = firstVarint(readFields(meta), 1);
    } catch {
      throw new PackageError('corrupt', 'the package\'s "meta" entry is damaged');
    }
    if (version === 1 || version === 2 || version === 3) return version;
    throw new PackageError('too-new', `the package has version ${version ?? 'unknown'}, newer than this importer reads (1 to 3)`);
  }
  // Packages without `meta` predate version 3; Anki itself picks anki21 over anki2.
  if (files[COLLECTION_FILES[2]]) return 2;
  if (files[COLLECTION_FILES[1]]) return 1;
  if (files[COLLECTION_FILES[3]]) return 3;
  throw new PackageError('no-collection', 'the zip has no collection.anki21b, collection.anki21 or collection.anki2, so it is not an Anki package');
}

const decoder = new TextDecoder('utf-8');

function legacyMediaList(bytes: Uint8Array): MediaEntry[] {
  let map: unknown;
  try {
    map = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new PackageError('corrupt', 'the package\'s media list is not valid JSON');
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new PackageError('corrupt', 'the package\'s media list is not a JSON object');
  return Object.entries(map).flatMap(([zipName, name]) => (typeof name === 'string' ? [{ zipName, name }] : []));
}

function mediaEntries(bytes: Uint8Array): MediaEntry[] {
  try {
    return readFields(bytes)
      .filter((field) => field.number === 1 && field.bytes)
      .map((field, index) => {
        const entry = readFields(field.bytes!);
        const name = entry.find((part) => part.number === 1 && part.bytes);
        const legacy = firstVarint(entry, 255);
        return { name: name ? decoder.decode(name.bytes) : '', zipName: String(legacy ?? index) };
      });
  } catch {
    throw new PackageError('corrupt', 'the package\'s media list is damaged');
  }
}

/** Checks that a media name stays inside one folder: no path separators, no `.` or `..`, no NUL. */
export function isSafeMediaName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && name.length <= 255;
}

/** Opens an Anki package and picks the newest collection it declares. */
export function openAnkiPackage(bytes: Uint8Array): AnkiPackage {
  const files = unzip(bytes);
  const version = packageVersion(files);
  const compressed = files[COLLECTION_FILES[version]];
  if (!compressed) throw new PackageError('no-collection', `the package declares version ${version} but has no ${COLLECTION_FILES[version]}`);
  const collection = version === 3 ? unzstd(compressed, COLLECTION_FILES[3]) : compressed;

  const mediaFile = files['media'];
  let listed: MediaEntry[] = [];
  if (mediaFile && mediaFile.length > 0) listed = version === 3 ? mediaEntries(unzstd(mediaFile, 'the media list')) : legacyMediaList(mediaFile);
  const media = listed.filter((entry) => isSafeMediaName(entry.name));
  const unsafeMedia = listed.filter((entry) => !isSafeMediaName(entry.name)).map((entry) => entry.name);

  return {
    version,
    collection,
    media,
    unsafeMedia,
    readMedia(entry) {
      const data = files[entry.zipName];
      if (!data) return undefined;
      return version === 3 ? unzstd(data, `media file ${entry.name}`) : data;
    },
  };
}
