import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BLANK,
  extractTimeline,
  generateQuestions,
  generateTest,
  questionProblems,
  readableCard,
  type StudySet,
} from '../../../../src/domain/study/index.js';

const set: StudySet = {
  title: 'Capitals and dates',
  cards: [
    {
      position: 1,
      title: null,
      body: '- {{c1::Canberra::city}} became the capital of Australia in {{c2::1913}}.\n- It was planned by the architect {{c3::Walter Burley Griffin}} after a competition.',
      kind: 'cloze',
    },
    {
      position: 2,
      title: 'Ottawa',
      body: 'Queen Victoria chose **{{c1::Ottawa}}** as the capital of the Province of Canada in 1857.',
      kind: 'cloze',
    },
    { position: 3, title: 'Wellington', body: 'Wellington became the capital of New Zealand in 1865.' },
  ],
};

describe('self-test questions from cloze deletions', () => {
  const questions = generateQuestions(set, { seed: 1, kinds: ['cloze'] });
  // The author's deletions come first, before gaps made from the text.
  const fromDeletions = questions.slice(0, 4);

  it('asks each deletion as a gap in its sentence, its answer the deletion’s text', () => {
    const byAnswer = new Map(fromDeletions.map((q) => [q.answer, q]));
    assert.deepEqual(
      [...byAnswer.keys()].sort(),
      ['1913', 'Canberra', 'Ottawa', 'Walter Burley Griffin'].sort(),
    );
    assert.equal(
      byAnswer.get('Canberra')!.prompt,
      `Card 1: ${BLANK} (city) became the capital of Australia in 1913.`,
    );
    assert.equal(
      byAnswer.get('1913')!.prompt,
      `Card 1: Canberra became the capital of Australia in ${BLANK}.`,
    );
    const year = byAnswer.get('1913')!;
    assert.equal(year.kind === 'cloze' ? year.answerKind : year.kind, 'year');
    // The title names the answer: the prompt says only "Card 2".
    assert.match(byAnswer.get('Ottawa')!.prompt, /^Card 2: Queen Victoria chose ______ as the capital/);
    assert.equal(
      byAnswer.get('Ottawa')!.explanation,
      'From card 2 (“Ottawa”): Queen Victoria chose Ottawa as the capital of the Province of Canada in 1857.',
    );
  });

  it('makes only valid questions, and none shows a brace', () => {
    const all = generateQuestions(set, { seed: 2 });
    assert.ok(all.length > 0);
    for (const question of all) {
      assert.deepEqual(questionProblems(question, set.cards.map(readableCard)), [], question.prompt);
      assert.ok(!JSON.stringify(question).includes('{{'), question.prompt);
    }
  });

  it('puts the author’s deletions first in a test, one per sentence', () => {
    const deletions = new Set(['1913', 'Canberra', 'Ottawa', 'Walter Burley Griffin']);
    for (const seed of [3, 4, 5]) {
      const test = generateTest(set, { seed, count: 3, kinds: ['cloze'] });
      assert.equal(test.length, 3);
      assert.ok(
        test.every((q) => deletions.has(q.answer as string)),
        JSON.stringify(test.map((q) => q.answer)),
      );
      const answers = test.map((q) => q.answer);
      assert.ok(!(answers.includes('Canberra') && answers.includes('1913')), 'one sentence, one question');
    }
  });

  it('reads dates on a timeline from the answers, not the braces', () => {
    const events = extractTimeline(set.cards.map(readableCard));
    assert.ok(events.some((event) => event.year === 1913 && event.text.includes('Canberra')));
    assert.ok(events.every((event) => !event.text.includes('{{')));
  });
});
