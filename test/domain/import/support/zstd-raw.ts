/**
 * Writes a zstd frame made of raw (stored) blocks, as RFC 8878 allows: a valid frame that any
 * decoder reads, which lets tests build version 3 Anki packages without a zstd compressor.
 */
const MAX_BLOCK = 128 * 1024;

export function zstdRaw(data: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (let offset = 0; offset < data.length || blocks.length === 0; offset += MAX_BLOCK) {
    const chunk = data.subarray(offset, Math.min(offset + MAX_BLOCK, data.length));
    const last = offset + MAX_BLOCK >= data.length ? 1 : 0;
    // Block header: bit 0 last block, bits 1-2 block type (0 = raw), bits 3-23 size.
    const header = (chunk.length << 3) | last;
    blocks.push(new Uint8Array([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk);
  }
  // Frame header descriptor 0xa0: single segment, 4-byte frame content size, no checksum.
  const size = data.length;
  const head = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xa0, size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, (size >>> 24) & 0xff]);
  const total = head.length + blocks.reduce((sum, block) => sum + block.length, 0);
  const frame = new Uint8Array(total);
  let position = 0;
  for (const part of [head, ...blocks]) {
    frame.set(part, position);
    position += part.length;
  }
  return frame;
}
