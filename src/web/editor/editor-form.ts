/**
 * The card-set editor as a plain HTML form: what it posts, the buttons that change it without saving
 * (add, move, delete, paste: they work without JavaScript), and the edit it finally saves.
 */
import {
  isCardKind,
  isExamBoard,
  isLevel,
  isVisibility,
  LIMITS,
  type CardSetDraft,
} from '../../domain/card-set.js';
import { AppError, type FieldProblem } from '../../domain/errors.js';
import { formatTagList, parseTagList, TAG_LIMITS } from '../../domain/tags.js';
import { ParseError } from '../../formats/parse-error.js';
import type { CardSetEdit, EditableCardSet } from '../../services/card-set-editing.js';
import { readPastedCards } from '../../services/paste-import.js';
import Type, { type Static } from 'typebox';
import { FormCheckbox, FormText } from '../form-body.js';

export interface EditorCard {
  id: string;
  title: string;
  body: string;
  /** basic | cloze, as posted. */
  kind: string;
  /** "Also study reversed" (basic cards). */
  reversible: boolean;
  /** The tags field as typed ("ww2, Paper 1"). */
  tags: string;
}

export interface EditorState {
  fields: {
    title: string;
    subtitle: string;
    subject: string;
    topic: string;
    level: string;
    examBoard: string;
    visibility: string;
    /** A BCP 47 tag ("en", "fr"), or empty. */
    language: string;
    tags: string;
  };
  cards: EditorCard[];
  revision: string;
  paste: { text: string; format: string; separator: string };
  problems: FieldProblem[];
  message: string | null;
  /** Said above the cards after a button changed them ("Added 3 cards from your paste"). */
  status: string | null;
}

export type EditorAction =
  | { kind: 'save' }
  | { kind: 'publish' }
  | { kind: 'preview' }
  | { kind: 'add' }
  | { kind: 'paste' }
  | { kind: 'up' | 'down' | 'delete'; index: number };

const emptyCard = (): EditorCard => ({
  id: '',
  title: '',
  body: '',
  kind: 'basic',
  reversible: false,
  tags: '',
});

export function newEditorState(defaults: Partial<EditorState['fields']> = {}): EditorState {
  return {
    fields: {
      title: '',
      subtitle: '',
      subject: '',
      topic: '',
      level: '',
      examBoard: '',
      visibility: 'private',
      language: '',
      tags: '',
      ...defaults,
    },
    cards: [emptyCard(), emptyCard(), emptyCard()],
    revision: '0',
    paste: { text: '', format: 'auto', separator: '' },
    problems: [],
    message: null,
    status: null,
  };
}

export function editorStateFrom(editable: EditableCardSet): EditorState {
  const { edit } = editable;
  return {
    ...newEditorState(),
    fields: {
      title: edit.title,
      subtitle: edit.subtitle ?? '',
      subject: edit.subject,
      topic: edit.topic ?? '',
      level: edit.level ?? '',
      examBoard: edit.examBoard ?? '',
      visibility: edit.visibility,
      language: edit.language ?? '',
      tags: formatTagList(edit.tags ?? []),
    },
    cards: edit.cards.map((card) => ({
      id: String(card.id ?? ''),
      title: card.title ?? '',
      body: card.body,
      kind: card.kind ?? 'basic',
      reversible: card.reversible ?? false,
      tags: formatTagList(card.tags ?? []),
    })),
    revision: String(editable.revision),
  };
}

/** The longest paste the editor reads (a whole term list; the request's own limit is 1 MiB). */
const PASTE_MAX = 500_000;

/** What the editor posts. Card fields are named cards[i][id|title|body|kind|reversible|tags]. */
export const EditorForm = Type.Object({
  title: FormText(LIMITS.titleLength),
  subtitle: FormText(LIMITS.subtitleLength),
  subject: FormText(LIMITS.nameLength),
  topic: FormText(LIMITS.nameLength),
  level: FormText(40),
  examBoard: FormText(40),
  visibility: FormText(20, { fallback: 'private', problem: 'Choose who can see the set.' }),
  language: FormText(40),
  tags: FormText(TAG_LIMITS.fieldLength),
  cards: Type.Array(
    Type.Object({
      id: FormText(12),
      title: FormText(LIMITS.cardTitleLength),
      body: FormText(LIMITS.cardBodyLength),
      kind: FormText(20, { fallback: 'basic' }),
      reversible: FormCheckbox(),
      tags: FormText(TAG_LIMITS.fieldLength),
    }),
    { maxItems: LIMITS.cardsPerSet + 50, default: [] },
  ),
  revision: FormText(12, { fallback: '0' }),
  paste: FormText(PASTE_MAX),
  pasteFormat: FormText(20, { fallback: 'auto' }),
  pasteSeparator: FormText(20),
  /** The button pressed: save, publish, preview, add, paste, or up|down|delete:<card>. */
  action: FormText(20),
});

/** The editor's state from what it posted (see parseFormBody: it may break the form's limits). */
export function readEditorForm(form: Static<typeof EditorForm>): {
  state: EditorState;
  action: EditorAction;
} {
  const state: EditorState = {
    fields: {
      title: form.title,
      subtitle: form.subtitle,
      subject: form.subject,
      topic: form.topic,
      level: form.level,
      examBoard: form.examBoard,
      visibility: form.visibility,
      language: form.language,
      tags: form.tags,
    },
    cards: form.cards.map((card) => ({ ...card, reversible: card.reversible === true })),
    revision: form.revision,
    paste: {
      text: form.paste,
      format: form.pasteFormat,
      separator: form.pasteSeparator,
    },
    problems: [],
    message: null,
    status: null,
  };
  return { state, action: readAction(form.action) };
}

function readAction(value: string): EditorAction {
  const move = /^(up|down|delete):(\d{1,3})$/.exec(value);
  if (move) return { kind: move[1] as 'up' | 'down' | 'delete', index: Number(move[2]) };
  switch (value) {
    case 'publish':
    case 'preview':
    case 'add':
    case 'paste':
      return { kind: value };
    default:
      return { kind: 'save' };
  }
}

/** Applies a button that changes the form without saving it. */
export function applyEditorAction(state: EditorState, action: EditorAction): EditorState {
  const cards = [...state.cards];
  switch (action.kind) {
    case 'add':
      return { ...state, cards: [...cards, emptyCard()], status: `Added card ${cards.length + 1}.` };
    case 'up':
    case 'down': {
      const to = action.kind === 'up' ? action.index - 1 : action.index + 1;
      if (to < 0 || to >= cards.length || action.index >= cards.length) return state;
      [cards[action.index], cards[to]] = [cards[to]!, cards[action.index]!];
      return { ...state, cards, status: `Moved card ${action.index + 1} to position ${to + 1}.` };
    }
    case 'delete':
      if (action.index >= cards.length) return state;
      cards.splice(action.index, 1);
      return { ...state, cards, status: `Deleted card ${action.index + 1}.` };
    case 'paste':
      return pasteInto(state);
    case 'save':
    case 'publish':
    case 'preview':
      return state;
  }
}

function pasteInto(state: EditorState): EditorState {
  const format = (['auto', 'revision-text', 'tab', 'comma', 'semicolon', 'custom'] as const).find(
    (f) => f === state.paste.format,
  );
  try {
    const pasted = readPastedCards(state.paste.text, {
      format: format ?? 'auto',
      separator: state.paste.separator,
    });
    const blank = (card: EditorCard) => card.id === '' && card.title.trim() === '' && card.body.trim() === '';
    const kept = state.cards.filter((card) => !blank(card));
    const fields = { ...state.fields };
    if (fields.title.trim() === '' && pasted.title !== null) fields.title = pasted.title;
    if (fields.subtitle.trim() === '' && pasted.subtitle !== null) fields.subtitle = pasted.subtitle;
    if (fields.subject.trim() === '' && pasted.subject !== null) fields.subject = pasted.subject;
    if (fields.topic.trim() === '' && pasted.topic !== null) fields.topic = pasted.topic;
    const added = pasted.cards.map((card) => ({
      ...emptyCard(),
      title: card.title ?? '',
      body: card.body,
      kind: card.kind ?? 'basic',
      reversible: card.reversible ?? false,
      tags: formatTagList(card.tags ?? []),
    }));
    return {
      ...state,
      fields,
      cards: [...kept, ...added],
      paste: { ...state.paste, text: '' },
      status: `Added ${added.length} card${added.length === 1 ? '' : 's'} from your paste (cards ${kept.length + 1}–${kept.length + added.length}). Check them, then save.`,
    };
  } catch (error) {
    if (error instanceof ParseError || error instanceof AppError) {
      return {
        ...state,
        problems: [{ field: 'paste', message: error.message }],
        message: 'The pasted text could not be read; nothing was added.',
      };
    }
    throw error;
  }
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The edit to save; refuses what the form itself cannot express (a bad level, a card id that is not a number). */
export function editFromState(state: EditorState, action: EditorAction): CardSetEdit {
  const problems: FieldProblem[] = [];
  const { fields } = state;
  const level = orNull(fields.level);
  const examBoard = orNull(fields.examBoard);
  if (level !== null && !isLevel(level))
    problems.push({ field: 'level', message: 'Choose a level from the list.' });
  if (examBoard !== null && !isExamBoard(examBoard)) {
    problems.push({ field: 'examBoard', message: 'Choose an exam board from the list.' });
  }
  const visibility = action.kind === 'publish' ? 'public' : fields.visibility;
  if (!isVisibility(visibility))
    problems.push({ field: 'visibility', message: 'Choose who can see the set.' });
  const tags = (field: string, text: string) => {
    if (text.length <= TAG_LIMITS.fieldLength) return parseTagList(text);
    problems.push({ field, message: `At most ${TAG_LIMITS.fieldLength} characters of tags.` });
    return [];
  };
  // Rows left completely empty are not cards; everything else is kept and validated.
  const cards = state.cards
    .filter((card) => card.id !== '' || card.title.trim() !== '' || card.body.trim() !== '')
    .map((card, index) => {
      if (!isCardKind(card.kind)) {
        problems.push({ field: `cards[${index}].kind`, message: 'Choose basic or cloze.' });
      }
      return {
        id: /^\d{1,10}$/.test(card.id) ? Number(card.id) : null,
        title: orNull(card.title),
        body: card.body.trim(),
        kind: isCardKind(card.kind) ? card.kind : ('basic' as const),
        // Only a basic card is studied the other way round; a cloze card's box is ignored.
        reversible: card.kind === 'basic' && card.reversible,
        tags: tags(`cards[${index}].tags`, card.tags),
      };
    });
  const setTags = tags('tags', fields.tags);
  if (problems.length > 0)
    throw new AppError('validation', 'Please correct the highlighted fields.', problems);
  const edit: Omit<CardSetDraft, 'cards'> = {
    title: fields.title.trim(),
    subtitle: orNull(fields.subtitle),
    subject: fields.subject.trim(),
    topic: orNull(fields.topic),
    level: level as CardSetDraft['level'],
    examBoard: examBoard as CardSetDraft['examBoard'],
    visibility: visibility as CardSetDraft['visibility'],
    language: orNull(fields.language),
    tags: setTags,
  };
  return { ...edit, cards };
}
