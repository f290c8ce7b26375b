import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Type from 'typebox';
import { AppError } from '../../../src/domain/errors.js';
import {
  FormCheckbox,
  FormFieldsMatching,
  FormText,
  parseFormBody,
  readFormBody,
} from '../../../src/web/form-body.js';

const Settings = Type.Object({
  name: FormText(10),
  count: Type.Integer({ minimum: 1, maximum: 5, problem: 'Choose from 1 to 5.' }),
  ticked: FormCheckbox(),
  kind: FormText(10, { fallback: 'basic' }),
});

const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return error.details;
    throw error;
  }
  assert.fail('expected a validation error');
};

describe('reading a form body through its schema', () => {
  it('converts numbers and ticked boxes, fills defaults and drops undeclared fields such as the CSRF token', () => {
    assert.deepEqual(readFormBody(Settings, { name: 'Ada', count: '3', ticked: '1', _csrf: 'token' }), {
      name: 'Ada',
      count: 3,
      ticked: true,
      kind: 'basic',
    });
    assert.deepEqual(readFormBody(Settings, { count: '1' }), {
      name: '',
      count: 1,
      ticked: false,
      kind: 'basic',
    });
  });

  it('takes the last value of a repeated field, as the browser sent it', () => {
    assert.equal(readFormBody(Settings, { name: ['first', 'last'], count: '2' }).name, 'last');
  });

  it('lets a little too much text through to the service, whose rule speaks for it', () => {
    assert.equal(readFormBody(Settings, { name: 'x'.repeat(120), count: '1' }).name.length, 120);
  });

  it('names each field at fault once, with its rule and what was sent', () => {
    assert.deepEqual(
      problemsOf(() => readFormBody(Settings, { name: 'x'.repeat(121), count: '9' })),
      [
        { field: 'name', message: 'At most 10 characters (this has 121).' },
        { field: 'count', message: 'Choose from 1 to 5.' },
      ],
    );
    assert.deepEqual(
      problemsOf(() => readFormBody(Settings, { name: 'Ada' })),
      [{ field: 'count', message: 'Choose from 1 to 5.' }],
    );
    assert.deepEqual(
      problemsOf(() => readFormBody(Settings, { count: 'three' })),
      [{ field: 'count', message: 'Choose from 1 to 5.' }],
    );
  });

  it('makes numbered fields a list in the order of their numbers, naming a problem as the page does', () => {
    const Cards = Type.Object({
      cards: Type.Array(Type.Object({ title: FormText(5), body: FormText(50) }), { default: [] }),
    });
    assert.deepEqual(readFormBody(Cards, { 'cards[10][title]': 'b', 'cards[2][title]': 'a' }), {
      cards: [
        { title: 'a', body: '' },
        { title: 'b', body: '' },
      ],
    });
    const long = 'x'.repeat(1_111);
    const { value, problems } = parseFormBody(Cards, { 'cards[0][title]': 'a', 'cards[1][title]': long });
    assert.deepEqual(problems, [
      { field: 'cards[1].title', message: 'At most 5 characters (this has 1,111).' },
    ]);
    // What was typed stays, to show the form again.
    assert.equal(value.cards[1]?.title, long);
  });

  it('keeps only the fields a pattern names', () => {
    const Ticked = FormFieldsMatching('^first-[0-9]{1,15}$', Type.Literal('1'));
    assert.deepEqual(readFormBody(Ticked, { 'first-12': '1', 'first-x': '1', _csrf: 't' }), {
      'first-12': '1',
    });
    assert.deepEqual(
      problemsOf(() => readFormBody(Ticked, { 'first-3': 'yes' })).map((p) => p.field),
      ['first-3'],
    );
  });

  it('gives back any text within its limit with CRLF line ends as LF, and refuses any longer', () => {
    const Note = Type.Object({ note: FormText(40) });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60, unit: fc.constantFrom('a', 'é', ' ', '\r\n', '\r', '\n', '€') }),
        (typed) => {
          const expected = typed.replace(/\r\n?/g, '\n');
          if (expected.length <= 120) assert.equal(readFormBody(Note, { note: typed }).note, expected);
          else assert.equal(problemsOf(() => readFormBody(Note, { note: typed }))[0]?.field, 'note');
        },
      ),
    );
  });
});
