/**
 * A minimal protobuf wire-format reader for the few Anki messages an import needs (package
 * meta, media list, note type and template configs). It reads varints and length-delimited
 * fields and skips the other wire types; a truncated or malformed message throws
 * `ProtobufError`.
 */

export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
}

export interface ProtobufField {
  readonly number: number;
  /** 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit. */
  readonly wireType: number;
  /** The value of a varint field; exact up to 2^53. */
  readonly varint?: number;
  /** The bytes of a length-delimited field. */
  readonly bytes?: Uint8Array;
}

function readVarint(buffer: Uint8Array, start: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let position = start; position < buffer.length && position < start + 10; position++) {
    const byte = buffer[position]!;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [value, position + 1];
    scale *= 128;
  }
  throw new ProtobufError(`a varint at byte ${start} is truncated or longer than 10 bytes`);
}

/** Reads the top-level fields of one message, in wire order. */
export function readFields(buffer: Uint8Array): ProtobufField[] {
  const fields: ProtobufField[] = [];
  let position = 0;
  while (position < buffer.length) {
    const [tag, afterTag] = readVarint(buffer, position);
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (number === 0) throw new ProtobufError(`field number 0 at byte ${position}`);
    position = afterTag;
    if (wireType === 0) {
      const [varint, next] = readVarint(buffer, position);
      fields.push({ number, wireType, varint });
      position = next;
    } else if (wireType === 2) {
      const [length, next] = readVarint(buffer, position);
      if (next + length > buffer.length) throw new ProtobufError(`field ${number} needs ${length} bytes at byte ${next}, but the message ends at ${buffer.length}`);
      fields.push({ number, wireType, bytes: buffer.subarray(next, next + length) });
      position = next + length;
    } else if (wireType === 1 || wireType === 5) {
      position += wireType === 1 ? 8 : 4;
      if (position > buffer.length) throw new ProtobufError(`field ${number} is truncated`);
      fields.push({ number, wireType });
    } else {
      throw new ProtobufError(`unsupported wire type ${wireType} for field ${number}`);
    }
  }
  return fields;
}

const decoder = new TextDecoder('utf-8');

export function firstVarint(fields: readonly ProtobufField[], number: number): number | undefined {
  return fields.find((field) => field.number === number && field.wireType === 0)?.varint;
}

export function firstString(fields: readonly ProtobufField[], number: number): string | undefined {
  const bytes = fields.find((field) => field.number === number && field.wireType === 2)?.bytes;
  return bytes && decoder.decode(bytes);
}
