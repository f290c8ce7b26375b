import { EXAM_BOARDS, LEVELS, VISIBILITIES, type Visibility } from '../../domain/card-set.js';
import type { CardSetDocument } from '../../formats/card-set-document.js';
import type { ProgressSummary } from '../../domain/study/index.js';
import { FORMATS } from '../../formats/registry.js';
import type { TermListReading } from '../../formats/term-list/read-term-list.js';
import { separatorLabel } from '../../formats/term-list/term-list-layout.js';
import { ENCODING_LABELS, TEXT_ENCODINGS } from '../../formats/text-input.js';
import type { FormState } from '../forms.js';
import {
  CsrfField,
  ErrorSummary,
  FileField,
  SelectField,
  TextArea,
  TextField,
  fieldId,
} from '../views/components/form.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';

/** The most an upload or a paste may be, said for people (the routes hold the numbers). */
export const UPLOAD_LIMIT_TEXT = '10 MB';

const LABELS: Record<string, string> = {
  file: 'File',
  text: 'Pasted text',
  format: 'Format',
  separator: 'Between term and definition',
  separatorCustom: 'Custom separator (term and definition)',
  rowSeparator: 'Between cards',
  rowSeparatorCustom: 'Custom separator (cards)',
  header: 'First row names the columns',
  encoding: 'Encoding',
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

const SEPARATORS = [
  { value: '', label: 'Work it out' },
  { value: 'tab', label: 'Tab' },
  { value: 'comma', label: 'Comma' },
  { value: 'dash', label: 'Dash (“ - ”)' },
  { value: 'custom', label: 'Custom' },
];
const ROW_SEPARATORS = [
  { value: '', label: 'Work it out' },
  { value: 'newline', label: 'New line' },
  { value: 'semicolon', label: 'Semicolon' },
  { value: 'custom', label: 'Custom' },
];
const HEADERS = [
  { value: '', label: 'Work it out' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const ENCODINGS = [
  { value: '', label: 'Work it out' },
  ...TEXT_ENCODINGS.map((encoding) => ({ value: encoding, label: ENCODING_LABELS[encoding] })),
];

/** "Term and definition separated by “ - ”, cards by semicolon; no header row; UTF-8." */
export function describeReading(reading: TermListReading): string {
  const { layout, detected } = reading;
  const how = (part: keyof typeof detected) => (detected[part] ? ' (worked out)' : '');
  return [
    `Term and definition separated by ${separatorLabel(layout.separator)}${how('separator')}`,
    `cards by ${separatorLabel(layout.rowSeparator)}${how('rowSeparator')}`,
    `${layout.header ? 'first row names the columns' : 'no header row'}${how('header')}`,
    `${ENCODING_LABELS[reading.encoding]}${how('encoding')}.`,
  ].join('; ');
}

const ACCEPTED = [...FORMATS.map((format) => format.extension), '.colpkg', '.tab', '.markdown'].join(',');

export function ImportPage({ page, state }: { page: PageContext; state: FormState }) {
  return (
    <Layout
      page={page}
      title="Import cards"
      scripts={['import.js']}
      breadcrumbs={[{ label: 'Home', href: '/' }]}
    >
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
          open={['format', 'separator', 'rowSeparator', 'header', 'encoding'].some(
            (field) => (state.values[field] ?? '') !== '',
          )}
        >
          <summary>Format options</summary>
          <SelectField state={state} name="format" label="Format" options={FORMAT_OPTIONS} />
          <div class="field-row">
            <SelectField state={state} name="separator" label={LABELS.separator!} options={SEPARATORS} />
            <TextField
              state={state}
              name="separatorCustom"
              label="Custom (term and definition)"
              hint="Used when “Custom” is chosen, e.g. “:” or “ = ”."
              maxLength={20}
            />
          </div>
          <div class="field-row">
            <SelectField
              state={state}
              name="rowSeparator"
              label={LABELS.rowSeparator!}
              options={ROW_SEPARATORS}
            />
            <TextField
              state={state}
              name="rowSeparatorCustom"
              label="Custom (cards)"
              hint="Used when “Custom” is chosen, e.g. “|” or “//”."
              maxLength={20}
            />
          </div>
          <div class="field-row">
            <SelectField state={state} name="header" label={LABELS.header!} options={HEADERS} />
            <SelectField state={state} name="encoding" label="Encoding (files)" options={ENCODINGS} />
          </div>
        </details>
        <p>
          <button type="submit" class="button">
            Preview
          </button>
        </p>
      </form>
      {/* Filled by import.ts as the pasted text or the options change; the Preview button works without it. */}
      <section class="import-live-preview" aria-live="polite" data-import-live-preview hidden>
        <h2>Preview</h2>
        <p class="count" data-import-live-summary />
        <ol class="import-preview-cards" data-import-live-cards />
      </section>
    </Layout>
  );
}

export interface ImportPreview {
  /** "Anki package" … */
  formatLabel: string;
  /** The uploaded file's name; null for pasted text. */
  source: string | null;
  /** Term lists: how the text was read. */
  reading?: TermListReading | null | undefined;
  documents: CardSetDocument[];
  /** Each set as Recall JSON, for the hidden fields. */
  carried: string[];
  /** What the files' review histories would give the importer now; null when they carry none. */
  progress: ProgressSummary | null;
  /** Each set's history for the hidden fields; null when too long to carry through the page. */
  histories: string[] | null;
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

/** What the file's review history gives, and the choice to bring it. */
function ProgressChoice({
  progress,
  carried,
  checked,
}: {
  progress: ProgressSummary;
  carried: boolean;
  checked: boolean;
}) {
  const studied = `${count(progress.answers)} ${progress.answers === 1 ? 'answer' : 'answers'} to ${count(progress.studied)} ${progress.studied === 1 ? 'card' : 'cards'}`;
  return (
    <section class="import-progress" aria-labelledby="import-progress-heading">
      <h2 id="import-progress-heading">Your progress in this file</h2>
      <p>
        It holds your review history: {studied}. Brought into Recall, your schedule carries on where it was:{' '}
        <strong>{count(progress.dueToday)} due today</strong>, {count(progress.dueThisWeek)} due within a
        week.
      </p>
      {carried ? (
        <div class="field field-checkbox">
          <label class="checkbox" for={fieldId('bringProgress')}>
            <input
              type="checkbox"
              id={fieldId('bringProgress')}
              name="bringProgress"
              value="1"
              checked={checked}
            />{' '}
            Bring my progress (only you see it; the sets are imported either way)
          </label>
        </div>
      ) : (
        <p class="hint">
          The history is too long to bring through this page. The sets can be imported without it here, or
          with it by the site’s operator: recall import --learner followed by your handle.
        </p>
      )}
    </section>
  );
}

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
      {preview.reading != null && <p class="hint import-reading">{describeReading(preview.reading)}</p>}
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
        {preview.progress !== null &&
          preview.histories?.map((json, index) => (
            <input type="hidden" name="history" value={json} key={index} />
          ))}
        {preview.progress !== null && (
          <ProgressChoice
            progress={preview.progress}
            carried={preview.histories !== null}
            checked={state.values.bringProgress === '1'}
          />
        )}
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
