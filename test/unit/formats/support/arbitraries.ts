/** fast-check arbitraries shared by the format tests. */
import fc from 'fast-check';
import type { CardSetDocument } from '../../../../src/formats/card-set-document.js';
import { FURNITURE_INFO, MARKER } from '../../../../src/formats/revision-text/parse-revision-text.js';
import {
  markdownFromTextBlocks,
  readsAsHeading,
  type TextBlock,
} from '../../../../src/formats/text-block-markdown.js';

// Documents in the format's vocabulary: plain words, bullets, sub-headings and paragraphs placed where the
// parser puts them, titles the parser can tell from bodies.
const wordArb = fc.oneof(
  // fast-check generates from the classes as written (both cases listed on purpose).

  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9',.?!()-]{0,9}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*',
      '_x_',
      '[note]',
      '<b>',
      '&amp;',
      '#1',
      '1.',
      '-',
      '\\',
      '`code`',
      'a|b',
      '»',
      '~',
    ),
  },
);
const lineArb = fc.array(wordArb, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const plainLine = lineArb.filter(
  (line) => !MARKER.test(line) && !FURNITURE_INFO.test(line) && !/^[•◦▪‣●]/.test(line) && line.length <= 200,
);
const nameArb = fc
  .array(fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '))
  .filter((name) => !/\bresources\b/.test(name));

const bodyArb = fc
  .array(fc.record({ bullet: fc.boolean(), text: plainLine }, { noNullPrototype: true }), { maxLength: 7 })
  .map((items) => {
    const blocks: TextBlock[] = [];
    items.forEach((item, index) => {
      if (item.bullet) blocks.push({ kind: 'bullet', text: item.text });
      else {
        const nextIsBullet = items[index + 1]?.bullet === true;
        const heading = readsAsHeading(item.text, blocks[blocks.length - 1], nextIsBullet);
        blocks.push({ kind: heading ? 'heading' : 'paragraph', text: item.text });
      }
    });
    return markdownFromTextBlocks(blocks);
  });

const cardArb = fc
  .record({ title: fc.option(plainLine, { nil: null }), body: bodyArb }, { noNullPrototype: true })
  .filter((card) => card.title !== null || card.body !== '');

export const revisionTextDocumentArb: fc.Arbitrary<CardSetDocument> = fc
  .record(
    {
      title: plainLine,
      subtitle: fc.option(plainLine, { nil: null }),
      subject: fc.option(nameArb, { nil: null }),
      topic: fc.option(nameArb, { nil: null }),
      cards: fc.array(cardArb, { minLength: 1, maxLength: 6 }),
    },
    { noNullPrototype: true },
  )
  .map((source) => ({
    ...source,
    topic: source.subject === null ? null : source.topic,
    level: null,
    examBoard: null,
    tags: [],
  }));
