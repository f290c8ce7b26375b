import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../src/domain/errors.js';
import {
  EditorForm,
  editFromState,
  editorStateFrom,
  readEditorForm,
} from '../../../src/web/editor/editor-form.js';
import { parseFormBody } from '../../../src/web/form-body.js';

const form = (cards: Record<string, string>[], extra: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    title: 'Capitals',
    subject: 'Geography',
    visibility: 'private',
    revision: '0',
    action: 'save',
    ...extra,
  };
  cards.forEach((card, index) => {
    for (const [key, value] of Object.entries(card)) values[`cards[${index}][${key}]`] = value;
  });
  return values;
};

/** The editor's state from the posted fields, as the route reads them. */
const read = (values: Record<string, string>) => readEditorForm(parseFormBody(EditorForm, values).value);

describe('the editor form', () => {
  it('reads each card’s kind, “also study reversed” and tags, and the set’s tags', () => {
    const { state, action } = read(
      form(
        [
          {
            id: '',
            title: '',
            body: '{{c1::Canberra}} is the capital',
            kind: 'cloze',
            tags: 'capitals, Oceania',
          },
          { id: '7', title: 'Osmosis', body: 'Water moving', kind: 'basic', reversible: '1' },
          { id: '', title: 'Plain', body: 'Text' },
        ],
        { tags: 'geography,  GCSE ' },
      ),
    );
    assert.deepEqual(
      state.cards.map(({ kind, reversible, tags }) => ({ kind, reversible, tags })),
      [
        { kind: 'cloze', reversible: false, tags: 'capitals, Oceania' },
        { kind: 'basic', reversible: true, tags: '' },
        { kind: 'basic', reversible: false, tags: '' },
      ],
    );
    const edit = editFromState(state, action);
    assert.deepEqual(edit.tags, ['geography', 'GCSE']);
    assert.deepEqual(
      edit.cards.map(({ id, kind, reversible, tags }) => ({ id, kind, reversible, tags })),
      [
        { id: null, kind: 'cloze', reversible: false, tags: ['capitals', 'Oceania'] },
        { id: 7, kind: 'basic', reversible: true, tags: [] },
        { id: null, kind: 'basic', reversible: false, tags: [] },
      ],
    );
  });

  it('ignores “also study reversed” on a cloze card', () => {
    const { state, action } = read(
      form([{ title: 't', body: '{{c1::x}} y', kind: 'cloze', reversible: '1' }]),
    );
    assert.equal(editFromState(state, action).cards[0]!.reversible, false);
  });

  it('refuses a kind it does not know and an over-long tags field, naming each field', () => {
    const { state, action } = read(
      form([{ title: 't', body: 'b', kind: 'image-occlusion', tags: 'x'.repeat(10_201) }]),
    );
    assert.throws(
      () => editFromState(state, action),
      (error: unknown) =>
        error instanceof AppError &&
        error.details.map((p) => p.field).join(' ') === 'cards[0].kind cards[0].tags',
    );
  });

  it('refuses a field far beyond any form’s use before reading it, naming the field and its limit', () => {
    const { problems } = parseFormBody(EditorForm, form([{ title: 't', body: 'x'.repeat(50_000) }]));
    assert.deepEqual(problems, [
      { field: 'cards[0].body', message: 'At most 10,000 characters (this has 50,000).' },
    ]);
  });

  it('reads a textarea’s CRLF line ends as "\\n", and the cards in the order of their numbers', () => {
    const { state } = read({
      ...form([]),
      'cards[3][body]': 'second',
      'cards[1][body]': 'line one\r\nline two',
    });
    assert.deepEqual(
      state.cards.map((card) => card.body),
      ['line one\nline two', 'second'],
    );
  });

  it('fills the form from a stored set: kinds, reversibility and tags as typed', () => {
    const state = editorStateFrom({
      summary: {} as never,
      revision: 3,
      edit: {
        title: 'Capitals',
        subtitle: null,
        subject: 'Geography',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        tags: ['geography', 'Paper 1'],
        cards: [
          { id: 4, title: null, body: '{{c1::x}}', kind: 'cloze', reversible: false, tags: ['a', 'b'] },
          { id: 5, title: 'T', body: 'B', kind: 'basic', reversible: true, tags: [] },
        ],
      },
    });
    assert.equal(state.fields.tags, 'geography, Paper 1');
    assert.deepEqual(
      state.cards.map(({ id, kind, reversible, tags }) => ({ id, kind, reversible, tags })),
      [
        { id: '4', kind: 'cloze', reversible: false, tags: 'a, b' },
        { id: '5', kind: 'basic', reversible: true, tags: '' },
      ],
    );
  });
});
