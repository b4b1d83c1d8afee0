/**
 * Decodes the bytes of a text file. Anki reads UTF-8 only, but files from spreadsheets arrive in
 * other encodings too: Excel's "Unicode Text" export is UTF-16 with a byte order mark, and older
 * CSV exports use Windows-1252. Invalid UTF-8 without a byte order mark is read as Windows-1252,
 * which maps every byte to a character, so nothing is lost silently and the caller can warn.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * Tells whether bytes look like a binary file rather than text: a NUL byte, or many control
 * characters other than tab, line feed, form feed and carriage return, in the first 8 KiB.
 * UTF-16 files, which hold NUL bytes, are recognized by their byte order mark first.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) controls += 1;
  }
  return controls > sample.length / 100;
}

export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // The decoder drops a UTF-8 byte order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // NOTE: Node 20 decodes this label as ISO-8859-1, so bytes 0x80-0x9F (such as € at 0x80)
    // come out as control characters in the CLI; browsers follow the WHATWG table.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
