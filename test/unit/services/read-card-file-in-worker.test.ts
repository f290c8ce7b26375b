import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../src/domain/errors.js';
import {
  CardFileReadError,
  readCardFile,
  UnrecognisedFormatError,
} from '../../../src/services/card-file-reading/read-card-file.js';
import {
  readCardFileInWorker,
  readPackedCardFileInWorker,
} from '../../../src/services/card-file-reading/read-card-file-in-worker.js';
import { PACK_CARDS, unpack } from '../../../src/services/card-file-reading/worker-messages.js';
import { seedText } from '../../helpers/fixtures.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A term list of `rows` cards whose definitions are long enough to take memory and time to read. */
const termList = (rows: number) =>
  bytes(
    Array.from(
      { length: rows },
      (_, n) => `term ${n}\t${'a definition long enough to cost something to keep '.repeat(8)}${n}`,
    ).join('\n'),
  );

describe('reading a card file in a worker thread', () => {
  it('gives what reading it in the process gives: the seed set, card by card', async () => {
    const input = bytes(seedText());
    const inWorker = await readCardFileInWorker(input, { fileName: 'persecution-and-control.txt' });
    const inProcess = readCardFile(input, { fileName: 'persecution-and-control.txt' });
    assert.equal(inWorker.format.id, inProcess.format.id);
    assert.deepEqual(inWorker.documents, inProcess.documents);
    assert.equal(inWorker.documents[0]!.cards.length, 11);
  });

  it('packs a long list in order, a set never split between packs, each pack about 5,000 cards', async () => {
    const input = termList(23_456);
    const packed = await readPackedCardFileInWorker(input, { fileName: 'long.tsv', title: 'Long' });
    const inProcess = readCardFile(input, { fileName: 'long.tsv', title: 'Long' });
    assert.deepEqual(packed.packs.flatMap(unpack), inProcess.documents);
    assert.equal(inProcess.documents.length, 47);
    assert.equal(packed.packs.length, 5);
    for (const pack of packed.packs) {
      const documents = unpack(pack);
      assert.equal(pack.sets, documents.length);
      assert.equal(
        pack.cards,
        documents.reduce((sum, document) => sum + document.cards.length, 0),
      );
      assert.ok(pack.cards <= PACK_CARDS);
    }
    assert.deepEqual(
      packed.packs.map((pack) => pack.cards),
      [5_000, 5_000, 5_000, 5_000, 3_456],
    );
  });

  it('throws the errors reading in the process throws, with their line and what the file was taken for', async () => {
    const broken = bytes('{\n  "title": "Cells",\n  "cards": [1, 2,]\n}\n');
    const expected = (() => {
      try {
        readCardFile(broken, { fileName: 'cells.json' });
      } catch (error) {
        return error;
      }
      throw new Error('the file should not read');
    })();
    await assert.rejects(readCardFileInWorker(broken, { fileName: 'cells.json' }), (error: unknown) => {
      assert.ok(error instanceof CardFileReadError && expected instanceof CardFileReadError);
      assert.equal(error.message, expected.message);
      assert.equal(error.decidedBy, 'extension');
      assert.equal(error.format.id, 'json');
      assert.equal(error.line, expected.line);
      return true;
    });
    await assert.rejects(
      readCardFileInWorker(new Uint8Array([0, 159, 146, 150, 0, 0, 1])),
      (error: unknown) => error instanceof UnrecognisedFormatError && error.what === 'this text',
    );
  });

  it('stops a file that needs more memory than its worker may have, with a clear message', async () => {
    await assert.rejects(
      readCardFileInWorker(termList(40_000), { fileName: 'big.tsv' }, { heapMb: 24, deadlineMs: 60_000 }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'too_large' &&
        /needed more than 24 MB of memory, so Recall stopped/.test(error.message),
    );
  });

  it('stops a file that takes longer than its deadline, with a clear message', async () => {
    await assert.rejects(
      readCardFileInWorker(termList(40_000), { fileName: 'slow.tsv' }, { heapMb: 1024, deadlineMs: 50 }),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'too_large' &&
        /took longer than 0\.1 s, so Recall stopped/.test(error.message),
    );
  });

  it('reads the next file normally after a worker was stopped', async () => {
    const file = await readCardFileInWorker(bytes('uno\tone\ndos\ttwo\n'), { fileName: 'words.tsv' });
    assert.deepEqual(
      file.documents[0]!.cards.map((card) => [card.title, card.body]),
      [
        ['uno', 'one'],
        ['dos', 'two'],
      ],
    );
  });
});
