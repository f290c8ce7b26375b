import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cardPlainText } from '../../../../src/domain/study/card-text.js';
import { findDates, formatDate } from '../../../../src/domain/study/dates.js';
import { generateQuestions } from '../../../../src/domain/study/generate-test.js';
import { createRandom } from '../../../../src/domain/study/random.js';
import {
  compareEvents,
  extractTimeline,
  orderingExercise,
  undatedText,
  type TimelineEvent,
} from '../../../../src/domain/study/timeline.js';
import { demoSets, seedSet } from './study-fixtures.js';

const brief = (e: TimelineEvent) => [e.cardPosition, e.year, e.month, e.day, e.endYear];

describe('extractTimeline on the seed', () => {
  const events = extractTimeline(seedSet().cards);
  const chronology = events.filter((e) => e.cardPosition === 4);

  it('finds the nine chronology entries of card 4, in order', () => {
    assert.deepEqual(
      chronology.map((e) => [e.year, e.month, e.day, e.endYear]),
      [
        [1930, null, null, null],
        [1932, null, null, null],
        [1934, null, null, null],
        [1934, null, null, null],
        [1934, 12, 1, null],
        [1935, null, null, null],
        [1936, null, null, null],
        [1937, null, null, null],
        [1938, null, null, null],
      ],
    );
  });

  it('extracts Kirov’s assassination as 1 December 1934, without the date in its text', () => {
    const kirov = chronology[4]!;
    assert.equal(kirov.dateLabel, '1 December 1934');
    assert.equal(
      kirov.text,
      "Kirov assassinated by Nikolayev, a party member. Kirov's bodyguard mysteriously absent. Stalin passes a decree giving NKVD power to arrest and detain suspects.",
    );
    assert.match(kirov.fact, /^1934 - Dec 1st, Kirov/);
  });

  it('reads "1930 - 1 - A first purges" as 1930 with a list number, not 1930–31 or day 1', () => {
    const first = chronology[0]!;
    assert.deepEqual(brief(first), [4, 1930, null, null, null]);
    assert.match(first.text, /^A first purges concentrated upon technical experts/);
  });

  it('strips the leading date from each chronology entry', () => {
    assert.deepEqual(
      chronology.map((e) => e.text.slice(0, 22)),
      [
        'A first purges concentr',
        'More than 800,000 memb',
        'Some party members tri',
        'Elections for Central ',
        'Kirov assassinated by ',
        'Society of Old Bolshev',
        'New democratic constit',
        'Second show trial, pur',
        'Third Show Trial begin',
      ].map((t) => t.slice(0, 22)),
    );
  });

  it('finds the dated facts on the other cards, with ranges and months', () => {
    assert.deepEqual(events.filter((e) => e.cardPosition !== 4).map(brief), [
      [9, 1925, null, null, 1927],
      [3, 1928, null, null, 1938],
      [6, 1930, null, null, 1932],
      [11, 1935, null, null, null],
      [5, 1936, null, null, 1938],
      [8, 1939, 3, null, null],
      [10, 1941, null, null, null],
    ]);
    const label = (position: number) => events.find((e) => e.cardPosition === position)!.dateLabel;
    assert.equal(label(8), 'March 1939');
    assert.equal(label(6), '1930–1932');
    assert.equal(label(9), '1925–1927');
    assert.match(events.find((e) => e.cardPosition === 11)!.text, /This changed in 1935 when new law/);
  });

  it('gives exactly 16 events sorted by year, month, day and card, with the whole timeline as text', () => {
    assert.equal(events.length, 16);
    assert.deepEqual([...events].sort(compareEvents), events);
    assert.deepEqual(
      events.map((e) => `${e.dateLabel} (card ${e.cardPosition})`),
      [
        '1925–1927 (card 9)',
        '1928–1938 (card 3)',
        '1930 (card 4)',
        '1930–1932 (card 6)',
        '1932 (card 4)',
        '1934 (card 4)',
        '1934 (card 4)',
        '1 December 1934 (card 4)',
        '1935 (card 4)',
        '1935 (card 11)',
        '1936 (card 4)',
        '1936–1938 (card 5)',
        '1937 (card 4)',
        '1938 (card 4)',
        'March 1939 (card 8)',
        '1941 (card 10)',
      ],
    );
  });

  it('does not take 800,000, 7,000,000, 20,000,000, 700,000, 9% or 90% for years, nor the 1930s for an event', () => {
    for (const e of events) {
      assert.ok(e.year >= 1925 && e.year <= 1941, `${e.dateLabel} from "${e.fact}"`);
    }
    assert.ok(!events.some((e) => /1930s/.test(e.fact)), 'the decade is not an event');
  });

  it('ignores card titles and sub-headings: "Chronology of the Terror 1930 - 38" is not an event', () => {
    assert.ok(!events.some((e) => e.fact.startsWith('Chronology')));
  });

  it('gives every event a stable id and a text found on its card', () => {
    const again = extractTimeline(seedSet().cards);
    assert.deepEqual(
      again.map((e) => e.id),
      events.map((e) => e.id),
    );
    assert.equal(new Set(events.map((e) => e.id)).size, events.length);
    const cards = seedSet().cards;
    for (const e of events) assert.ok(cardPlainText(cards[e.cardPosition - 1]!).includes(e.text));
  });
});

describe('the date of an event', () => {
  const dateOf = (body: string) => {
    const [event] = extractTimeline([{ position: 1, title: null, body }]);
    return event === undefined ? null : event.dateLabel;
  };

  it('is the date in the clause that names the event, not a date in brackets or a leading clause', () => {
    assert.equal(dateOf('Six years after NATO (1949), the Warsaw Pact was formed in 1955.'), '1955');
    assert.equal(dateOf('The Warsaw Pact was formed in 1955, six years after NATO (1949).'), '1955');
    assert.equal(
      dateOf('After the war ended in 1945, the United Nations first met in January 1946.'),
      'January 1946',
    );
    assert.equal(dateOf('Following the 1905 revolution, the first Duma met in 1906.'), '1906');
    assert.equal(dateOf('Stalin (born 1878) became General Secretary in 1922.'), '1922');
  });

  it('keeps a leading date, and the only date when there is one', () => {
    assert.equal(dateOf('1934 - Dec 1st, Kirov assassinated (born 1886).'), '1 December 1934');
    assert.equal(dateOf('After 1945, the Cold War began.'), '1945');
    assert.equal(dateOf('NATO (1949) was a defensive alliance.'), '1949');
    assert.equal(dateOf('From 1928 to 1938 the purges went on, before the war of 1939.'), '1928–1938');
  });

  it('dates an ordering question’s item by its event', () => {
    const cards = [
      { position: 1, title: null, body: 'Six years after NATO (1949), the Warsaw Pact was formed in 1955.' },
      { position: 2, title: null, body: 'The Berlin Wall was built in 1961 to stop people leaving.' },
      { position: 3, title: null, body: 'The Marshall Plan gave aid to Western Europe from 1948.' },
    ];
    const ordering = generateQuestions({ title: 'Cold War', cards }, { seed: 1, kinds: ['ordering'] }).find(
      (q) => q.kind === 'ordering',
    );
    assert.ok(ordering !== undefined && ordering.kind === 'ordering');
    const warsaw = ordering.answer.findIndex((item) => item.includes('Warsaw Pact'));
    assert.equal(ordering.dates[warsaw], '1955');
    assert.deepEqual(ordering.dates, ['1948', '1955', '1961']);
  });
});

describe('findDates', () => {
  const kinds = (text: string) => findDates(text).map((d) => [d.kind, formatDate(d)]);

  it('reads days, months, ranges and decades in many spellings', () => {
    assert.deepEqual(kinds('Dec 1st, 1934 and 1 December 1934 and December 1st 1934'), [
      ['day', '1 December 1934'],
      ['day', '1 December 1934'],
      ['day', '1 December 1934'],
    ]);
    assert.deepEqual(kinds('in March 1939; from 1928 to 1938; 1936 - 1938; 1930 -32; 1925-7; the 1930s'), [
      ['month', 'March 1939'],
      ['range', '1928–1938'],
      ['range', '1936–1938'],
      ['range', '1930–1932'],
      ['range', '1925–1927'],
      ['decade', '1930–1939'],
    ]);
    assert.deepEqual(kinds('between 1918 and 1921'), [['range', '1918–1921']]);
  });

  it('does not read quantities, formulas or implausible numbers as years', () => {
    assert.deepEqual(
      findDates(
        '800,000 members; 7,000,000 deaths; 1000 micrometres; x2000; 1/2000; £1500; 35.4 million; 90%; 2500 people; C6H12O6; 999; 2200; 1,934',
      ),
      [],
    );
  });

  it('does not mistake a list number after a year for the end of a range, nor "may" for May', () => {
    assert.deepEqual(kinds('1930 - 1 - A first purges'), [['year', '1930']]);
    assert.deepEqual(kinds('figures may 1934 be'), [['year', '1934']]);
  });

  it('finds each mention once and reports offsets that slice back to its text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '1934',
            'Dec',
            '1st,',
            'March',
            '1939',
            '-',
            '32',
            'to',
            '1938',
            '800,000',
            'in',
            '1930s',
            'the',
          ),
          {
            maxLength: 12,
          },
        ),
        (words) => {
          const text = words.join(' ');
          const found = findDates(text);
          let end = 0;
          for (const d of found) {
            assert.equal(text.slice(d.start, d.end), d.text);
            assert.ok(d.start >= end, 'no overlaps');
            assert.ok(d.year >= 1000 && d.year <= 2100);
            end = d.end;
          }
        },
      ),
    );
  });
});

describe('orderingExercise', () => {
  const events = extractTimeline(seedSet().cards);

  it('picks events whose years cannot be confused, shuffled, with the earliest-first answer', () => {
    const exercise = orderingExercise(events, { count: 5, random: createRandom(42) })!;
    assert.equal(exercise.answer.length, 5);
    assert.deepEqual(
      [...exercise.shown].sort((a, b) => compareEvents(a.event, b.event)),
      exercise.answer,
    );
    assert.notDeepEqual(exercise.shown, exercise.answer);
    const spans = exercise.answer.map(
      (item) => [item.event.year, item.event.endYear ?? item.event.year] as const,
    );
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0] > spans[i - 1]![1], 'no overlapping years');
  });

  it('is reproducible from the seed of the generator', () => {
    const a = orderingExercise(events, { count: 4, random: createRandom('exam') });
    const b = orderingExercise(events, { count: 4, random: createRandom('exam') });
    assert.deepEqual(a, b);
  });

  it('shows clues without their dates, each taken word for word from the card', () => {
    const cards = seedSet().cards;
    for (let seed = 0; seed < 20; seed++) {
      const exercise = orderingExercise(events, { count: 4, random: createRandom(seed) })!;
      for (const { clue, event } of exercise.shown) {
        assert.deepEqual(findDates(clue), [], clue);
        assert.ok(cardPlainText(cards[event.cardPosition - 1]!).includes(clue), clue);
      }
    }
  });

  it('gives the dated sentence’s words around its date as the clue', () => {
    const byCard = (position: number) => undatedText(events.find((e) => e.cardPosition === position)!);
    assert.equal(byCard(3), 'Used to describe a whole series of events in Russia');
    assert.equal(byCard(6), 'This is certainly true of the early purges');
    assert.equal(byCard(9), 'Bolshevik leaders who Stalin had forced out');
  });

  it('returns null when fewer than two distinct dates exist', () => {
    assert.equal(orderingExercise(events.slice(0, 1), { count: 4, random: createRandom(1) }), null);
    assert.equal(orderingExercise([], { count: 4, random: createRandom(1) }), null);
  });
});

describe('extractTimeline on the demo sets', () => {
  it('finds dated events in every history set and none before 1000', () => {
    for (const set of demoSets()) {
      const events = extractTimeline(set.cards);
      if (set.subject === 'History') assert.ok(events.length >= 10, `${set.file}: ${events.length}`);
      assert.ok(events.every((e) => e.year >= 1000));
    }
  });
});
