import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { containsPhrase } from '../../../../src/domain/study/answer-text.js';
import { cardFacts } from '../../../../src/domain/study/card-text.js';
import { cardPrompt } from '../../../../src/domain/study/prompt.js';
import { seedCard, seedSet } from './study-fixtures.js';

describe('cardPrompt', () => {
  it('makes the untitled first card of the seed ask what historians say about Stalin’s Russia', () => {
    assert.equal(cardPrompt(seedCard(1)), "What do historians say about Stalin's Russia?");
  });

  it('keeps titles exactly as written, including those the scrape cut short', () => {
    assert.equal(cardPrompt(seedCard(2)), 'How did Stalin establish control over the Soviet U');
    assert.equal(cardPrompt(seedCard(6)), 'Was there serious opposition to Stalin within the');
    assert.equal(cardPrompt(seedCard(11)), 'What effects did the Terror have on family life? .');
    assert.deepEqual(
      seedSet()
        .cards.filter((card) => card.title !== null)
        .map((card) => cardPrompt(card)),
      seedSet()
        .cards.filter((card) => card.title !== null)
        .map((card) => card.title),
    );
  });

  it('asks what some historians argue about, cutting the topic before its verb', () => {
    const card = {
      position: 2,
      title: null,
      body: '- Some historians argue that the Terror was really quite arbitrary\n- Others disagree',
    };
    assert.equal(cardPrompt(card), 'What do some historians argue about the Terror?');
  });

  it('turns a definition into a question about the term', () => {
    assert.equal(
      cardPrompt({
        position: 1,
        title: null,
        body: '- Osmosis is the diffusion of water through a membrane',
      }),
      'What is osmosis?',
    );
    assert.equal(
      cardPrompt({ position: 1, title: null, body: '- Nucleus - contains the genetic material\n- More' }),
      'Nucleus: what is it?',
    );
  });

  it('uses an opening sub-heading as the front', () => {
    assert.equal(
      cardPrompt({
        position: 6,
        title: null,
        body: '### Were the purges planned?\n\n- One explanation is …',
      }),
      'Were the purges planned?',
    );
  });

  it('falls back to the first clause of the first fact, marked as unfinished', () => {
    assert.equal(
      cardPrompt({
        position: 3,
        title: null,
        body: '- Millions were either deprived of Party membership, arrested with or without trial, sent to the gulags or shot!',
      }),
      'Card 3: Millions were either deprived of Party membership…?',
    );
  });

  it('never gives a whole fact away, even for a one-fact card', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Kirov',
            'was',
            'shot',
            'in',
            'Leningrad',
            'the',
            'party',
            '1934',
            'by',
            'Nikolayev',
          ),
          {
            minLength: 1,
            maxLength: 14,
          },
        ),
        (words) => {
          const card = { position: 5, title: null, body: words.join(' ') };
          const prompt = cardPrompt(card);
          const fact = cardFacts(card)[0]!.text;
          assert.ok(prompt.length > 0);
          if (words.length > 1) assert.ok(!containsPhrase(prompt, fact), `${prompt} gives away ${fact}`);
        },
      ),
    );
  });

  it('names an empty untitled card by its position', () => {
    assert.equal(cardPrompt({ position: 9, title: null, body: '' }), 'Card 9');
  });
});
