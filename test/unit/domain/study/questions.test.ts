import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { choiceKey, containsPhrase } from '../../../../src/domain/study/answer-text.js';
import { cardPlainText, type StudyCard } from '../../../../src/domain/study/card-text.js';
import { findDates } from '../../../../src/domain/study/dates.js';
import { questionChecker, questionProblems } from '../../../../src/domain/study/question-checks.js';
import {
  BLANK,
  questionId,
  type Question,
  type StudySet,
} from '../../../../src/domain/study/question-types.js';
import { generateQuestions, generateTest } from '../../../../src/domain/study/generate-test.js';
import { buildStudyContext } from '../../../../src/domain/study/questions.js';
import { createRandom } from '../../../../src/domain/study/random.js';
import { demoSets, seedSet } from './study-fixtures.js';

const seed = seedSet();
const history = () => demoSets().filter((set) => set.subject === 'History');
const cardAt = (set: StudySet, position: number) => set.cards.find((c) => c.position === position)!;
const describeQuestion = (q: Question) => `${q.kind}: ${q.prompt} → ${JSON.stringify(q.answer)}`;

describe('generateQuestions on the seed', () => {
  const questions = generateQuestions(seed, { seed: 1 });

  it('yields at least 30 distinct valid questions of every kind', () => {
    assert.ok(questions.length >= 30, `only ${questions.length}`);
    assert.equal(new Set(questions.map((q) => q.id)).size, questions.length);
    assert.equal(
      new Set(questions.map((q) => `${q.kind}\u0000${q.prompt}\u0000${String(q.answer)}`)).size,
      questions.length,
    );
    for (const kind of ['cloze', 'multiple-choice', 'ordering', 'which-card']) {
      assert.ok(questions.filter((q) => q.kind === kind).length >= 5, kind);
    }
  });

  it('meets every invariant: answer in its source card, prompt without its answer, distinct choices', () => {
    const check = questionChecker(seed.cards);
    for (const question of questions) assert.deepEqual(check(question), [], describeQuestion(question));
  });

  it('finds every cloze and multiple-choice answer word for word in its source card', () => {
    for (const q of questions) {
      if (q.kind !== 'cloze' && q.kind !== 'multiple-choice') continue;
      assert.ok(cardPlainText(cardAt(seed, q.sources[0]!)).includes(q.answer), describeQuestion(q));
      assert.ok(!containsPhrase(q.prompt, q.answer), describeQuestion(q));
      assert.ok(q.prompt.includes(BLANK));
    }
  });

  it('offers choices of the same kind as the answer, never two alike, the answer among them', () => {
    for (const q of questions) {
      if (q.kind !== 'multiple-choice') continue;
      assert.ok(q.choices.includes(q.answer));
      assert.equal(new Set(q.choices.map(choiceKey)).size, q.choices.length, describeQuestion(q));
      if (q.answerKind === 'year') {
        for (const choice of q.choices) assert.match(choice, /^\d{4}$/, describeQuestion(q));
      }
      if (q.answerKind === 'number') {
        for (const choice of q.choices) {
          assert.match(choice, /\d/, describeQuestion(q));
          assert.equal(
            choice.endsWith('%'),
            q.answer.endsWith('%'),
            `percentages with percentages: ${describeQuestion(q)}`,
          );
        }
      }
      if (q.answerKind === 'person' || q.answerKind === 'place' || q.answerKind === 'name') {
        for (const choice of q.choices) assert.match(choice, /^\p{Lu}/u, describeQuestion(q));
      }
    }
  });

  it('asks who assassinated Kirov with people as choices', () => {
    const q = questions.find((x) => x.kind === 'multiple-choice' && x.answer === 'Nikolayev');
    assert.ok(q !== undefined && q.kind === 'multiple-choice');
    assert.match(
      q.prompt,
      /^Which person fills the blank\? Card 4 \(“Chronology of the Terror 1930 - 38”\): 1934 - Dec 1st, Kirov assassinated by ______, a party member\. …$/,
    );
    assert.equal(q.choices.length, 4);
    assert.equal(
      q.explanation,
      `From card 4 (“Chronology of the Terror 1930 - 38”): ${cardPlainText(cardAt(seed, 4)).split('\n')[5]}`,
    );
  });

  it('blanks the usual figure of 7,000,000 with a number', () => {
    const q = questions.find((x) => x.kind === 'cloze' && x.answer === '7,000,000');
    assert.ok(q !== undefined);
    assert.equal(
      q.prompt,
      'Card 3 (“The Terror”): Usual figure given is ______ but this has been revised upwards in recent years as mass graves discovered in Kolyma. …',
    );
  });

  it('blanks every occurrence of the answer and hides a title that would give it away', () => {
    const q = questions.find((x) => x.kind === 'cloze' && x.answer === '1930');
    assert.ok(q !== undefined);
    assert.match(q.prompt, /^Card 4: ______ - 1 - A first purges/, 'the title "… 1930 - 38" is not shown');
    const trotsky = questions.find(
      (x) => x.kind === 'cloze' && x.answer === 'Trotsky' && x.prompt.includes('links'),
    );
    assert.ok(trotsky !== undefined);
    assert.match(trotsky.prompt, /linked with ______ and .* links with ______$/);
  });

  it('puts dated events in order without showing their dates', () => {
    for (const q of questions) {
      if (q.kind !== 'ordering') continue;
      assert.equal(q.prompt, 'Put these in date order, earliest first.');
      assert.deepEqual([...q.choices].sort(), [...q.answer].sort());
      for (const item of q.choices) assert.deepEqual(findDates(item), [], item);
      assert.equal(q.dates.length, q.answer.length);
      assert.match(q.explanation, /^In date order: /);
    }
  });

  it('asks which card a fact is from, with card fronts as choices and the fact never naming its card', () => {
    const fronts = new Set([...buildStudyContext(seed).prompts.values()]);
    for (const q of questions) {
      if (q.kind !== 'which-card') continue;
      assert.ok(q.choices.every((c) => fronts.has(c)));
      assert.equal(q.choices[q.choicePositions.indexOf(q.sources[0]!)], q.answer);
      assert.ok(!containsPhrase(q.fact, q.answer), describeQuestion(q));
      assert.ok(q.prompt.startsWith('Which card is this from? “'));
    }
  });

  it('gives the same questions for the same seed and others for another', () => {
    assert.deepEqual(generateQuestions(seed, { seed: 1 }), questions);
    const other = generateQuestions(seed, { seed: 2 });
    assert.notDeepEqual(
      other.map((q) => q.id),
      questions.map((q) => q.id),
    );
  });

  it('gives each question the hash of its content as id', () => {
    for (const q of questions) assert.equal(q.id, questionId(q));
    assert.match(questions[0]!.id, /^[0-9a-f]{16}$/);
  });
});

describe('generateTest', () => {
  it('builds a test of the requested size with a mix of kinds, reproducible from its seed', () => {
    const test = generateTest(seed, { count: 20, seed: 'exam-2026' });
    assert.equal(test.length, 20);
    const kinds = new Map<string, number>();
    for (const q of test) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    assert.equal(kinds.size, 4, JSON.stringify([...kinds]));
    assert.ok((kinds.get('multiple-choice') ?? 0) >= 5 && (kinds.get('ordering') ?? 0) <= 3);
    assert.deepEqual(generateTest(seed, { count: 20, seed: 'exam-2026' }), test);
    assert.equal(new Set(test.map((q) => q.id)).size, 20);
    for (const q of test) assert.deepEqual(questionProblems(q, seed.cards), [], describeQuestion(q));
  });

  it('does not ask about the same fact or repeat an answer while others remain', () => {
    const test = generateTest(seed, { count: 15, seed: 3, kinds: ['cloze', 'multiple-choice'] });
    const answers = test.map((q) => choiceKey(String(q.answer)));
    assert.equal(new Set(answers).size, answers.length, answers.join(', '));
    const explanations = test.map((q) => q.explanation);
    assert.equal(new Set(explanations).size, explanations.length);
  });

  it('keeps to the kinds asked for and stops at what the set can give', () => {
    const ordering = generateTest(seed, { count: 3, seed: 9, kinds: ['ordering'] });
    assert.deepEqual(
      ordering.map((q) => q.kind),
      ['ordering', 'ordering', 'ordering'],
    );
    const tiny: StudySet = {
      title: 'Tiny',
      cards: [{ position: 1, title: 'One', body: 'Nothing to ask here' }],
    };
    assert.deepEqual(generateTest(tiny, { count: 10, seed: 1 }), []);
    assert.deepEqual(generateTest(seed, { count: 0, seed: 1 }), []);
  });

  it('takes distractors from related sets of the same subject', () => {
    const related = history();
    const alone = generateQuestions(seed, { seed: 5, kinds: ['multiple-choice'] });
    const helped = generateQuestions(seed, { seed: 5, kinds: ['multiple-choice'], related });
    const fourChoices = (qs: Question[]) =>
      qs.filter((q) => q.kind === 'multiple-choice' && q.choices.length === 4).length;
    assert.ok(fourChoices(helped) >= fourChoices(alone));
    const fromElsewhere = helped.some(
      (q) =>
        q.kind === 'multiple-choice' &&
        q.choices.some((c) => !seed.cards.some((card) => cardPlainText(card).includes(c))),
    );
    assert.ok(fromElsewhere, 'some distractor comes from a related set');
    const check = questionChecker(seed.cards);
    for (const q of helped) assert.deepEqual(check(q), [], describeQuestion(q));
  });

  it('makes valid questions from every demo set', () => {
    for (const set of demoSets()) {
      const questions = generateQuestions(set, { seed: 11, limit: 200 });
      assert.ok(questions.length >= 30, `${set.file}: ${questions.length}`);
      for (const q of questions)
        assert.deepEqual(questionProblems(q, set.cards), [], `${set.file} ${describeQuestion(q)}`);
    }
  });

  it('builds a 50-question test for a 500-card set (linear work: no fact-by-fact comparisons)', () => {
    const big = generatedSet(500, 77);
    const test = generateTest(big, { count: 50, seed: 'big' });
    assert.equal(test.length, 50);
    const check = questionChecker(big.cards);
    for (const q of test) assert.deepEqual(check(q), [], describeQuestion(q));
  });

  it('only ever offers valid questions, whatever the cards say', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer(), (cards, salt) => {
        const set = generatedSet(cards, salt);
        const check = questionChecker(set.cards);
        for (const q of generateTest(set, { count: 12, seed: salt }))
          assert.deepEqual(check(q), [], describeQuestion(q));
      }),
      { numRuns: 25 },
    );
  });
});

/** A set of `size` cards with history-like bullets: names, places, years, numbers and definitions. */
function generatedSet(size: number, salt: number): StudySet {
  const random = createRandom(salt);
  const people = [
    'Stalin',
    'Kirov',
    'Nikolayev',
    'Trotsky',
    'Bukharin',
    'Lavrenti Beria',
    'Zinoviev',
    'Kamenev',
    'Yagoda',
    'Tomsky',
  ];
  const places = ['Moscow', 'Kolyma', 'Leningrad', 'Siberia', 'Kazakhstan', 'Ukraine'];
  const bodies = [
    (p: string, y: number) => `In ${y} ${p} was arrested by the NKVD in ${random.pick(places)!}.`,
    (p: string, y: number) => `${y} - ${p} signed the decree on ${random.int(90) + 5}% of the quotas`,
    (p: string) =>
      `About ${random.int(900) + 100},000 people were sent to ${random.pick(places)!} while ${p} watched`,
    (p: string) => `Purge - the removal of ${p}'s rivals from the Central Committee`,
    (p: string, y: number) =>
      `The Red Army lost ${random.int(40) + 3} generals after ${p} spoke in March ${y}`,
  ];
  const cards: StudyCard[] = [];
  for (let position = 1; position <= size; position++) {
    const lines: string[] = [];
    for (let i = 0; i < 10; i++) {
      const body = random.pick(bodies)!;
      lines.push(`- ${body(random.pick(people)!, 1900 + random.int(60))}`);
    }
    cards.push({
      position,
      title: random.int(5) === 0 ? null : `Topic ${position}: ${random.pick(people)!}`,
      body: lines.join('\n'),
    });
  }
  return { title: 'Generated', cards };
}
