/**
 * A minimal zip writer for tests that need archives no library would make: entries whose header sizes lie,
 * pre-deflated data (a zip bomb), missing pieces. Follows APPNOTE.TXT: local headers, central directory,
 * end record; no zip64. `writeZipFile` writes one to disk without holding it whole.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawZipEntry {
  name: string;
  /** The bytes stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc32: number;
  /** What the headers declare; defaults to the true size. */
  uncompressedSize: number;
  flags?: number;
}

export const storedEntry = (name: string, content: Uint8Array): RawZipEntry => ({
  name,
  data: content,
  method: 0,
  crc32: crc32(content),
  uncompressedSize: content.length,
});

export const deflatedEntry = (name: string, content: Uint8Array): RawZipEntry => ({
  name,
  data: deflateRawSync(content),
  method: 8,
  crc32: crc32(content),
  uncompressedSize: content.length,
});

/** The archive's bytes, a piece at a time (entries' data as given, not copied). */
function* zipPieces(entries: readonly RawZipEntry[]): Generator<Uint8Array> {
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800 | (entry.flags ?? 0), 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800 | (entry.flags ?? 0), 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc32 >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    yield local;
    yield name;
    yield entry.data;
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield directory;
  yield end;
}

export function buildZip(entries: readonly RawZipEntry[]): Uint8Array {
  return new Uint8Array(Buffer.concat([...zipPieces(entries)]));
}

/** Writes the archive to `path` a piece at a time: entries may share one buffer, however many they are. */
export function writeZipFile(path: string, entries: readonly RawZipEntry[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of zipPieces(entries)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/**
 * Raw deflate data that inflates to `megabytes` MiB of zeros, made cheaply: one MiB of zeros deflated with a
 * full flush (so it refers to nothing before it), repeated, then an empty final block. About 1 KiB per MiB.
 */
export function deflatedZeros(megabytes: number): { data: Uint8Array; size: number } {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => chunk), end]);
  return { data: new Uint8Array(data), size: megabytes * 1024 * 1024 };
}
