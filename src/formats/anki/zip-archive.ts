/**
 * Reads a zip archive's central directory and inflates chosen entries, within bounds.
 *
 * Why not a zip library for reading: fflate (used to write packages) inflates into a buffer of the size the
 * entry *declares* and keeps decoding past it, silently truncating — a lying entry costs seconds of CPU per
 * megabyte and is never detected. Here every entry is checked before inflating (declared size, compression
 * ratio, running total, method, encryption) and inflated by Node's zlib with `maxOutputLength`, which stops
 * the moment the output passes the declared size; the result's length and CRC-32 must then match.
 *
 * An archive is read through a ByteSource: all of it in memory, or a file read where needed (the end record,
 * the central directory, the entries chosen), so that a package of hundreds of megabytes of media costs
 * only what its collection does.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { FORMAT_LIMITS, megabytes } from '../format-limits.js';
import { ParseError } from '../parse-error.js';

/** Random access to an archive's bytes. */
export interface ByteSource {
  readonly size: number;
  /** The bytes at `offset`; fewer than `length` only past the end. */
  read(offset: number, length: number): Uint8Array;
}

/** An archive held in memory. */
export const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: (offset, length) => bytes.subarray(offset, offset + length),
});

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  (bytes[2] === 3 || bytes[2] === 5) &&
  bytes[3] === bytes[2] + 1;

const fail = (reason: string, offset?: number): ParseError =>
  ParseError.inBinary(reason, offset === undefined ? {} : { offset });

/** Part of an archive (`bytes`, which start at `base` in it), read by offsets in the whole archive. */
class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly base = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** `length` bytes of the archive from `offset`, read from the source (checked with `has`). */
  static at(source: ByteSource, offset: number, length: number): Reader {
    const start = Math.max(0, Math.min(offset, source.size));
    return new Reader(source.read(start, Math.max(0, Math.min(length, source.size - start))), start);
  }
  has(offset: number, length: number): boolean {
    return offset >= this.base && offset + length <= this.base + this.bytes.length;
  }
  slice(offset: number, length: number): Uint8Array {
    return this.bytes.subarray(offset - this.base, offset - this.base + length);
  }
  u16(offset: number): number {
    return this.view.getUint16(offset - this.base, true);
  }
  u32(offset: number): number {
    return this.view.getUint32(offset - this.base, true);
  }
  u64(offset: number): number {
    const value = this.view.getBigUint64(offset - this.base, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw fail('a zip64 size or offset is impossibly large', offset);
    return Number(value);
  }
}

const sourceOf = (input: Uint8Array | ByteSource): ByteSource =>
  input instanceof Uint8Array ? bytesSource(input) : input;

/** Lists the entries; refuses what is not a whole zip archive (a truncated one has no end record). */
export function readZipDirectory(input: Uint8Array | ByteSource): ZipEntry[] {
  const source = sourceOf(input);
  const tail = Reader.at(source, source.size - EOCD_SIZE - MAX_COMMENT, EOCD_SIZE + MAX_COMMENT);
  const eocd = findEndOfCentralDirectory(tail, source.size);
  if (tail.u16(eocd + 4) !== 0 || tail.u16(eocd + 6) !== 0) {
    throw fail('the archive spans several disks; Recall reads single-file zip archives only', eocd);
  }
  let count = tail.u16(eocd + 10);
  let size = tail.u32(eocd + 12);
  let start = tail.u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    ({ count, size, start } = readZip64End(source, eocd));
  }
  if (count > FORMAT_LIMITS.zipEntries) {
    throw fail(`the archive lists ${count} files; at most ${FORMAT_LIMITS.zipEntries} are allowed`, eocd);
  }
  if (start < 0 || start + size > eocd) {
    throw fail('the zip central directory lies outside the file: the archive is truncated or damaged', eocd);
  }
  if (size > FORMAT_LIMITS.zipDirectoryBytes) {
    throw fail(
      `the zip central directory is ${megabytes(size)}; at most ${megabytes(FORMAT_LIMITS.zipDirectoryBytes)} is read`,
      eocd,
    );
  }
  const reader = Reader.at(source, start, size);
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (!reader.has(at, 46) || reader.u32(at) !== CENTRAL_SIGNATURE) {
      throw fail(`zip directory entry ${i + 1} of ${count} is damaged`, at);
    }
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > start + size)
      throw fail(`zip directory entry ${i + 1} of ${count} runs past the directory`, at);
    const entry: ZipEntry = {
      name: new TextDecoder('utf-8').decode(reader.slice(at + 46, nameLength)),
      flags: reader.u16(at + 8),
      method: reader.u16(at + 10),
      crc32: reader.u32(at + 16),
      compressedSize: reader.u32(at + 20),
      uncompressedSize: reader.u32(at + 24),
      localHeaderOffset: reader.u32(at + 42),
    };
    applyZip64Extra(reader, entry, at + 46 + nameLength, extraLength);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** The end record, searched for in the archive's last bytes (`tail`) from the end back over its comment. */
function findEndOfCentralDirectory(tail: Reader, size: number): number {
  const lowest = Math.max(0, size - EOCD_SIZE - MAX_COMMENT);
  for (let at = size - EOCD_SIZE; at >= lowest; at--) {
    if (tail.u32(at) === EOCD_SIGNATURE && at + EOCD_SIZE + tail.u16(at + 20) === size) return at;
  }
  throw fail('the zip archive has no end record: it is truncated or not a zip file');
}

function readZip64End(source: ByteSource, eocd: number): { count: number; size: number; start: number } {
  const locator = Reader.at(source, eocd - 20, 20);
  if (!locator.has(eocd - 20, 20) || locator.u32(eocd - 20) !== ZIP64_LOCATOR_SIGNATURE) {
    throw fail('the zip archive says it is zip64 but has no zip64 end record', eocd);
  }
  const at = locator.u64(eocd - 12);
  const record = Reader.at(source, at, 56);
  if (!record.has(at, 56) || record.u32(at) !== ZIP64_EOCD_SIGNATURE) {
    throw fail('the zip64 end record is damaged', at);
  }
  return { count: record.u64(at + 32), size: record.u64(at + 40), start: record.u64(at + 48) };
}

/** Zip64 keeps sizes that do not fit 32 bits in extra field 0x0001, in a fixed order, only those that overflowed. */
function applyZip64Extra(reader: Reader, entry: ZipEntry, start: number, length: number): void {
  const overflowed = ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const;
  if (!overflowed.some((key) => entry[key] === 0xffffffff)) return;
  for (let at = start; at + 4 <= start + length;) {
    const id = reader.u16(at);
    const size = reader.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of overflowed) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) throw fail(`the zip64 sizes of ${entry.name} are damaged`, at);
        entry[key] = reader.u64(field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
  throw fail(`${entry.name} needs zip64 sizes that the archive does not give`, start);
}

export interface InflateBudget {
  /** Bytes inflated so far from this archive, including other layers (zstd); updated by each call. */
  used: number;
}

/**
 * The entry's bytes, refusing zip bombs before inflating (declared size over the cap, an absurd compression
 * ratio, the running total over the cap) and while inflating (more bytes than declared).
 */
export function readZipEntry(
  input: Uint8Array | ByteSource,
  entry: ZipEntry,
  budget: InflateBudget,
): Uint8Array {
  const source = sourceOf(input);
  const where = { entry: entry.name };
  const refuse = (reason: string) => ParseError.inBinary(reason, where);
  if ((entry.flags & 1) !== 0) throw refuse('is encrypted; Recall reads unencrypted packages only');
  if (entry.method !== 0 && entry.method !== 8) {
    throw refuse(
      `uses zip compression method ${entry.method}; only stored (0) and deflate (8) are supported`,
    );
  }
  if (entry.uncompressedSize > FORMAT_LIMITS.entryBytes) {
    throw refuse(
      `declares ${megabytes(entry.uncompressedSize)} uncompressed; at most ${megabytes(FORMAT_LIMITS.entryBytes)} can be read`,
    );
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > FORMAT_LIMITS.ratioCheckFloorBytes && ratio > FORMAT_LIMITS.compressionRatio) {
    throw refuse(
      `would inflate ${Math.round(ratio)} times (${megabytes(entry.compressedSize)} to ${megabytes(entry.uncompressedSize)}); more than ${FORMAT_LIMITS.compressionRatio} times is refused as a zip bomb`,
    );
  }
  if (budget.used + entry.uncompressedSize > FORMAT_LIMITS.totalInflatedBytes) {
    throw refuse(`would take the package past ${megabytes(FORMAT_LIMITS.totalInflatedBytes)} uncompressed`);
  }
  // Deflate makes nothing much larger than it was (5 bytes per 64 KB stored block): a larger "compressed"
  // entry is not one to read.
  if (entry.compressedSize > FORMAT_LIMITS.entryBytes * 1.01) {
    throw refuse(`declares ${megabytes(entry.compressedSize)} compressed; it cannot be a collection`);
  }

  const local = entry.localHeaderOffset;
  const header = Reader.at(source, local, 30);
  if (!header.has(local, 30) || header.u32(local) !== LOCAL_SIGNATURE) {
    throw ParseError.inBinary('has no local header where the directory says: the archive is damaged', {
      ...where,
      offset: local,
    });
  }
  const dataStart = local + 30 + header.u16(local + 26) + header.u16(local + 28);
  if (dataStart + entry.compressedSize > source.size) {
    throw refuse('is cut short: the archive is truncated');
  }
  const data = source.read(dataStart, entry.compressedSize);
  let output: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw refuse('is stored, but its two sizes differ');
    output = data;
  } else {
    try {
      // One byte more than declared lets "longer than declared" be told from "exactly as declared".
      output = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw refuse(
          `inflates to more than the ${entry.uncompressedSize} bytes it declares: refused as a zip bomb`,
        );
      }
      throw refuse(`cannot be inflated (${(error as Error).message}): the archive is damaged`);
    }
  }
  if (output.length !== entry.uncompressedSize) {
    throw refuse(
      output.length > entry.uncompressedSize
        ? `inflates to more than the ${entry.uncompressedSize} bytes it declares: refused as a zip bomb`
        : `inflates to ${output.length} bytes, not the ${entry.uncompressedSize} it declares: the archive is damaged`,
    );
  }
  if (crc32(output) !== entry.crc32) throw refuse('fails its CRC-32 check: the archive is damaged');
  budget.used += output.length;
  return output;
}
