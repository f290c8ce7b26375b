import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../../../src/domain/card-set.js';
import { AppError } from '../../../src/domain/errors.js';
import { emptyDocument } from '../../../src/formats/card-set-document.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { carryDocuments, documentsFromCarried, importInputsOf } from '../../../src/services/file-import.js';
import {
  partTitle,
  readCardFile,
  splitIntoParts,
  UnrecognisedFormatError,
} from '../../../src/services/card-file-reading/read-card-file.js';

const NOW = new Date('2026-11-27T09:00:00Z');

const documentOf = (cards: number, title = 'Spanish words') => ({
  ...emptyDocument(title),
  subject: 'Spanish',
  cards: Array.from({ length: cards }, (_, i) => ({ title: `t${i + 1}`, body: `b${i + 1}` })),
});

describe("the importer's subject and topic", () => {
  const author = { handle: 'imported', displayName: 'Imported' };
  const documents = [
    { ...emptyDocument('Cells'), subject: 'Biology', topic: null },
    { ...emptyDocument('Words'), subject: null, topic: null },
  ];

  it('fill only what a file lacks, keeping the subjects its deck paths give', () => {
    const inputs = importInputsOf(
      documents,
      { subject: 'Spanish', topic: 'Animals', visibility: 'private' },
      author,
    );
    assert.deepEqual(
      inputs.map((input) => [input.subject ?? input.parsed.subject, input.topic ?? input.parsed.topic]),
      [
        ['Biology', 'Animals'],
        ['Spanish', 'Animals'],
      ],
    );
  });

  it('replace what the files say when the importer overrides them', () => {
    const inputs = importInputsOf(
      documents,
      { subject: 'Spanish', override: true, visibility: 'private' },
      author,
    );
    assert.deepEqual(
      inputs.map((input) => input.subject),
      ['Spanish', 'Spanish'],
    );
  });
});

describe('reading card files for import', () => {
  it('gives each part of a split set the review history of its own cards', () => {
    const document = {
      ...documentOf(1001),
      reviewHistory: [0, 400, 1000].map((cardIndex) => ({
        cardIndex,
        variant: 0,
        reviewedAt: 1_700_000_000_000,
        rating: 3 as const,
        durationMs: 1000,
      })),
    };
    const parts = splitIntoParts(document);
    assert.deepEqual(
      parts.map((part) => part.reviewHistory?.map((review) => review.cardIndex)),
      [[0], [66], [332]],
    );
  });

  it('splits a long list into balanced parts of at most 500 cards, in order', () => {
    const parts = splitIntoParts(documentOf(1001));
    assert.deepEqual(
      parts.map((part) => [part.title, part.cards.length]),
      [
        ['Spanish words (part 1 of 3)', 334],
        ['Spanish words (part 2 of 3)', 334],
        ['Spanish words (part 3 of 3)', 333],
      ],
    );
    assert.deepEqual(
      parts.flatMap((part) => part.cards),
      documentOf(1001).cards,
    );
    assert.equal(parts[2]!.subject, 'Spanish');
    assert.equal(splitIntoParts(documentOf(500)).length, 1);
  });

  it('shortens a long title so that "(part n of N)" still fits', () => {
    const title = partTitle('x'.repeat(LIMITS.titleLength), 12, 200);
    assert.equal(title.length, LIMITS.titleLength);
    assert.match(title, /^x+… \(part 12 of 200\)$/);
  });

  it('reads a term list of 2,000 rows as four sets, titled by the file', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `term ${i}\tdefinition ${i}`).join('\n');
    const { format, documents } = readCardFile(new TextEncoder().encode(rows), {
      fileName: 'verbs.tsv',
      title: 'verbs',
    });
    assert.equal(format.id, 'tsv');
    assert.deepEqual(
      documents.map((document) => [document.title, document.cards.length]),
      [1, 2, 3, 4].map((n) => [`verbs (part ${n} of 4)`, 500]),
    );
  });

  it('refuses content in no known format, and a chosen format that does not fit, with their own errors', () => {
    assert.throws(() => readCardFile(new TextEncoder().encode('just words')), UnrecognisedFormatError);
    assert.throws(() => readCardFile(new TextEncoder().encode('just words'), { format: 'apkg' }), ParseError);
  });

  it('carries sets as Recall JSON and reads them back checked, refusing what was tampered with', () => {
    const documents = [documentOf(3), documentOf(2, 'Second')];
    const carried = carryDocuments(documents, NOW);
    assert.deepEqual(documentsFromCarried(carried), documents);
    assert.throws(() => documentsFromCarried([]), AppError);
    assert.throws(
      () => documentsFromCarried([carried[0]!.replace('"cards":[', '"cards":7,"x":[')]),
      /could not be read back/,
    );
    assert.throws(
      () =>
        carryDocuments(
          Array.from({ length: 51 }, () => documentOf(1)),
          NOW,
        ),
      /at most 50/,
    );
  });
});
