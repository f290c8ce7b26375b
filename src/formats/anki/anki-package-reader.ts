/**
 * Reads an Anki package (.apkg, or a whole-collection .colpkg): finds the collection inside the zip,
 * preferring the newest kind (collection.anki21b, zstd-compressed schema 18, over collection.anki21 over
 * collection.anki2: new packages also carry an old-style anki2 that only says "please update Anki"),
 * inflates it within bounds and reads its sets. Media files are listed but never inflated (nor, from a
 * file, read).
 */
import type { CardSetDocument } from '../card-set-document.js';
import type { ReadOptions } from '../card-set-format.js';
import { FORMAT_LIMITS, maxCardsOf, tooBig } from '../format-limits.js';
import { ParseError } from '../parse-error.js';
import { readAnkiCollection } from './anki-collection-reader.js';
import { decompressZstd } from './zstd-decompression.js';
import {
  bytesSource,
  isZip,
  readZipDirectory,
  readZipEntry,
  type ByteSource,
  type InflateBudget,
} from './zip-archive.js';

const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

/**
 * Reads a package given whole (at most FORMAT_LIMITS.packageBytes), or through a source that reads a file
 * where needed (at most FORMAT_LIMITS.packageFileBytes: its media are never read).
 */
export function readAnkiPackage(input: Uint8Array | ByteSource, options?: ReadOptions): CardSetDocument[] {
  const whole = input instanceof Uint8Array;
  const source = whole ? bytesSource(input) : input;
  const max = whole ? FORMAT_LIMITS.packageBytes : FORMAT_LIMITS.packageFileBytes;
  if (source.size > max) {
    throw ParseError.inBinary(tooBig('package', source.size, max), { offset: 0 });
  }
  if (!isZip(source.read(0, 4))) {
    throw ParseError.inBinary('is not a zip archive, so not an Anki package (.apkg files are zip archives)', {
      offset: 0,
    });
  }
  const entries = readZipDirectory(source);
  const entry = COLLECTIONS.map((name) => entries.find((candidate) => candidate.name === name)).find(
    (found) => found !== undefined,
  );
  if (entry === undefined) {
    throw ParseError.inBinary(
      `the package has no collection (${COLLECTIONS.join(', ')}); it holds ${describe(entries.map((e) => e.name))}`,
      { offset: 0 },
    );
  }
  const budget: InflateBudget = { used: 0 };
  const stored = readZipEntry(source, entry, budget);
  const sqlite = entry.name === 'collection.anki21b' ? decompressZstd(stored, entry.name, budget) : stored;
  return readAnkiCollection({ bytes: sqlite }, entry.name, { maxCards: maxCardsOf(options) });
}

function describe(names: string[]): string {
  if (names.length === 0) return 'no files';
  const shown = names.slice(0, 5).map((name) => `"${name}"`);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}
