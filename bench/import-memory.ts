/**
 * `npm run bench -- import`: what importing costs in memory and time, measured in child processes as a
 * person would run them.
 *
 * - `recall import` of term lists of 20,000, 100,000 and 200,000 cards (1 to 9.3 MB), and of 185,000 longer
 *   cards (18.7 MB, near the 20 MB a text file may be): peak resident memory (VmHWM) against the file's
 *   size, beside the command's own cost (a one-card file);
 * - the Import page of a running `recall serve` given an 8 MB term list of 200,000 cards, more than it takes
 *   (25,000): how long the refusal takes, the server's memory before and at its peak, and how long a page
 *   asked for meanwhile waits;
 * - `recall import` of a 20,000-note package laid out as Anki 2.1.50+ writes it (schema 18, WAL, zstd).
 *
 * Writes bench/results/import.json (or --out FILE) and prints a table. Numbers are not asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { projectRoot } from '../src/app/paths.js';
import { randomBytes } from 'node:crypto';
import { packageOf, schema11Collection, zstdRawFrame } from '../test/unit/formats/support/anki-fixtures.js';
import { deflatedEntry, storedEntry, writeZipFile } from '../test/unit/formats/support/zip-builder.js';
import { HttpSession, startServerProcess } from '../test/helpers/server-process.js';
import { measuredRecall } from '../test/helpers/measured-recall.js';
import { round } from './stats.js';

const MIB = 1024 * 1024;
const log = (message: string) => process.stderr.write(`[bench import] ${message}\n`);

interface CommandRun {
  seconds: number;
  peakMb: number;
  status: number | null;
  output: string;
}

/** `recall import FILE` into `database`, with its peak resident memory. */
function recallImport(file: string, database: string, work: string): CommandRun {
  const run = measuredRecall(['import', file, '--visibility', 'unlisted'], {
    env: { DATABASE_URL: database, DEMO_CONTENT: 'off' },
    work,
  });
  return {
    seconds: round(run.seconds),
    peakMb: round(run.peakRssMb),
    status: run.status,
    output: `${run.stdout}${run.stderr}`.trim().split('\n').at(-1) ?? '',
  };
}

/** A term list of `cards` cards: short Spanish words, or (`long`) definitions of a line of notes each. */
function termList(path: string, cards: number, long = false): number {
  const rows: string[] = ['#separator:tab', '#deck:Spanish::Vocabulary::Spanish words'];
  const note = 'a definition like a line of revision notes, '.repeat(2);
  for (let n = 1; n <= cards; n++) {
    rows.push(long ? `term ${n}\t${note}${n}` : `término ${n}\tthe meaning of word number ${n}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
  return statSync(path).size;
}

/** A package as Anki 2.1.50+ exports it: a WAL-mode schema-18 collection.anki21b (zstd), 20 decks. */
function modernPackage(path: string, notes: number, work: string): number {
  const file = join(work, 'anki21b.db');
  const db = new SQLite(file);
  db.exec(readFileSync(join(projectRoot, 'test', 'fixtures', 'anki', 'schema18-collection.sql'), 'utf8'));
  db.exec('delete from notes; delete from cards; delete from revlog; delete from decks where id <> 1');
  const deck = db.prepare("insert into decks values (?, ?, 1700000000, 0, x'', x'0a020801')");
  const note = db.prepare(
    "insert into notes values (?, ?, 1600000000001, 1700000000, 0, ' biology ', ?, ?, 0, 0, '')",
  );
  const card = db.prepare(
    "insert into cards values (?, ?, ?, 0, 1700000000, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
  );
  db.transaction(() => {
    for (let d = 1; d <= 20; d++) deck.run(1700000000000 + d, `Biology\u001fTopic ${d}`);
    for (let n = 0; n < notes; n++) {
      const front = `Term <b>${n}</b> of the deck`;
      note.run(
        1700000100000 + n,
        `g${n}`,
        `${front}\u001f<div>What term ${n} means, in a sentence or two.</div>`,
        front,
      );
      card.run(1700000200000 + n, 1700000100000 + n, 1700000000000 + 1 + (n % 20), n);
    }
  })();
  db.pragma('journal_mode = wal');
  db.close();
  const placeholder = new SQLite(':memory:');
  placeholder.exec(
    readFileSync(join(projectRoot, 'test', 'fixtures', 'anki', 'legacy-placeholder.sql'), 'utf8'),
  );
  writeFileSync(
    path,
    packageOf({
      meta: new Uint8Array([8, 3]),
      'collection.anki21b': zstdRawFrame(readFileSync(file)),
      'collection.anki2': new Uint8Array(placeholder.serialize()),
      media: zstdRawFrame(new Uint8Array(0)),
    }),
  );
  placeholder.close();
  return statSync(path).size;
}

/** A process's resident memory now and at its peak (Linux), in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}

async function webImport(file: string, work: string) {
  const database = join(work, 'web.db');
  const handle = 'bench-importer';
  const password = 'a long bench passphrase 42';
  const server = await startServerProcess({ DATABASE_URL: database, DEMO_CONTENT: 'on', LOG_LEVEL: 'warn' });
  try {
    const created = spawnSync(
      process.execPath,
      ['bin/recall.js', 'user', 'create', '--handle', handle, '--email', 'bench@example.org'],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: database,
          DEMO_CONTENT: 'on',
          LOG_LEVEL: 'silent',
          RECALL_USER_PASSWORD: password,
        },
      },
    );
    if (created.status !== 0) throw new Error(`recall user create: ${String(created.stderr)}`);
    const member = new HttpSession();
    const login = await member.postForm(server.url, '/login', { login: handle, password });
    if (login.status !== 303) throw new Error(`log-in answered ${login.status}`);
    // Warm: the page, and a small import (starts the reading worker).
    await fetch(`${server.url}/sets/1`);
    const form = async (bytes: Uint8Array, name: string) => {
      const body = new FormData();
      body.append('_csrf', await member.csrf(server.url));
      body.append('file', new Blob([Buffer.from(bytes)]), name);
      return body;
    };
    await member.request(`${server.url}/import`, {
      method: 'POST',
      body: await form(new TextEncoder().encode('uno\tone\n'), 'warm.tsv'),
    });
    const before = memoryOf(server.child.pid!);
    const upload = await form(readFileSync(file), 'spanish.tsv');
    const started = performance.now();
    const importing = member.request(`${server.url}/import`, { method: 'POST', body: upload });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pageStarted = performance.now();
    const page = await fetch(`${server.url}/sets/1`);
    const pageMs = performance.now() - pageStarted;
    const response = await importing;
    const seconds = (performance.now() - started) / 1000;
    const html = await response.text();
    // The form's error summary: its heading, and the first problem under it.
    const message = [
      /<h2 id="error-summary-title">([^<]*)<\/h2>/.exec(html)?.[1],
      /<li[^>]*><a[^>]*>([^<]*)<\/a>/.exec(html.slice(html.indexOf('error-summary-title')))?.[1],
    ]
      .filter((part) => part !== undefined && part !== '')
      .join(' — ');
    const after = memoryOf(server.child.pid!);
    return {
      fileMb: round(statSync(file).size / MIB),
      status: response.status,
      message,
      seconds: round(seconds),
      serverMbBefore: before.rssMb,
      serverPeakMb: after.peakMb,
      pageStatus: page.status,
      pageMsDuringImport: round(pageMs),
    };
  } finally {
    await server.stop();
  }
}

/** A picture deck: `notes` notes, each with a picture of 1 MB of noise (stored, as JPEGs are). */
function pictureDeck(path: string, notes: number): number {
  const collection = schema11Collection({
    decks: { 1: { name: 'Default' }, 2: { name: 'Art::Paintings' } },
    notes: Array.from({ length: notes }, (_, n) => ({
      fields: [`<img src="painting-${n}.jpg">`, `Painting ${n + 1}, by its painter`],
      deckId: 2,
    })),
  });
  const picture = randomBytes(MIB);
  const media = Object.fromEntries(Array.from({ length: notes }, (_, n) => [String(n), `painting-${n}.jpg`]));
  writeZipFile(path, [
    deflatedEntry('collection.anki21', collection),
    deflatedEntry('media', new TextEncoder().encode(JSON.stringify(media))),
    ...Array.from({ length: notes }, (_, n) => storedEntry(String(n), picture)),
  ]);
  return statSync(path).size;
}

export async function runImportBench(args: string[]): Promise<void> {
  const at = args.indexOf('--out');
  const outFile = at === -1 ? join(projectRoot, 'bench', 'results', 'import.json') : args[at + 1]!;
  mkdirSync(join(projectRoot, 'bench', 'results'), { recursive: true });
  log('building (the commands run dist/)');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'ignore' });
  const work = mkdtempSync(join(tmpdir(), 'recall-bench-import-'));
  try {
    log('the command alone (a one-card file)');
    const one = join(work, 'one.tsv');
    termList(one, 1);
    const baseline = recallImport(one, join(work, 'baseline.db'), work);

    const termLists = [];
    // The last is a file near the 20 MB that a text file may be, where the command's own cost counts least.
    for (const { cards, long } of [
      { cards: 20_000, long: false },
      { cards: 100_000, long: false },
      { cards: 200_000, long: false },
      { cards: 185_000, long: true },
    ]) {
      const file = join(work, `terms-${cards}.tsv`);
      const bytes = termList(file, cards, long);
      log(`recall import of ${cards.toLocaleString('en-GB')} cards (${round(bytes / MIB)} MB)`);
      const run = recallImport(file, join(work, `terms-${cards}.db`), work);
      if (run.status !== 0) throw new Error(run.output);
      termLists.push({
        cards,
        fileMb: round(bytes / MIB),
        seconds: run.seconds,
        peakMb: run.peakMb,
        peakPerFileMb: round(run.peakMb / (bytes / MIB)),
        aboveCommandPerFileMb: round((run.peakMb - baseline.peakMb) / (bytes / MIB)),
      });
    }

    log('the Import page given 200,000 cards (8 MB)');
    const big = join(work, 'web-200000.tsv');
    const rows = ['#separator:tab', '#deck:Spanish::Vocabulary::Spanish words'];
    for (let n = 1; n <= 200_000; n++) rows.push(`palabra ${n}\tword ${n}, in English`);
    writeFileSync(big, `${rows.join('\n')}\n`);
    const web = await webImport(big, work);

    log('recall import of a 20,000-note Anki 2.1.50+ package');
    const apkg = join(work, 'modern-20000.apkg');
    const apkgBytes = modernPackage(apkg, 20_000, work);
    const modern = recallImport(apkg, join(work, 'modern.db'), work);
    if (modern.status !== 0) throw new Error(modern.output);

    log('recall import of a 450 MB picture deck (450 notes)');
    const pictures = join(work, 'pictures.apkg');
    const picturesBytes = pictureDeck(pictures, 450);
    const pictureRun = recallImport(pictures, join(work, 'pictures.db'), work);
    rmSync(pictures, { force: true });
    if (pictureRun.status !== 0) throw new Error(pictureRun.output);
    const results = {
      measuredAt: new Date().toISOString(),
      command: { oneCardPeakMb: baseline.peakMb, oneCardSeconds: baseline.seconds },
      termLists,
      webImport: web,
      modernPackage: {
        notes: 20_000,
        fileMb: round(apkgBytes / MIB),
        seconds: modern.seconds,
        peakMb: modern.peakMb,
        summary: modern.output,
      },
      pictureDeck: {
        notes: 450,
        fileMb: round(picturesBytes / MIB),
        seconds: pictureRun.seconds,
        peakMb: pictureRun.peakMb,
      },
    };
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${outFile}`);
    printImportTable(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printImportTable(results: {
  command: { oneCardPeakMb: number; oneCardSeconds: number };
  termLists: {
    cards: number;
    fileMb: number;
    seconds: number;
    peakMb: number;
    aboveCommandPerFileMb: number;
    peakPerFileMb: number;
  }[];
  webImport: Awaited<ReturnType<typeof webImport>>;
  modernPackage: { notes: number; fileMb: number; seconds: number; peakMb: number };
  pictureDeck: { notes: number; fileMb: number; seconds: number; peakMb: number };
}): void {
  const rows: [string, string][] = [
    [
      'recall import, one card (the command itself)',
      `${results.command.oneCardPeakMb} MB peak, ${results.command.oneCardSeconds} s`,
    ],
    ...results.termLists.map((run): [string, string] => [
      `recall import, ${run.cards.toLocaleString('en-GB')} cards (${run.fileMb} MB TSV)`,
      `${run.peakMb} MB peak (${run.peakPerFileMb}× the file; ${run.aboveCommandPerFileMb}× above the command), ${run.seconds} s`,
    ]),
    [
      `Import page, 200,000 cards (${results.webImport.fileMb} MB TSV)`,
      `${results.webImport.status} "${results.webImport.message}" in ${results.webImport.seconds} s; server ${results.webImport.serverMbBefore} → peak ${results.webImport.serverPeakMb} MB; a page meanwhile ${results.webImport.pageMsDuringImport} ms`,
    ],
    [
      `recall import, ${results.modernPackage.notes.toLocaleString('en-GB')}-note Anki 2.1.50+ package (${results.modernPackage.fileMb} MB)`,
      `${results.modernPackage.peakMb} MB peak, ${results.modernPackage.seconds} s`,
    ],
    [
      `recall import, ${results.pictureDeck.fileMb} MB picture deck (${results.pictureDeck.notes} notes, read in part)`,
      `${results.pictureDeck.peakMb} MB peak, ${results.pictureDeck.seconds} s`,
    ],
  ];
  const width = Math.max(...rows.map(([measure]) => measure.length));
  process.stdout.write(`| ${'measure'.padEnd(width)} | result |\n| ${'-'.repeat(width)} | ------ |\n`);
  for (const [measure, result] of rows) process.stdout.write(`| ${measure.padEnd(width)} | ${result} |\n`);
}
