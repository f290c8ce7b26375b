/**
 * Decompresses Zstandard data (Anki's collection.anki21b) within bounds. Before decoding, every frame
 * header is read here: a frame that would need a window (memory allocated up front by the decoder) over
 * the cap, declares content over the cap, or needs a dictionary is refused. While decoding, fzstd's
 * streaming decoder hands over one block (at most 128 KiB) at a time and the running total is checked.
 */
import { Decompress } from 'fzstd';
import { FORMAT_LIMITS, megabytes } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import type { InflateBudget } from './zip-archive.js';

const ZSTD_MAGIC = 0xfd2fb528;
const MAX_BLOCK = 128 * 1024;

export function decompressZstd(input: Uint8Array, entry: string, budget: InflateBudget): Uint8Array {
  const refuse = (reason: string, offset?: number) =>
    ParseError.inBinary(reason, offset === undefined ? { entry } : { entry, offset });
  checkFrames(input, refuse);
  const limit = Math.min(FORMAT_LIMITS.entryBytes, FORMAT_LIMITS.totalInflatedBytes - budget.used);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const decoder = new Decompress((chunk, final) => {
    total += chunk.length;
    if (total > limit) {
      throw refuse(`decompresses to more than ${megabytes(limit)}: refused as a zip bomb`);
    }
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    decoder.push(input, true);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw refuse(`is not valid Zstandard data (${(error as Error).message})`);
  }
  if (!finished && total === 0) throw refuse('is empty Zstandard data');
  const output = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    output.set(chunk, at);
    at += chunk.length;
  }
  budget.used += total;
  return output;
}

/** Walks every frame and block header without decoding, so that nothing is allocated for a bad frame. */
function checkFrames(input: Uint8Array, refuse: (reason: string, offset?: number) => ParseError): void {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const need = (at: number, length: number) => {
    if (at + length > input.length) throw refuse('is cut short in the middle of a Zstandard frame', at);
  };
  let at = 0;
  let frames = 0;
  while (at < input.length) {
    need(at, 4);
    const magic = view.getUint32(at, true);
    if (magic >>> 4 === 0x184d2a5) {
      // A skippable frame: magic, 4-byte length, data.
      need(at, 8);
      at += 8 + view.getUint32(at + 4, true);
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw refuse('is not Zstandard data (no frame starts here)', at);
    frames++;
    need(at, 5);
    const descriptor = input[at + 4]!;
    const singleSegment = (descriptor >> 5) & 1;
    const hasChecksum = (descriptor >> 2) & 1;
    const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
    const sizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6]!;
    if ((descriptor & 8) !== 0) throw refuse('has a Zstandard frame with a reserved bit set', at + 4);
    let field = at + 5;
    let window = 0;
    if (!singleSegment) {
      need(field, 1);
      const exponent = input[field]! >> 3;
      const base = 2 ** (10 + exponent);
      window = base + (base / 8) * (input[field]! & 7);
      field++;
    }
    need(field, dictionaryBytes + sizeBytes);
    let dictionary = 0;
    for (let i = 0; i < dictionaryBytes; i++) dictionary += input[field + i]! * 2 ** (8 * i);
    if (dictionary !== 0) throw refuse('needs a Zstandard dictionary, which Anki packages never use', at);
    field += dictionaryBytes;
    let contentSize: number | null = null;
    if (sizeBytes > 0) {
      contentSize = 0;
      for (let i = 0; i < sizeBytes; i++) contentSize += input[field + i]! * 2 ** (8 * i);
      if (sizeBytes === 2) contentSize += 256;
    }
    field += sizeBytes;
    if (singleSegment) window = contentSize ?? 0;
    if (window > FORMAT_LIMITS.zstdWindowBytes) {
      throw refuse(
        `needs a ${megabytes(window)} Zstandard window; at most ${megabytes(FORMAT_LIMITS.zstdWindowBytes)} is allowed`,
        at,
      );
    }
    if (contentSize !== null && contentSize > FORMAT_LIMITS.entryBytes) {
      throw refuse(
        `declares ${megabytes(contentSize)} uncompressed; at most ${megabytes(FORMAT_LIMITS.entryBytes)} can be read`,
        at,
      );
    }
    // Blocks: a 3-byte header each (last flag, type, size), then the block's bytes.
    at = field;
    for (;;) {
      need(at, 3);
      const header = input[at]! | (input[at + 1]! << 8) | (input[at + 2]! << 16);
      const last = header & 1;
      const type = (header >> 1) & 3;
      const size = header >>> 3;
      if (type === 3) throw refuse('has a Zstandard block of the reserved type', at);
      if (size > Math.min(MAX_BLOCK, Math.max(window, 1)))
        throw refuse('has a Zstandard block larger than allowed', at);
      at += 3 + (type === 1 ? 1 : size);
      need(at, 0);
      if (last) break;
    }
    at += hasChecksum ? 4 : 0;
    need(at, 0);
  }
  if (frames === 0) throw refuse('holds no Zstandard frame');
}
