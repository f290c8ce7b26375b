import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardFacts, cardPlainText, setFacts } from '../../../../src/domain/study/card-text.js';
import { seedCard, seedSet } from './study-fixtures.js';

describe('cardFacts', () => {
  it('reads the seed’s card 1 as its three bullets, typos kept', () => {
    const facts = cardFacts(seedCard(1));
    assert.deepEqual(
      facts.map((f) => [f.kind, f.index, f.cardPosition]),
      [
        ['bullet', 0, 1],
        ['bullet', 1, 1],
        ['bullet', 2, 1],
      ],
    );
    assert.match(
      facts[0]!.text,
      /^Historians talk about Stalin's Russia .* the Party srt out to control every aspect of life$/,
    );
  });

  it('reads the chronology card as nine paragraphs, one per dated entry', () => {
    const facts = cardFacts(seedCard(4));
    assert.equal(facts.length, 9);
    assert.ok(facts.every((f) => f.kind === 'paragraph'));
    assert.equal(
      facts[4]!.text,
      "1934 - Dec 1st, Kirov assassinated by Nikolayev, a party member. Kirov's bodyguard mysteriously absent. Stalin passes a decree giving NKVD power to arrest and detain suspects.",
    );
  });

  it('keeps sub-headings as heading facts, in order', () => {
    const facts = cardFacts(seedCard(8));
    assert.deepEqual(
      facts.filter((f) => f.kind === 'heading').map((f) => [f.index, f.text]),
      [[3, 'To put the Terror into context']],
    );
    assert.deepEqual(
      cardFacts(seedCard(6))
        .map((f) => f.kind)
        .slice(0, 2),
      ['heading', 'bullet'],
    );
  });

  it('undoes Markdown escapes and entities, and ignores markup', () => {
    const facts = cardFacts({
      position: 7,
      body: '- 5 \\* 3 \\= 15 and a\\_b &amp; c\n- **Bold** and `code` and [a link](https://example.org)\n\n\\# not a heading\n\n1\\. not a list',
    });
    assert.deepEqual(
      facts.map((f) => f.text),
      ['5 * 3 = 15 and a_b & c', 'Bold and code and a link', '# not a heading', '1. not a list'],
    );
  });

  it('treats raw HTML as text, never as markup', () => {
    assert.deepEqual(
      cardFacts({ position: 1, body: 'Use <b>bold</b> here' }).map((f) => f.text),
      ['Use <b>bold</b> here'],
    );
  });

  it('joins soft line breaks with a space and skips empty bodies', () => {
    assert.deepEqual(
      cardFacts({ position: 1, body: 'one\ntwo' }).map((f) => f.text),
      ['one two'],
    );
    assert.deepEqual(cardFacts({ position: 1, body: '' }), []);
  });

  it('gives 60 facts for the whole seed and a plain text that starts with the card title', () => {
    const set = seedSet();
    assert.equal(setFacts(set.cards).length, 60);
    assert.match(
      cardPlainText(seedCard(3)),
      /^The Terror\nUsed to describe a whole series of events in Russia/,
    );
  });
});
