import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../../src/formats/parse-error.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';

const SEED_TITLES = [
  null,
  'How did Stalin establish control over the Soviet U',
  'The Terror',
  'Chronology of the Terror 1930 - 38',
  'NKVD and arrests',
  'Was there serious opposition to Stalin within the',
  'Or were the purges simply random?',
  'How much was Stalin involved in the Terror?',
  'Summary - who was purged?',
  'What effects id the purges have?',
  'What effects did the Terror have on family life? .',
];

const paragraphs = (body: string) => body.split('\n\n');
const bullets = (body: string) =>
  body
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));

function expectParseError(text: string, line: number, pattern?: RegExp): ParseError {
  try {
    parseRevisionText(text);
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
    assert.equal(error.line, line, `expected line ${line}: ${error.message}`);
    if (pattern) assert.match(error.message, pattern);
    return error;
  }
  assert.fail('expected a ParseError');
}

describe('parseRevisionText on the seed', () => {
  const set = parseRevisionText(seedText());

  it('reads the title, subtitle, subject and topic', () => {
    assert.equal(set.title, 'Persecution and Control');
    assert.equal(set.subtitle, 'The purges, terror, cult of personality, Stalinism');
    assert.equal(set.subject, 'History');
    assert.equal(set.topic, 'Russia - 19th and 20th century');
  });

  it('imports the seed as 11 cards with the titles in order, the first untitled', () => {
    assert.deepEqual(
      set.cards.map((card) => card.title),
      SEED_TITLES,
    );
  });

  it('turns the bullets of card 1 into a Markdown list, keeping the author’s typos', () => {
    assert.deepEqual(bullets(set.cards[0]!.body), [
      "Historians talk about Stalin's Russia being a totalitarian state, where the Party srt out to control every aspect of life",
      "There is increasing evidience that however much it might have liked to give the impression of being totalitarian, Stalin's government did not quite succeed.",
      'People did hold counter opinions, even if they largely kept them to themselves, or grumled in a crowd where it was hard to be picked out',
    ]);
  });

  it('splits the chronology jammed between runs of spaces into 9 dated entries, one per paragraph', () => {
    const entries = paragraphs(set.cards[3]!.body);
    assert.deepEqual(
      entries.map((entry) => entry.slice(0, 4)),
      ['1930', '1932', '1934', '1934', '1934', '1935', '1936', '1937', '1938'],
    );
    assert.equal(
      entries[0],
      "1930 - 1 - A first purges concentrated upon technical experts, who Stalin blamed for failures of the First Five Year Plan 'Wreckers Trials'",
    );
    assert.equal(
      entries[4],
      "1934 - Dec 1st, Kirov assassinated by Nikolayev, a party member. Kirov's bodyguard mysteriously absent. Stalin passes a decree giving NKVD power to arrest and detain suspects.",
    );
    assert.equal(
      entries[8],
      '1938 - Third Show Trial begins in Moscow, Bukharin, Rykov, Tomsky and Yagoda star names',
    );
    assert.ok(
      entries.every((entry) => !/\s{2}|\u00a0/.test(entry)),
      'whitespace is normalised',
    );
  });

  it('reads a card of plain lines as paragraphs', () => {
    assert.deepEqual(paragraphs(set.cards[4]!.body), [
      'The period 1936 - 1938 is known as the high point of terror',
      'Target figures for arrests and executions were set for each district',
      'Kulaks and returning political prisoners were to be the main category, but priests, formers members of political parties, nationalists, ex-whites were all added to the list',
      'In all nearly 3 million people were arrested at this time, with about 700,000 being executed',
    ]);
  });

  it('makes the short lines that introduce bullet groups sub-headings', () => {
    assert.match(set.cards[5]!.body, /^### Were the purges planned\?\n\n- One explanation/);
    const card8 = set.cards[7]!.body;
    assert.match(card8, /\n\n### To put the Terror into context\n\n- Extraordinary time in Russia/);
    assert.equal(bullets(card8).length, 7);
  });

  it('counts the bullets of every card', () => {
    assert.deepEqual(
      set.cards.map((card) => bullets(card.body).length),
      [3, 3, 7, 0, 0, 6, 2, 7, 6, 6, 5],
    );
  });

  it('leaves page furniture out of the content', () => {
    const all = JSON.stringify(set);
    for (const furniture of [
      'HideShow',
      'No comments have yet been made',
      'Similar History',
      'See all',
      ' of 11',
    ]) {
      assert.ok(!all.includes(furniture), furniture);
    }
  });
});

describe('parseRevisionText on variants', () => {
  const seed = seedText();

  it('reads CRLF line ends and a byte-order mark the same as the seed', () => {
    const variant = `\uFEFF${seed.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(parseRevisionText(variant), parseRevisionText(seed));
  });

  it('reads old Mac CR line ends', () => {
    assert.deepEqual(parseRevisionText(seed.replace(/\n/g, '\r')), parseRevisionText(seed));
  });

  it('reads other card counts', () => {
    const set = parseRevisionText(
      'Two cards\n\nA subtitle\n\nHideShow resource information\n\nFirst\n\n• one\n1 of 2\n\nSecond\n\n• two\n2 of 2\n',
    );
    assert.deepEqual(set.cards, [
      { title: 'First', body: '- one' },
      { title: 'Second', body: '- two' },
    ]);
  });

  it('leaves subject and topic to the caller when the trailer is missing', () => {
    const withoutTrailer = seed.slice(0, seed.indexOf('No comments'));
    const set = parseRevisionText(withoutTrailer);
    assert.equal(set.subject, null);
    assert.equal(set.topic, null);
    assert.equal(set.cards.length, 11);
  });

  it('reads a subject from "Similar … resources:" alone', () => {
    const set = parseRevisionText(
      'T\n\nS\n\nHideShow resource information\n\nA\n\nbody\n1 of 1\n\nSimilar Biology resources:\n',
    );
    assert.equal(set.subject, 'Biology');
    assert.equal(set.topic, null);
  });

  it('reads a card with no bullets, and a set without the resource-information line', () => {
    const set = parseRevisionText(
      'Just a title\n\nA subtitle\n\nOnly card\n\nA plain sentence.\nAnother one.\n1 of 1\n',
    );
    assert.equal(set.title, 'Just a title');
    assert.equal(set.subtitle, 'A subtitle');
    assert.deepEqual(set.cards, [{ title: 'Only card', body: 'A plain sentence.\n\nAnother one.' }]);
  });

  it('reads a set with neither subtitle nor furniture when bullets follow the title', () => {
    const set = parseRevisionText('Just a title\n\n• first point\n• second point\n1 of 1\n');
    assert.equal(set.subtitle, null);
    assert.deepEqual(set.cards, [{ title: null, body: '- first point\n- second point' }]);
  });

  it('reads a one-line card as a body without a title', () => {
    const set = parseRevisionText(
      'Title\n\nSubtitle\n\nHideShow resource information\n\nJust one line\n1 of 1\n',
    );
    assert.deepEqual(set.cards, [{ title: null, body: 'Just one line' }]);
  });

  it('keeps Markdown characters in the author’s text as text', () => {
    const set = parseRevisionText(
      'T\n\nS\n\nHideShow resource information\n\nCard\n\n• 5 * 3 = 15, see [note] <b>\n1. not a list\n# not a heading\n1 of 1\n',
    );
    assert.equal(
      set.cards[0]!.body,
      '- 5 \\* 3 = 15, see \\[note\\] \\<b>\n\n1\\. not a list\n\n\\# not a heading',
    );
  });

  it('ignores titles listed under "Similar … resources:"', () => {
    const set = parseRevisionText(
      'T\n\nS\n\nHideShow resource information\n\nA\n\nbody\n1 of 1\n\nSimilar History resources:\n\nAnother set\nYet another\n\nSee all History resources »See all Tudors resources »\n',
    );
    assert.equal(set.subject, 'History');
    assert.equal(set.topic, 'Tudors');
  });
});

describe('parseRevisionText refuses what is not revision-card text, naming the line', () => {
  it('refuses empty text', () => {
    expectParseError('', 1, /empty/);
    expectParseError('\n  \n\u00a0\n', 1, /empty/);
  });

  it('refuses text with no "n of N" lines, at its first line', () => {
    expectParseError('\n\nSome notes\nwith no cards\n', 3, /1 of 3/);
  });

  it('refuses cards out of order', () => {
    expectParseError('T\n\nA\n\nx\n1 of 3\nB\n\ny\n3 of 3\n', 10, /expected "2 of 3", found "3 of 3"/);
  });

  it('refuses a change of card count', () => {
    expectParseError('T\n\nA\n\nx\n1 of 2\nB\n\ny\n2 of 3\n', 10, /expected "2 of 2"/);
  });

  it('refuses a truncated set, naming the last card found', () => {
    const seed = seedText();
    const truncated = seed.slice(0, seed.indexOf('10 of 11') + '10 of 11'.length);
    const lastLine = truncated.split('\n').length;
    expectParseError(truncated, lastLine, /ends after card 10 of 11/);
  });

  it('refuses an empty card', () => {
    expectParseError(
      'T\n\nS\n\nHideShow resource information\n\nA\n\nx\n1 of 2\n\n2 of 2\n',
      12,
      /card 2 of 2 is empty/,
    );
  });

  it('refuses text after the last card that is not page furniture', () => {
    expectParseError('T\n\nA\n\nx\n1 of 1\n\nSomething else\n', 8, /after the last card/);
  });

  it('refuses binary data at the line and column of the first control character', () => {
    const error = expectParseError('Title\nab\u0000cd\n1 of 1\n', 2, /U\+0000/);
    assert.equal(error.column, 3);
  });

  it('refuses a set whose first line is a bullet', () => {
    expectParseError('• not a title\n\nA\n\nx\n1 of 1\n', 1, /title/);
  });

  it('refuses a line longer than any card may be', () => {
    expectParseError(`T\n\n${'x'.repeat(10_001)}\n1 of 1\n`, 3, /10001 characters/);
  });

  it('refuses "0 of 0"', () => {
    expectParseError('T\n\nx\n0 of 0\n', 4, /at least one card/);
  });
});

describe('parseRevisionText properties', () => {
  const onlyParseErrors = (text: string) => {
    try {
      parseRevisionText(text);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      assert.ok(
        error.line >= 1 && error.line <= text.split(/\r\n|\r|\n/).length,
        `line ${error.line} exists`,
      );
    }
  };

  it('never throws anything but a ParseError naming an existing line, on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), onlyParseErrors), { numRuns: 2000 });
  });

  it('never throws anything but a ParseError on text made of the format’s own pieces', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '',
        '\n',
        '\r\n',
        '  • ',
        '•',
        '\u00a0',
        '   ',
        '1 of 1',
        '1 of 2',
        '2 of 2',
        '0 of 0',
        '3 of 2',
      ),
      fc.constantFrom(
        'HideShow resource information',
        'No comments have yet been made',
        'Similar History resources:',
      ),
      fc.constantFrom(
        'See all History resources »See all Tudors resources »',
        'See all  resources »',
        '### x',
        '1934 - ',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => onlyParseErrors(pieces.join(''))),
      {
        numRuns: 3000,
      },
    );
  });

  it('never throws anything but a ParseError on the seed with lines dropped, duplicated or mangled', () => {
    const lines = seedText().split('\n');
    const edit = fc.record({
      index: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('drop', 'duplicate', 'replace'),
      text: fc.string({ maxLength: 20 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const copy = [...lines];
        for (const { index, kind, text } of edits) {
          const at = Math.min(index, copy.length - 1);
          if (kind === 'drop') copy.splice(at, 1);
          else if (kind === 'duplicate') copy.splice(at, 0, copy[at] ?? '');
          else copy[at] = text;
        }
        onlyParseErrors(copy.join('\n'));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps every word of every bullet it is given', () => {
    // fast-check generates from the class as written (both cases listed on purpose).

    const word = fc.stringMatching(/^[A-Za-z0-9',.?!()-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }),
        (items) => {
          const text = `Title\n\nSub\n\nHideShow resource information\n\nCard\n\n${items.map((words) => `  • ${words.join(' ')}`).join('\n')}\n1 of 1\n`;
          const body = parseRevisionText(text).cards[0]!.body;
          const unescaped = body.replace(/\\(.)/g, '$1');
          assert.deepEqual(
            unescaped.split('\n').map((line) => line.replace(/^- /, '')),
            items.map((words) => words.join(' ')),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
