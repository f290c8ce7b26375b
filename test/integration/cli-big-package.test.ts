/**
 * A picture deck: an Anki package of 300 MB, nearly all of it media, imports through `recall import` in the
 * memory its notes need, not its size (its directory and collection are read from disk; its media never).
 * One past 500 MB is refused before anything is read.
 */
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { measuredRecall } from '../helpers/measured-recall.js';
import { schema11Collection } from '../unit/formats/support/anki-fixtures.js';
import { deflatedEntry, storedEntry, writeZipFile } from '../unit/formats/support/zip-builder.js';

const MIB = 1024 * 1024;
const NOTES = 300;

describe('recall import of a 300 MB picture deck', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recall-big-package-'));
  const deck = join(dir, 'paintings.apkg');

  before(() => {
    const collection = schema11Collection({
      decks: { 1: { name: 'Default' }, 2: { name: 'Art::Paintings' } },
      notes: Array.from({ length: NOTES }, (_, n) => ({
        fields: [`<img src="painting-${n}.jpg">`, `Painting ${n + 1}, by its painter`],
        deckId: 2,
      })),
    });
    // One megabyte of noise per picture (as a JPEG would be, it does not compress), shared by every entry.
    const picture = randomBytes(MIB);
    const media = Object.fromEntries(
      Array.from({ length: NOTES }, (_, n) => [String(n), `painting-${n}.jpg`]),
    );
    writeZipFile(deck, [
      deflatedEntry('collection.anki21', collection),
      deflatedEntry('media', new TextEncoder().encode(JSON.stringify(media))),
      ...Array.from({ length: NOTES }, (_, n) => storedEntry(String(n), picture)),
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports every note, its pictures kept as text, in memory that does not grow with the file', (t) => {
    const size = statSync(deck).size;
    assert.ok(size > 300 * MIB, `the deck is ${Math.round(size / MIB)} MB`);
    const run = measuredRecall(['import', deck, '--visibility', 'private'], {
      env: { DATABASE_URL: join(dir, 'recall.db') },
      work: dir,
    });
    t.diagnostic(
      `${Math.round(size / MIB)} MB package: ${run.seconds.toFixed(1)} s, peak ${Math.round(run.peakRssMb)} MB`,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Imported "Paintings" \(300 cards\)/);
    // The command alone peaks at about 140 MB; reading the file whole would add its 300 MB at least.
    assert.ok(
      run.peakRssMb < 250,
      `peak ${Math.round(run.peakRssMb)} MB for a ${Math.round(size / MIB)} MB file`,
    );
  });

  it('refuses a package over 500 MB before reading it', () => {
    const huge = join(dir, 'huge.apkg');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 501 * MIB); // sparse: no disk, no time
    closeSync(fd);
    const run = measuredRecall(['import', huge, '--dry-run'], { env: {}, work: dir });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^recall: the file is 501 MB; at most 500 MB can be imported/i);
  });

  it('refuses any other file over 50 MB, saying only an Anki package may be larger', () => {
    const text = join(dir, 'huge.tsv');
    const fd = openSync(text, 'w');
    ftruncateSync(fd, 60 * MIB);
    closeSync(fd);
    const run = measuredRecall(['import', text, '--dry-run'], { env: {}, work: dir });
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /60 MB; at most 50 MB can be imported \(only an Anki package may be larger, up to 500 MB\)/,
    );
  });
});
