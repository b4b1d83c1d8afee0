import { describe, expect, it } from 'vitest';
import { readRows } from '../../../src/domain/import/csv-rows';
import { looksBinary } from '../../../src/domain/import/encoding';
import { inspectTextFile } from '../../../src/domain/import/text-file';

describe('text import regressions', () => {
  it('numbers lines of a file with lone carriage returns', () => {
    const { rows } = readRows('a,b\rc,d\re,f\r', ',', { firstLine: 1 });
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
  });

  it('counts a CRLF line break once', () => {
    const { rows } = readRows('a,b\r\nc,d\r\n', ',', { firstLine: 1 });
    expect(rows.map((row) => row.line)).toEqual([1, 2]);
  });

  it('previews a lone-CR file with distinct line numbers', () => {
    const preview = inspectTextFile('front,back\rWhat is CMD?,Default args\rWhat is ENTRYPOINT?,The executable\r', ',');
    const lines = preview.rows.map((row) => row.line);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe('looksBinary', () => {
  it('flags a NUL byte', () => {
    expect(looksBinary(new Uint8Array([0x61, 0x00, 0x62]))).toBe(true);
  });

  it('flags many control bytes', () => {
    expect(looksBinary(new Uint8Array(Array.from({ length: 200 }, (_, index) => (index % 10 === 0 ? 0x07 : 0x61))))).toBe(true);
  });

  it('accepts text with tabs and line breaks', () => {
    expect(looksBinary(new TextEncoder().encode('front\tback\r\nCMD\tdefault args\n'))).toBe(false);
  });

  it('accepts UTF-16 with a byte order mark', () => {
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]))).toBe(false);
  });
});
