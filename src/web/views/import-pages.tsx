import { EXAM_BOARDS, LEVELS, VISIBILITIES, type Visibility } from '../../domain/card-set.js';
import type { CardSetDocument } from '../../formats/card-set-document.js';
import { FORMATS } from '../../formats/registry.js';
import type { FormState } from '../forms.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  SelectField,
  TextArea,
  TextField,
  fieldId,
} from './components/form.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The most an upload or a paste may be, said for people (the routes hold the numbers). */
export const UPLOAD_LIMIT_TEXT = '10 MB';

const LABELS: Record<string, string> = {
  file: 'File',
  text: 'Pasted text',
  format: 'Format',
  separator: 'Separator',
  subject: 'Subject',
  topic: 'Topic',
  level: 'Level',
  examBoard: 'Exam board',
  visibility: 'Who can see them',
};

const VISIBILITY_HINTS: Record<Visibility, string> = {
  private: 'Private: only you can see them (you can publish them later).',
  unlisted: 'Unlisted: anyone with the link, not listed or searched.',
  public: 'Public: listed under their subject and topic for everyone.',
};

const FORMAT_OPTIONS = [
  { value: '', label: 'Work it out from the content' },
  ...FORMATS.map((format) => ({ value: format.id, label: `${format.label} (${format.extension})` })),
];

const ACCEPTED = [...FORMATS.map((format) => format.extension), '.colpkg', '.tab', '.markdown'].join(',');

export function ImportPage({ page, state }: { page: PageContext; state: FormState }) {
  return (
    <Layout page={page} title="Import cards" breadcrumbs={[{ label: 'Home', href: '/' }]}>
      <h1>Import cards</h1>
      <p class="lede">
        Bring cards from Anki, Quizlet, a spreadsheet or a revision-resource page. You will see them before
        anything is saved.
      </p>
      <ErrorSummary state={state} labels={LABELS} />
      <form method="post" action="/import" enctype="multipart/form-data" class="import-form" novalidate>
        {/* First, so that the token arrives before a large file. */}
        <CsrfField token={page.csrf()} />
        <FileField
          state={state}
          name="file"
          label="Choose a file"
          hint={`An Anki package (.apkg), a term list (.tsv, .csv: Quizlet, Anki, spreadsheets), Recall JSON, Markdown, or revision-card text (.txt); at most ${UPLOAD_LIMIT_TEXT}.`}
          accept={ACCEPTED}
        />
        <TextArea
          state={state}
          name="text"
          label="Or paste the cards"
          hint="Revision-card text (cards ending “1 of 11”), or one card per line: term, then a tab or comma, then the definition."
          rows={10}
        />
        <details
          class="import-options"
          open={state.values.format !== undefined && state.values.format !== ''}
        >
          <summary>Format options</summary>
          <SelectField state={state} name="format" label="Format" options={FORMAT_OPTIONS} />
          <TextField
            state={state}
            name="separator"
            label="Separator (term lists)"
            hint="What stands between term and definition, e.g. “ - ” or “:”; or tab, comma, semicolon. Leave empty to detect it."
            maxLength={20}
          />
        </details>
        <p>
          <button type="submit" class="button">
            Preview
          </button>
        </p>
      </form>
    </Layout>
  );
}

export interface ImportPreview {
  /** "Anki package" … */
  formatLabel: string;
  /** The uploaded file's name; null for pasted text. */
  source: string | null;
  documents: CardSetDocument[];
  /** Each set as Recall JSON, for the hidden fields. */
  carried: string[];
}

/** Cards shown per set in the preview; the rest are counted. */
const PREVIEW_CARDS = 50;

/** The first lines of a Markdown body as plain words, for a glance. */
export function firstLines(body: string, count = 2, max = 200): string {
  const text = body
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/, '')
        .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
        .trim(),
    )
    .filter((line) => line !== '')
    .slice(0, count)
    .join(' / ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const count = (value: number) => value.toLocaleString('en-GB');

export function ImportPreviewPage({
  page,
  preview,
  state,
}: {
  page: PageContext;
  preview: ImportPreview;
  state: FormState;
}) {
  const { documents } = preview;
  const cards = documents.reduce((sum, document) => sum + document.cards.length, 0);
  const sets = documents.length === 1 ? 'this set' : `these ${documents.length} sets`;
  const visibility = state.values.visibility ?? 'private';
  return (
    <Layout
      page={page}
      title="Check the cards before importing"
      breadcrumbs={[
        { label: 'Home', href: '/' },
        { label: 'Import cards', href: '/import' },
      ]}
    >
      <h1>Check the cards before importing</h1>
      <p class="lede">
        {preview.source === null ? 'The pasted text' : `“${preview.source}”`} was read as{' '}
        {preview.formatLabel}: {documents.length === 1 ? '1 set' : `${documents.length} sets`}, {count(cards)}{' '}
        {cards === 1 ? 'card' : 'cards'}. Nothing is saved until you import {sets}.
      </p>
      <ErrorSummary state={state} labels={LABELS} />
      <form
        method="post"
        action="/import/confirm"
        enctype="multipart/form-data"
        class="import-confirm"
        novalidate
      >
        <CsrfField token={page.csrf()} />
        <input type="hidden" name="formatLabel" value={preview.formatLabel} />
        <input type="hidden" name="source" value={preview.source ?? ''} />
        {preview.carried.map((json, index) => (
          <input type="hidden" name="document" value={json} key={index} />
        ))}
        <fieldset class="editor-section">
          <legend>Where {sets} will go</legend>
          <p class="hint">
            Leave a box empty to keep what the file says (shown with each set below). A subject is needed for
            every set.
          </p>
          {documents.length === 1 && (
            <TextField state={state} name="title" label="Title" maxLength={200} required />
          )}
          <div class="field-row">
            <TextField
              state={state}
              name="subject"
              label="Subject"
              hint="For example History or Spanish."
              maxLength={100}
            />
            <TextField state={state} name="topic" label="Topic" hint="Optional." maxLength={100} />
          </div>
          <div class="field-row">
            <SelectField
              state={state}
              name="level"
              label="Level"
              options={[
                { value: '', label: 'As in the file (or not given)' },
                ...LEVELS.map((level) => ({ value: level, label: level })),
              ]}
            />
            <SelectField
              state={state}
              name="examBoard"
              label="Exam board"
              options={[
                { value: '', label: 'As in the file (or not given)' },
                ...EXAM_BOARDS.map((board) => ({ value: board, label: board })),
              ]}
            />
          </div>
          <fieldset class="field radios">
            <legend>Who can see them</legend>
            {VISIBILITIES.map((choice) => (
              <label key={choice} class="radio">
                <input
                  type="radio"
                  name="visibility"
                  value={choice}
                  id={choice === 'private' ? fieldId('visibility') : undefined}
                  checked={visibility === choice}
                />{' '}
                {VISIBILITY_HINTS[choice]}
              </label>
            ))}
          </fieldset>
        </fieldset>

        {documents.map((document, setIndex) => (
          <section class="import-preview-set" aria-labelledby={`import-set-${setIndex + 1}`} key={setIndex}>
            <h2 id={`import-set-${setIndex + 1}`}>{document.title}</h2>
            {document.subtitle !== null && <p class="subtitle">{document.subtitle}</p>}
            <p class="count">
              {count(document.cards.length)} {document.cards.length === 1 ? 'card' : 'cards'} · Subject:{' '}
              {document.subject ?? 'none given'}
              {document.topic !== null && ` · Topic: ${document.topic}`}
              {document.level !== null && ` · Level: ${document.level}`}
              {document.examBoard !== null && ` · Exam board: ${document.examBoard}`}
            </p>
            <ol class="import-preview-cards">
              {document.cards.slice(0, PREVIEW_CARDS).map((card, index) => (
                <li key={index}>
                  <span class="import-preview-title">{card.title ?? 'Untitled card'}</span>{' '}
                  <span class="import-preview-body">{firstLines(card.body)}</span>
                </li>
              ))}
            </ol>
            {document.cards.length > PREVIEW_CARDS && (
              <p class="count">… and {count(document.cards.length - PREVIEW_CARDS)} more cards.</p>
            )}
          </section>
        ))}

        <p class="import-actions">
          <button type="submit" class="button">
            {documents.length === 1 ? 'Import this set' : `Import ${documents.length} sets`}
          </button>{' '}
          <a href="/import">Start again</a>
        </p>
      </form>
    </Layout>
  );
}
