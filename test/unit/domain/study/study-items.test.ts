import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  clozeAnswers,
  clozeNumbers,
  clozePlainText,
  itemFaces,
  itemKey,
  parseItemKey,
  fillClozeGaps,
  studyVariants,
  type ItemCard,
} from '../../../../src/domain/study/index.js';
import { renderMarkdown } from '../../../../src/formats/render-markdown.js';

/** The text a reader sees of rendered HTML: tags dropped, gaps as their visible brackets. */
const seen = (html: string) =>
  html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<mark[^>]*>/g, '*')
    .replace(/<\/mark>/g, '*')
    .replace(/<[^>]+>/g, '')
    .trim();
const side = (body: string, number: number, which: 'front' | 'back') =>
  seen(renderMarkdown(body, { cloze: { number, side: which } }));

const basic = (title: string | null, body: string, reversible = false): ItemCard => ({
  position: 3,
  title,
  body,
  kind: 'basic',
  reversible,
});
const cloze = (body: string, title: string | null = null): ItemCard => ({
  position: 2,
  title,
  body,
  kind: 'cloze',
  reversible: false,
});

describe('cloze deletions', () => {
  it('reads numbers, answers and hints in Anki’s syntax', () => {
    const body = '{{c1::Canberra::city}} is the capital of {{c2::Australia}}; {{c1::it}} was planned.';
    assert.deepEqual(clozeNumbers(body), [1, 2]);
    assert.deepEqual(clozeAnswers(body, 1), ['Canberra', 'it']);
    assert.deepEqual(clozeAnswers(body, 2), ['Australia']);
    assert.equal(clozePlainText(body), 'Canberra is the capital of Australia; it was planned.');
  });

  it('hides one number on the front, showing its hint, and the other answers as text', () => {
    const body = '{{c1::Canberra::city}} is the capital of {{c2::Australia}}.';
    assert.equal(side(body, 1, 'front'), '[city] is the capital of Australia.');
    assert.equal(side(body, 2, 'front'), 'Canberra is the capital of […].');
    assert.equal(side(body, 2, 'back'), 'Canberra is the capital of *Australia*.');
    assert.equal(
      fillClozeGaps(body, 1, (hint) => `<${hint ?? ''}>`),
      '<city> is the capital of Australia.',
    );
  });

  it('reads nested deletions as Anki does', () => {
    const body = '{{c1::The capital is {{c2::Canberra}}}}.';
    assert.deepEqual(clozeNumbers(body), [1, 2]);
    assert.equal(side(body, 1, 'front'), '[…].');
    assert.equal(side(body, 2, 'front'), 'The capital is […].');
    assert.equal(side(body, 1, 'back'), '*The capital is Canberra*.');
    assert.deepEqual(clozeAnswers(body, 1), ['The capital is Canberra']);
  });

  it('keeps what is not a well-formed deletion as written', () => {
    for (const body of [
      '{{c::x}}',
      '{{c1:x}}',
      '{{c1::never closed',
      'a }} b',
      '{{c0::zero}}',
      '{{c12345::x}}',
    ]) {
      assert.equal(clozePlainText(body), body, body);
    }
    assert.deepEqual(clozeNumbers('{{c1::never closed'), []);
  });

  it('never loses text: the plain text of any body without deletions is the body', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'c', '1', ':', 'x', ' ') }), (body) => {
        const plain = clozePlainText(body);
        if (clozeNumbers(body).length === 0) assert.equal(plain, body);
        else assert.ok(plain.length < body.length);
      }),
    );
  });
});

describe('study items', () => {
  it('gives a basic card one item, a reversible one two, a cloze card one per number', () => {
    assert.deepEqual(studyVariants(basic('Osmosis', 'Water moving across a membrane')), [0]);
    assert.deepEqual(studyVariants(basic('Osmosis', 'Water moving across a membrane', true)), [0, 1]);
    assert.deepEqual(studyVariants(cloze('{{c2::a}} and {{c1::b}} and {{c2::c}}')), [1, 2]);
  });

  it('studies a reversible card without a title, and a cloze card without deletions, as basic', () => {
    assert.deepEqual(studyVariants(basic(null, 'Only a body', true)), [0]);
    assert.deepEqual(studyVariants(cloze('No deletions here')), [0]);
  });

  it('shows a reversed card’s body on the front and its title, as written, on the back', () => {
    const faces = itemFaces(
      basic('Mitosis *not* meiosis', 'Cell division giving two identical cells', true),
      1,
    );
    assert.equal(faces.frontBody, 'Cell division giving two identical cells');
    assert.equal(faces.back, 'Mitosis \\*not\\* meiosis');
    assert.equal(faces.label, 'Card 3, reversed');
  });

  it('shows a cloze item’s gap on the front and its answer on the back', () => {
    const body = 'The {{c1::mitochondria}} release energy.';
    const faces = itemFaces(cloze(body), 1);
    assert.equal(faces.front, 'Card 2');
    assert.equal(faces.clozeNumber, 1);
    assert.equal(faces.label, 'Card 2, deletion 1');
    assert.equal(side(faces.frontBody!, faces.clozeNumber, 'front'), 'The […] release energy.');
    assert.equal(side(faces.back, faces.clozeNumber, 'back'), 'The *mitochondria* release energy.');
    assert.equal(itemFaces(basic('Osmosis', 'Water'), 0).clozeNumber, null);
  });

  it('names items by key and reads the keys back, refusing anything else', () => {
    assert.equal(itemKey(12, 0), '12');
    assert.equal(itemKey(12, 3), '12.3');
    assert.deepEqual(parseItemKey('12'), { cardId: 12, variant: 0 });
    assert.deepEqual(parseItemKey('12.3'), { cardId: 12, variant: 3 });
    for (const bad of [undefined, '', '0', '-1', '1.2.3', 'x', '12.', '.3', '1'.repeat(30)]) {
      assert.equal(parseItemKey(bad), null, String(bad));
    }
  });
});
