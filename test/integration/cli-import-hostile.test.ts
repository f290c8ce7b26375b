/**
 * `recall import` against hostile files (test/fixtures/hostile/hostile-imports.ts): each is refused with its
 * own clear message, in a child process, within bounded memory and time, and stores nothing. Before these
 * checks, the FTS4 `uncompress=zeroblob` package took the command to 2.9 GB and the `randomblob` one ran
 * for over 40 s.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { measuredRecall } from '../helpers/measured-recall.js';
import { writeHostileImports, type HostileImport } from '../fixtures/hostile/hostile-imports.js';

const MIB = 1024 * 1024;
/**
 * The command itself (two V8 isolates: the command and the worker that reads) takes about 120 MB; reading
 * within the formats' limits costs a few times the file on top. A hostile file that got read costs
 * gigabytes.
 */
const maxRssMb = (file: string) => 200 + (8 * statSync(file).size) / MIB;
/** Each refusal takes one to three seconds, most of it starting Node twice; one that got read takes minutes. */
const MAX_SECONDS = 20;

describe('recall import refuses hostile files', () => {
  let work: string;
  let corpus: HostileImport[];
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'recall-hostile-import-'));
    corpus = writeHostileImports(join(work, 'corpus'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('refuses each with a clear message, in bounded memory and time, storing nothing', (t) => {
    const database = join(work, 'recall.db');
    for (const hostile of corpus) {
      const result = measuredRecall(['import', hostile.file], {
        env: { DATABASE_URL: database, DEMO_CONTENT: 'off' },
        work,
        timeoutMs: MAX_SECONDS * 1000,
      });
      assert.equal(result.timedOut, false, `${hostile.name} ran past ${MAX_SECONDS} s`);
      const { seconds, peakRssMb } = result;
      t.diagnostic(`${hostile.name}: ${seconds.toFixed(1)} s, peak ${Math.round(peakRssMb)} MB`);

      assert.equal(result.status, 1, `${hostile.name}: ${result.stdout}${result.stderr}`);
      const refusal = result.stderr.trim();
      assert.match(refusal, /^recall: /, hostile.name);
      assert.match(refusal, hostile.refusal, hostile.name);
      assert.doesNotMatch(refusal, /\n\s+at |Error:/, `${hostile.name}: no stack trace`);
      if (hostile.file.endsWith('.apkg')) {
        // Another format would not read a package refused for what is inside it: no advice to choose one.
        assert.doesNotMatch(refusal, /--format/, hostile.name);
      }
      assert.ok(
        peakRssMb < maxRssMb(hostile.file),
        `${hostile.name}: peak ${Math.round(peakRssMb)} MB, bound ${Math.round(maxRssMb(hostile.file))} MB`,
      );
    }
    // Every file is read before the database is opened: a refused import does not even create it.
    if (existsSync(database)) {
      const db = new SQLite(database, { readonly: true });
      try {
        assert.deepEqual(db.prepare('select count(*) as n from card_sets').get(), { n: 0 });
      } finally {
        db.close();
      }
    }
  });
});
