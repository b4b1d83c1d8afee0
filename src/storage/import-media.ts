/** Media of imported decks: stored base64-encoded, read back as Blobs for object URLs. */
import type { LayerdeckDatabase, MediaRecord } from './db';
import { classifyStorageError } from './errors';

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its bytes as arguments, so large files go in chunks.
  for (let offset = 0; offset < bytes.length; offset += CHUNK) binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function mediaKey(deckId: string, name: string): string {
  return `${deckId}/${name}`;
}

export function mediaRecord(deckId: string, file: { name: string; type: string; data: Uint8Array }): MediaRecord {
  return { key: mediaKey(deckId, file.name), deckId, name: file.name, type: file.type, data: toBase64(file.data) };
}

/**
 * Reads one media file as a Blob: the deck's own file when `deckId` is given and has it, else
 * the first file of that name in any deck. Returns undefined when no deck has it.
 */
export async function loadMedia(db: LayerdeckDatabase, deckId: string | undefined, name: string): Promise<Blob | undefined> {
  try {
    const record = (deckId === undefined ? undefined : await db.media.get(mediaKey(deckId, name))) ?? (await db.media.where('name').equals(name).first());
    if (!record) return undefined;
    return new Blob([fromBase64(record.data) as Uint8Array<ArrayBuffer>], { type: record.type });
  } catch (error) {
    throw classifyStorageError(error);
  }
}
