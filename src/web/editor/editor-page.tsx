import { MAX_LANGUAGE_TAG_LENGTH } from '../../domain/language-tag.js';
import { EXAM_BOARDS, LEVELS, LIMITS, VISIBILITIES } from '../../domain/card-set.js';
import { TAG_LIMITS } from '../../domain/tags.js';
import type { EditorState } from './editor-form.js';
import { ErrorSummary, fieldId } from '../views/components/form.js';
import { describedBy, EditorCardItem, FieldError, problem } from './editor-card.js';
import { EditorPreview } from './editor-preview.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';

interface EditorPageProps {
  page: PageContext;
  state: EditorState;
  /** Where the form posts: /sets/new or /sets/:id/edit. */
  action: string;
  heading: string;
  subjects: string[];
  topics: string[];
  cancelHref: string;
  /** Show the set as visitors will see it above the form (the Preview button). */
  preview?: boolean;
  /** Whether the set is already published (public or unlisted) as stored: "Save changes", not "Publish". */
  published?: boolean;
}

const VISIBILITY_HINTS: Record<(typeof VISIBILITIES)[number], string> = {
  private: 'Private: only you can see it (a draft).',
  unlisted: 'Unlisted: anyone with the link, not listed or searched.',
  public: 'Public: listed under its subject and topic for everyone.',
};

const LABELS: Record<string, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  subject: 'Subject',
  topic: 'Topic',
  level: 'Level',
  examBoard: 'Exam board',
  visibility: 'Visibility',
  language: 'Language',
  tags: 'Tags',
  cards: 'Cards',
  paste: 'Paste',
  pasteSeparator: 'Separator',
};

const cardLabel = (field: string) => {
  const match = /^cards\[(\d+)\]\.(title|body|kind|tags)$/.exec(field);
  return match ? `Card ${Number(match[1]) + 1} ${match[2]}` : undefined;
};

/** The card-set editor: a plain form that works without JavaScript; editor.js makes it comfortable. */
/** The main button's words for the visibility chosen: a draft is saved as one, anything else published. */
export function saveLabel(visibility: string, published: boolean): string {
  if (visibility === 'private') return 'Save as draft';
  return published ? 'Save changes' : 'Publish';
}

export function EditorPage(props: EditorPageProps) {
  const { page, state, action, heading, subjects, topics, cancelHref } = props;
  const published = props.published ?? false;
  const isDraft = state.fields.visibility === 'private';
  const labels = Object.fromEntries(
    state.problems.map((p) => [p.field, LABELS[p.field] ?? cardLabel(p.field) ?? p.field]),
  );
  const text = (
    name: keyof EditorState['fields'],
    label: string,
    options: { hint?: string; list?: string; max: number; required?: boolean },
  ) => (
    <div class={`field${problem(state, name) !== undefined ? ' field-invalid' : ''}`}>
      <label for={fieldId(name)}>{label}</label>
      {options.hint !== undefined && (
        <p class="hint" id={`${fieldId(name)}-hint`}>
          {options.hint}
        </p>
      )}
      <FieldError state={state} field={name} />
      <input
        id={fieldId(name)}
        name={name}
        value={state.fields[name]}
        maxLength={options.max}
        list={options.list}
        required={options.required}
        aria-invalid={problem(state, name) !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(
          state,
          name,
          options.hint !== undefined ? `${fieldId(name)}-hint` : undefined,
        )}
      />
    </div>
  );
  const select = (name: 'level' | 'examBoard', label: string, choices: readonly string[]) => (
    <div class={`field${problem(state, name) !== undefined ? ' field-invalid' : ''}`}>
      <label for={fieldId(name)}>{label}</label>
      <FieldError state={state} field={name} />
      <select id={fieldId(name)} name={name} aria-describedby={describedBy(state, name)}>
        <option value="" selected={state.fields[name] === ''}>
          Not given
        </option>
        {choices.map((choice) => (
          <option key={choice} value={choice} selected={state.fields[name] === choice}>
            {choice}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Layout page={page} title={heading} scripts={['editor.js']}>
      <h1>{heading}</h1>
      <ErrorSummary
        state={{ values: {}, problems: state.problems, message: state.message }}
        labels={labels}
      />
      {props.preview === true && <EditorPreview state={state} />}
      <form method="post" action={action} class="editor" id="editor-form" data-editor novalidate>
        {/* Enter in a text field submits the form's first button: make that "Save", not "Move up". */}
        <button type="submit" name="action" value="save" class="visually-hidden" tabIndex={-1}>
          {saveLabel(state.fields.visibility, published)}
        </button>
        <input type="hidden" name="_csrf" value={page.csrf()} />
        <input type="hidden" name="revision" value={state.revision} />

        <fieldset class="editor-section">
          <legend>About the set</legend>
          {text('title', 'Title', { max: LIMITS.titleLength, required: true })}
          {text('subtitle', 'Subtitle', {
            max: LIMITS.subtitleLength,
            hint: 'A one-line summary, e.g. "The purges, terror, cult of personality".',
          })}
          <div class="field-row">
            {text('subject', 'Subject', {
              max: LIMITS.nameLength,
              list: 'subject-options',
              required: true,
              hint: 'Choose one or type a new one.',
            })}
            {text('topic', 'Topic', { max: LIMITS.nameLength, list: 'topic-options', hint: 'Optional.' })}
          </div>
          <fieldset
            data-visibility
            class={`field radios${problem(state, 'visibility') !== undefined ? ' field-invalid' : ''}`}
          >
            <legend>Who can see it</legend>
            <p class="hint">Choose now: a draft is saved for you alone; publish when it is ready.</p>
            <FieldError state={state} field="visibility" />
            {VISIBILITIES.map((visibility) => (
              <label key={visibility} class="radio">
                <input
                  type="radio"
                  name="visibility"
                  value={visibility}
                  id={visibility === 'private' ? fieldId('visibility') : undefined}
                  checked={state.fields.visibility === visibility}
                />{' '}
                {VISIBILITY_HINTS[visibility]}
              </label>
            ))}
          </fieldset>
          <datalist id="subject-options">
            {subjects.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <datalist id="topic-options">
            {topics.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <details
            class="editor-more"
            open={
              state.fields.level !== '' ||
              state.fields.examBoard !== '' ||
              state.fields.language !== '' ||
              state.fields.tags !== '' ||
              ['level', 'examBoard', 'language', 'tags'].some((field) => problem(state, field) !== undefined)
            }
          >
            <summary>More details: level, exam board, language, tags</summary>
            <div class="field-row">
              {select('level', 'Level', LEVELS)}
              {select('examBoard', 'Exam board', EXAM_BOARDS)}
            </div>
            {text('language', 'Language', {
              max: MAX_LANGUAGE_TAG_LENGTH,
              hint: 'Optional: a language code such as en, fr or de. Self-tests mark typed answers by its rules (accents, typos).',
            })}
            {text('tags', 'Tags', {
              max: TAG_LIMITS.fieldLength,
              hint: 'Optional. Separate tags with commas, e.g. "ww2, Paper 1". Tagged sets can be searched and studied by tag.',
            })}
          </details>
        </fieldset>

        <fieldset class="editor-section">
          <legend>Cards</legend>
          <details class="editor-more">
            <summary>How to format cards: bullets, bold, cloze</summary>
            <p class="hint" id="card-format-hint">
              Card bodies are Markdown: start lines with "- " for bullets, "### " for a sub-heading; **bold**,
              *italic*, [links](https://example.org). In a cloze card, wrap each part to hide in {'{{c1::…}}'}
              (select it and press Ctrl+Shift+C or Alt+Shift+C), numbering them c1, c2, … for one studied card
              each; {'{{c1::answer::hint}}'} shows a hint.
            </p>
          </details>
          <FieldError state={state} field="cards" />
          {state.status !== null && (
            <p class="notice" role="status">
              {state.status}
            </p>
          )}
          <ol class="editor-cards" data-editor-cards>
            {state.cards.map((card, index) => (
              <EditorCardItem key={`${card.id}-${index}`} state={state} card={card} index={index} />
            ))}
          </ol>
          <button type="submit" name="action" value="add" class="button button-secondary" data-add-card>
            Add a card
          </button>
        </fieldset>

        <details
          class="editor-section paste-import"
          open={state.paste.text !== '' || problem(state, 'paste') !== undefined}
        >
          <summary>Paste cards from your notes</summary>
          <p class="hint" id="paste-hint">
            Paste revision-card text (cards ending "1 of 3", "2 of 3" …) or one card per line as "term,
            definition". The cards are added below for you to check before you save.
          </p>
          <div class={`field${problem(state, 'paste') !== undefined ? ' field-invalid' : ''}`}>
            <label for={fieldId('paste')}>Text to paste</label>
            <FieldError state={state} field="paste" />
            <textarea
              id={fieldId('paste')}
              name="paste"
              rows={8}
              aria-describedby={describedBy(state, 'paste', 'paste-hint')}
            >
              {state.paste.text}
            </textarea>
          </div>
          <div class="field-row">
            <div class="field">
              <label for={fieldId('pasteFormat')}>Format</label>
              <select id={fieldId('pasteFormat')} name="pasteFormat">
                {[
                  ['auto', 'Work it out'],
                  ['revision-text', 'Revision cards ("1 of N")'],
                  ['tab', 'Term [tab] definition'],
                  ['comma', 'Term, definition'],
                  ['semicolon', 'Term; definition'],
                  ['custom', 'Another separator'],
                ].map(([value, label]) => (
                  <option key={value} value={value} selected={state.paste.format === value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class={`field${problem(state, 'pasteSeparator') !== undefined ? ' field-invalid' : ''}`}>
              <label for={fieldId('pasteSeparator')}>Another separator</label>
              <FieldError state={state} field="pasteSeparator" />
              <input
                id={fieldId('pasteSeparator')}
                name="pasteSeparator"
                value={state.paste.separator}
                maxLength={10}
              />
            </div>
          </div>
          <button type="submit" name="action" value="paste" class="button button-secondary">
            Add pasted cards
          </button>
        </details>

        <div class="editor-actions" data-editor-actions>
          <button
            type="submit"
            name="action"
            value="save"
            class="button"
            data-save-button
            data-published={published ? 'true' : undefined}
          >
            {saveLabel(state.fields.visibility, published)}
          </button>
          <button
            type="submit"
            name="action"
            value="publish"
            class="button button-secondary"
            hidden={!isDraft}
            data-publish-button
          >
            Publish
          </button>
          <button
            type="submit"
            name="action"
            value="preview"
            formAction={`${action}#preview`}
            class="button button-secondary"
          >
            Preview
          </button>
          <a href={cancelHref}>Cancel</a>
        </div>
      </form>
    </Layout>
  );
}
