import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { jsonFormat } from '../../../src/formats/json/json-format.js';
import { markdownFormat } from '../../../src/formats/markdown/markdown-format.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { revisionTextFormat } from '../../../src/formats/revision-text/revision-text-format.js';

const now = { now: new Date(0) };
const document: CardSetDocument = {
  title: 'Capitals',
  subtitle: 'Of the Commonwealth',
  subject: 'Geography',
  topic: 'Cities',
  level: 'GCSE',
  examBoard: 'AQA',
  tags: ['geography', 'Paper 1'],
  cards: [
    {
      title: null,
      body: '{{c1::Canberra::city}} is the capital of {{c2::Australia}}.',
      kind: 'cloze',
      tags: ['oceania'],
    },
    { title: 'Osmosis', body: 'Water moving across a membrane', reversible: true },
    { title: 'Wellington', body: 'The capital of New Zealand' },
  ],
};

describe('card kinds, reversed cards and tags in the formats', () => {
  it('Recall JSON keeps them losslessly, leaving out what says nothing', () => {
    const bytes = jsonFormat.write(document, now);
    assert.deepEqual(jsonFormat.read(bytes), [document]);
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { cards: Record<string, unknown>[] };
    assert.deepEqual(json.cards[0], {
      title: null,
      body: '{{c1::Canberra::city}} is the capital of {{c2::Australia}}.',
      kind: 'cloze',
      tags: ['oceania'],
    });
    assert.deepEqual(Object.keys(json.cards[2]!), ['title', 'body']);
  });

  it('Recall JSON refuses a kind it does not know, naming the path', () => {
    const text = new TextDecoder()
      .decode(jsonFormat.write(document, now))
      .replace('"kind": "cloze"', '"kind": "occlusion"');
    assert.throws(
      () => jsonFormat.read(new TextEncoder().encode(text)),
      (error: unknown) => error instanceof ParseError && error.path === '$.cards[0].kind',
    );
  });

  it('Markdown writes cloze syntax as text and reads the card back as a cloze card', () => {
    const [read] = markdownFormat.read(markdownFormat.write(document, now));
    assert.equal(read!.cards[0]!.body, document.cards[0]!.body);
    assert.equal(read!.cards[0]!.kind, 'cloze');
    assert.equal(read!.cards[1]!.kind, undefined);
    assert.deepEqual(read!.tags, ['geography', 'Paper 1']);
  });

  it('revision-card text writes cloze syntax as text and reads the card back as a cloze card', () => {
    const [read] = revisionTextFormat.read(revisionTextFormat.write(document, now));
    assert.equal(read!.cards[0]!.body, document.cards[0]!.body);
    assert.equal(read!.cards[0]!.kind, 'cloze');
    assert.equal(read!.cards[2]!.kind, undefined);
  });
});
