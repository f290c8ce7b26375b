/**
 * `recall import PATH...`: read and check every file first (stopping at the first that cannot be read, so
 * that nothing is stored from a broken import), then store the sets in batches, each batch one
 * transaction. A file's sets are never split between transactions: each file lands whole or not at all,
 * even if the process is killed (small files share a transaction; a 100,000-card file is one).
 *
 * Memory: a file's sets are kept packed (serialised, `readPackedCardFileInWorker`) between reading and
 * storing, and unpacked a pack of about 5,000 cards at a time to be checked and again to be stored, so
 * that a long list costs its bytes rather than its objects (`npm run bench -- import`).
 */
import {
  readPackedCardFileInWorker,
  WORKER_LIMITS,
} from '../services/card-file-reading/read-card-file-in-worker.js';
import { unpack, type DocumentPack } from '../services/card-file-reading/worker-messages.js';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExamBoard, Level, Visibility } from '../domain/card-set.js';
import { AppError } from '../domain/errors.js';
import type { ImportFormatId } from '../formats/card-set-format.js';
import type { QuoteMode } from '../formats/term-list/term-list-layout.js';
import type { TextEncoding } from '../formats/text-input.js';
import { FORMAT_LIMITS, tooBig } from '../formats/format-limits.js';
import { ParseError } from '../formats/parse-error.js';
import { importInputsOf } from '../services/file-import.js';
import { CardFileReadError, UnrecognisedFormatError } from '../services/card-file-reading/read-card-file.js';
import { IMPORT_FORMAT_IDS } from '../formats/card-set-format.js';
import {
  checkedDrafts,
  importCardSetBatches,
  type ImportCardSetInput,
  type ImportedCardSet,
} from '../services/import-card-set.js';
import { CLI_IMPORT_AUTHOR } from '../services/system-users.js';
import { findCardFiles, type SkippedFile } from './find-card-files.js';
import { Progress } from './progress-bar.js';

export interface ImportOptions {
  format?: ImportFormatId;
  separator?: string;
  rowSeparator?: string;
  quotes?: QuoteMode;
  /** commander's `--header` / `--no-header`: undefined when neither is given. */
  header?: boolean;
  encoding?: TextEncoding;
  subject?: string;
  topic?: string;
  override?: boolean;
  level?: Level;
  examBoard?: ExamBoard;
  visibility: Visibility;
  /** The member whose progress the files' review histories become. */
  learner?: string;
  dryRun?: boolean;
  json?: boolean;
  skipErrors?: boolean;
}

/** A transaction is closed after a file once it holds this many cards (or BATCH_SETS sets): short enough
 * not to keep a running server's writers waiting on SQLite's single write lock, long enough to amortise
 * each commit. One large file is still one transaction. */
/** A file that cannot be read (no permission, gone meanwhile): Node's errors carry an errno. */
const isFileSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && 'errno' in error;

const BATCH_CARDS = 5_000;
const BATCH_SETS = 500;

/** A file read and checked, its sets packed. */
interface ReadFile {
  path: string;
  format: ImportFormatId;
  packs: DocumentPack[];
  sets: number;
  cards: number;
}

const count = (value: number) => value.toLocaleString('en-GB');
const plural = (value: number, word: string) => `${count(value)} ${word}${value === 1 ? '' : 's'}`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Whether choosing another format might read the file: not when the format was chosen, nor when it was
 * taken for a package (an Anki package or a Mochi archive: a zip archive that no other format reads, or
 * bytes that no format can tell, since detection goes by content first).
 */
const anotherFormatMightRead = (error: CardFileReadError) =>
  error.decidedBy !== 'choice' && error.format.id !== 'apkg' && error.format.id !== 'mochi';

/** The error, naming the file it came from (when the import has several), and how to choose a format. */
function inFile(path: string | null, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const hint =
    error instanceof CardFileReadError && anotherFormatMightRead(error)
      ? ` To read it as another format, use --format (${IMPORT_FORMAT_IDS.join(', ')}).`
      : '';
  if (path === null && hint === '') return error;
  return new AppError(
    error.code,
    `${path === null ? '' : `${path}: `}${error.message}${hint}`,
    error.details,
  );
}

/** A JSON file that is something else (a package.json, a manifest), found beside card files. */
const isOtherJson = (error: unknown) =>
  error instanceof ParseError && (error.path === '$' || error.path === '$.format');

const titleOfFile = (path: string): string | undefined =>
  basename(path)
    .replace(/\.[^.]*$/, '')
    .trim() || undefined;

export async function runImport(paths: readonly string[], options: ImportOptions): Promise<void> {
  const out = (text: string) => process.stdout.write(text);
  const started = performance.now();
  const { files, skipped } = await findCardFiles(paths);
  const several = paths.length > 1 || files.some((file) => !file.named);
  // Standard error keeps to the one-line error when it is not a terminal: plain progress lines then go
  // to standard output, with the summary.
  const progress = {
    stream: process.stderr.isTTY ? process.stderr : process.stdout,
    enabled: options.json !== true,
  };

  const read: ReadFile[] = [];
  // The learner is found once the database is open (below); reading and checking do not need them.
  let progressFor: number | undefined;
  const inputsOf = (pack: DocumentPack): ImportCardSetInput[] =>
    importInputsOf(unpack(pack), { ...options, progressFor }, CLI_IMPORT_AUTHOR);
  const reading = new Progress('Reading', files.length, 'files', progress);
  try {
    for (const [index, file] of files.entries()) {
      reading.update(index, file.path);
      try {
        if (file.bytes > FORMAT_LIMITS.packageFileBytes) {
          throw new AppError('too_large', tooBig('file', file.bytes, FORMAT_LIMITS.packageFileBytes));
        }
        // A file larger than any whole file may be (an Anki package full of pictures) is read by the worker
        // in part, from disk.
        const { format, packs } = await readPackedCardFileInWorker(
          file.bytes > FORMAT_LIMITS.packageBytes ? { path: file.path } : await readFile(file.path),
          {
            fileName: basename(file.path),
            format: options.format,
            separator: options.separator,
            rowSeparator: options.rowSeparator,
            quotes: options.quotes,
            header: options.header,
            encoding: options.encoding,
            title: titleOfFile(file.path),
          },
          WORKER_LIMITS,
          // The file's bytes are not needed here again.
          true,
        );
        const sets = packs.reduce((sum, pack) => sum + pack.sets, 0);
        let first = 1;
        for (const pack of packs) {
          checkedDrafts(inputsOf(pack), { first, several: sets > 1 });
          first += pack.sets;
        }
        read.push({
          path: file.path,
          format: format.id,
          packs,
          sets,
          cards: packs.reduce((sum, pack) => sum + pack.cards, 0),
        });
      } catch (error) {
        if (error instanceof UnrecognisedFormatError && !file.named) {
          skipped.push({ path: file.path, reason: 'not in a format Recall reads' });
        } else if (isOtherJson(error) && !file.named && options.format === undefined) {
          skipped.push({ path: file.path, reason: 'JSON, but not a Recall card set' });
        } else if (options.skipErrors === true && (error instanceof AppError || isFileSystemError(error))) {
          skipped.push({ path: file.path, reason: error.message });
        } else {
          throw inFile(several ? file.path : null, error);
        }
      }
      reading.update(index + 1);
    }
  } finally {
    // Ends the bar's line, also when an error (printed next) stops the import.
    reading.finish();
  }
  const readMs = performance.now() - started;
  const filesRead = read.length;
  const totalSets = read.reduce((sum, file) => sum + file.sets, 0);
  const totalCards = read.reduce((sum, file) => sum + file.cards, 0);

  if (totalSets === 0) {
    const reasons = skipped
      .slice(0, 3)
      .map((file) => `${file.path}: ${file.reason}`)
      .join('; ');
    throw new AppError(
      'validation',
      `No card sets to import in ${paths.join(', ')}${skipped.length > 0 ? ` (skipped ${plural(skipped.length, 'file')}: ${reasons})` : ''}.`,
    );
  }

  if (options.dryRun === true) {
    for (const { path: file, format, packs } of read) {
      for (const draft of packs.flatMap((pack) => checkedDrafts(inputsOf(pack)))) {
        out(
          options.json === true
            ? `${JSON.stringify({ file, format, ...draft })}\n`
            : `${draft.title}: ${plural(draft.cards.length, 'card')} (${draft.subject}${draft.topic === null ? '' : ` / ${draft.topic}`})\n`,
        );
      }
    }
    if (options.json !== true) {
      out(
        `Dry run: read ${plural(totalSets, 'set')} (${plural(totalCards, 'card')}) from ${plural(filesRead, 'file')} in ${seconds(readMs)}; nothing stored.\n`,
      );
      printSkipped(skipped, out);
    }
    return;
  }

  const { loadConfig } = await import('../app/config.js');
  const { createContainer } = await import('../app/container.js');
  const { cardSetSlug } = await import('../domain/slug.js');
  const config = loadConfig({ ...process.env, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' });
  const container = await createContainer(config);
  if (options.learner !== undefined) {
    const learner = await container.ctx.repos.users.findByHandle(options.learner.replace(/^@/, ''));
    if (learner === undefined) {
      await container.close();
      throw new AppError(
        'validation',
        `There is no member with the handle "${options.learner}" (--learner).`,
      );
    }
    progressFor = learner.id;
  }
  const storeStarted = performance.now();
  const stored: { file: string; set: ImportedCardSet }[] = [];
  let storedCards = 0;
  const storing = new Progress('Storing', totalCards, 'cards', progress);
  try {
    let batch: ReadFile[] = [];
    let batchCards = 0;
    let batchSets = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      let imported: ImportedCardSet[];
      try {
        const before = storedCards;
        imported = await importCardSetBatches(
          container.ctx,
          (function* () {
            for (const file of batch) for (const pack of file.packs) yield inputsOf(pack);
          })(),
          (cards) => storing.update(before + cards),
        );
      } catch (error) {
        if (stored.length === 0 || !(error instanceof Error)) throw error;
        throw new Error(
          `${error.message} (the ${plural(stored.length, 'set')} stored before this failure stay stored; the rest were not)`,
          { cause: error },
        );
      }
      let at = 0;
      for (const file of batch) {
        for (const set of imported.slice(at, at + file.sets)) stored.push({ file: file.path, set });
        at += file.sets;
        // Stored: its packs are not needed again.
        file.packs = [];
      }
      storedCards += batchCards;
      storing.update(storedCards);
      batch = [];
      batchCards = 0;
      batchSets = 0;
    };
    for (const file of read) {
      if (batchCards >= BATCH_CARDS || batchSets >= BATCH_SETS) await flush();
      batch.push(file);
      batchCards += file.cards;
      batchSets += file.sets;
    }
    await flush();
  } finally {
    storing.finish();
    await container.close();
  }

  const storeMs = performance.now() - storeStarted;
  const totalMs = performance.now() - started;
  for (const { file, set } of stored) {
    const url = `${config.publicUrl}/sets/${set.id}/${cardSetSlug(set.title)}`;
    out(
      options.json === true
        ? `${JSON.stringify({ file, ...set, url })}\n`
        : `Imported "${set.title}" (${plural(set.cardCount, 'card')}): ${url}\n`,
    );
  }
  if (options.json === true) return;
  const rate = Math.round(totalCards / (totalMs / 1000));
  out(
    `Imported ${plural(stored.length, 'set')} (${plural(totalCards, 'card')}) from ${plural(filesRead, 'file')} in ${seconds(totalMs)} (reading ${seconds(readMs)}, storing ${seconds(storeMs)}): ${count(rate)} cards/s.\n`,
  );
  if (options.learner !== undefined) {
    const answers = stored.reduce((sum, { set }) => sum + (set.progress?.answers ?? 0), 0);
    const studied = stored.reduce((sum, { set }) => sum + (set.progress?.studied ?? 0), 0);
    out(
      answers === 0
        ? `The files hold no review history to bring as ${options.learner}'s progress.\n`
        : `Brought ${plural(answers, 'answer')} to ${plural(studied, 'card')} as ${options.learner}'s progress.\n`,
    );
  }
  printSkipped(skipped, out);
}

function printSkipped(skipped: readonly SkippedFile[], out: (text: string) => void): void {
  if (skipped.length === 0) return;
  out(`Skipped ${plural(skipped.length, 'file')}:\n`);
  for (const file of skipped) out(`  ${file.path}: ${file.reason}\n`);
}
