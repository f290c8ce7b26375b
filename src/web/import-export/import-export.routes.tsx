/**
 * Files in and out of Recall in the browser: /import (upload or paste → preview → confirm),
 * /sets/:id/export/:format (a download in any format), /sets/:id/print (printable revision cards).
 *
 * Nothing is stored before the confirmation. The preview carries the parsed sets to it in hidden fields
 * as Recall JSON (lossless), which the confirmation reads and checks again as it would any upload.
 */
import { readCardFileInWorker } from '../../services/card-file-reading/read-card-file-in-worker.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isExamBoard, isLevel, isVisibility, LIMITS } from '../../domain/card-set.js';
import { AppError, type FieldProblem } from '../../domain/errors.js';
import { cardSetSlug } from '../../domain/slug.js';
import type { SessionUser } from '../../services/auth/accounts.js';
import { exportCardSet } from '../../services/card-set-export.js';
import {
  CARRY_LIMITS,
  carryDocuments,
  carryHistories,
  checkDocumentsBeforeChoices,
  documentsFromCarried,
  importDocumentsForMember,
  withCarriedHistories,
  setsWithoutSubject,
  type ImportChoices,
} from '../../services/file-import.js';
import { checkChosenSeparatorFound, readLayoutChoices } from '../../services/import-layout-choices.js';
import { getCardSet } from '../../services/read-card-set.js';
import { progressSummaryOf } from '../../services/study/import-progress.js';
import { FORMAT_IDS, isFormatId } from '../../formats/card-set-format.js';
import type { CardSetDocument } from '../../formats/card-set-document.js';
import type { TermListReading } from '../../formats/term-list/read-term-list.js';
import { formFailure, postThenRedirect, redirectToLogin } from '../form-handling.js';
import { emptyForm, type FormState, type FormValues } from '../forms.js';
import { FormCheckbox, FormText, parseFormBody, postedValues } from '../form-body.js';
import Type, { type Static } from 'typebox';
import {
  acceptMultipartForms,
  oversizedFieldsOf,
  uploadsOf,
  type MultipartLimits,
} from '../multipart-form.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { ImportPage, ImportPreviewPage, UPLOAD_LIMIT_TEXT } from './import-pages.js';
import { PrintPage } from '../card-set/print-page.js';
import { cardSetUrl } from '../views/urls.js';
import { ID_PATTERN, idParams, type WebDeps } from '../route-deps.js';

const MIB = 1024 * 1024;

/** The Format options fields (term lists), all "detect it" when empty. */
const LAYOUT_FIELDS = [
  'separator',
  'separatorCustom',
  'rowSeparator',
  'rowSeparatorCustom',
  'header',
  'encoding',
] as const;
const NO_LAYOUT_CHOICES: FormValues = Object.fromEntries(LAYOUT_FIELDS.map((field) => [field, '']));

/** The upload form: one file of up to 10 MB, or as much pasted text. */
const UPLOAD_LIMITS: MultipartLimits = {
  fileBytes: 10 * MIB,
  fieldBytes: 10 * MIB,
  fields: 16,
  totalBytes: 24 * MIB,
};

/** The confirmation: the carried sets (UTF-8 takes up to 3 bytes per character) and the choices. */
const CONFIRM_LIMITS: MultipartLimits = {
  fileBytes: 0,
  fieldBytes: 3 * CARRY_LIMITS.characters,
  fields: 2 * CARRY_LIMITS.sets + 10,
  totalBytes: 3 * CARRY_LIMITS.characters + CARRY_LIMITS.historyCharacters + MIB,
};

const tooLargeMessage = `The file is larger than ${UPLOAD_LIMIT_TEXT}, more than the Import page takes. Split it, or ask the site's operator to import it with "recall import".`;

/** Cards that cannot be read re-render the form with the input kept: 400 for a ParseError, 413 when too large. */
function importFailure(error: unknown, values: FormValues, field: 'file' | 'text', reply: FastifyReply) {
  if (error instanceof AppError && (error.code === 'parse' || error.code === 'too_large')) {
    const status = error.code === 'parse' ? 400 : 413;
    const problems = error.code === 'parse' ? [{ field, message: error.message }] : [];
    return {
      state: {
        values,
        problems,
        message:
          error.code === 'parse'
            ? 'Recall could not read these cards. Check the format, or choose it under “Format options”.'
            : error.message,
      },
      status,
    };
  }
  return formFailure(error, values, reply);
}

const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];

/** The upload form's fields besides the file: pasted text, a format, and the Format options. */
const ImportForm = Type.Object({
  text: FormText(UPLOAD_LIMITS.fieldBytes),
  format: FormText(40),
  separator: FormText(40),
  separatorCustom: FormText(40),
  rowSeparator: FormText(40),
  rowSeparatorCustom: FormText(40),
  header: FormText(40),
  encoding: FormText(40),
});

/** The preview's choices (the carried sets, `document` and `history`, are read apart). */
const ConfirmForm = Type.Object({
  title: FormText(LIMITS.titleLength),
  subject: FormText(LIMITS.nameLength),
  topic: FormText(LIMITS.nameLength),
  level: FormText(40),
  examBoard: FormText(40),
  visibility: FormText(20, { fallback: 'private' }),
  bringProgress: FormCheckbox(),
});

/** The choices of the preview form, or problems to show beside its fields. */
function readChoices(values: Static<typeof ConfirmForm>): ImportChoices {
  const problems: FieldProblem[] = [];
  const { level, examBoard, visibility } = values;
  if (level !== '' && !isLevel(level))
    problems.push({ field: 'level', message: 'Choose a level from the list.' });
  if (examBoard !== '' && !isExamBoard(examBoard))
    problems.push({ field: 'examBoard', message: 'Choose an exam board from the list.' });
  if (!isVisibility(visibility))
    problems.push({ field: 'visibility', message: 'Choose who can see the sets.' });
  if (problems.length > 0)
    throw new AppError('validation', 'Please correct the highlighted choices.', problems);
  return {
    subject: values.subject,
    topic: values.topic,
    level: isLevel(level) ? level : undefined,
    examBoard: isExamBoard(examBoard) ? examBoard : undefined,
    visibility: isVisibility(visibility) ? visibility : 'private',
  };
}

/** The subject and topic the preview suggests: the file's own, when every set agrees. */
function suggestedChoices(documents: readonly CardSetDocument[]): FormValues {
  const common = (values: (string | null)[]) =>
    values.every((value) => value === values[0]) ? (values[0] ?? '') : '';
  return {
    title: documents.length === 1 ? documents[0]!.title : '',
    subject: common(documents.map((document) => document.subject)),
    topic: common(documents.map((document) => document.topic)),
    level: '',
    examBoard: '',
    visibility: 'private',
    // Progress a file brings (Anki's review history) comes unless the importer unticks it.
    bringProgress: '1',
  };
}

export async function importExportRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  acceptMultipartForms(app);

  const renderForm = (request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) =>
    sendPage(reply, <ImportPage page={pageContext(request, reply, assets)} state={state} />, status);

  const renderPreview = (
    request: FastifyRequest,
    reply: FastifyReply,
    preview: {
      formatLabel: string;
      source: string | null;
      reading?: TermListReading | null;
      documents: CardSetDocument[];
    },
    state: FormState,
    status = 200,
  ) => {
    const now = ctx.clock.now();
    const carried = carryDocuments(preview.documents, now);
    const progress = progressSummaryOf(preview.documents, now);
    const histories = progress === null ? null : carryHistories(preview.documents, now);
    return sendPage(
      reply,
      <ImportPreviewPage
        page={pageContext(request, reply, assets)}
        preview={{ ...preview, carried, progress, histories }}
        state={state}
      />,
      status,
    );
  };

  app.get('/import', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    return renderForm(request, reply, emptyForm({ format: '', text: '', ...NO_LAYOUT_CHOICES }));
  });

  app.post(
    '/import',
    // Pasted text may also come urlencoded (forms without a file input).
    { bodyLimit: UPLOAD_LIMITS.totalBytes, config: { multipart: UPLOAD_LIMITS } },
    async (request, reply) => {
      if (request.user === null) return redirectToLogin(request, reply);
      const { value: posted, problems } = parseFormBody(ImportForm, request.body);
      const kept: FormValues = { ...posted };
      const upload = uploadsOf(request.body).find((file) => file.tooLarge || file.bytes.length > 0);
      if (upload?.tooLarge === true || oversizedFieldsOf(request.body).includes('text')) {
        const message =
          upload?.tooLarge === true
            ? tooLargeMessage
            : tooLargeMessage.replace('The file', 'The pasted text');
        return renderForm(request, reply, { values: kept, problems: [], message }, 413);
      }
      if (problems.length > 0) {
        const message = 'Please correct the highlighted fields.';
        return renderForm(request, reply, { values: kept, problems, message }, 400);
      }
      const { format, text } = posted;
      if (format !== '' && !isFormatId(format)) {
        return renderForm(
          request,
          reply,
          {
            values: { ...kept, format: '' },
            problems: [{ field: 'format', message: `Choose one of ${FORMAT_IDS.join(', ')}.` }],
            message: null,
          },
          400,
        );
      }
      if (upload === undefined && text.trim() === '') {
        const problem = { field: 'file', message: 'Choose a file, or paste some cards into the box.' };
        return renderForm(request, reply, { values: kept, problems: [problem], message: null }, 400);
      }
      try {
        const layout = readLayoutChoices(posted);
        const source = upload?.fileName || null;
        const {
          format: read,
          reading,
          documents,
        } = await readCardFileInWorker(upload === undefined ? new TextEncoder().encode(text) : upload.bytes, {
          ...layout,
          // Pasted text arrives as UTF-8 whatever the choice (the choice is for files).
          encoding: upload === undefined ? undefined : layout.encoding,
          fileName: source ?? undefined,
          format: isFormatId(format) ? format : undefined,
          title: source?.replace(/\.[^.]*$/, '').trim() || undefined,
          describeLayout: true,
          maxCards: CARRY_LIMITS.cards,
        });
        if (documents.length === 0) {
          throw new AppError('validation', 'There are no cards in this file.', [
            { field: 'file', message: 'There are no cards in this file.' },
          ]);
        }
        checkChosenSeparatorFound({ format: read, reading, documents });
        checkDocumentsBeforeChoices(documents);
        return renderPreview(
          request,
          reply,
          { formatLabel: read.label, source, reading, documents },
          emptyForm(suggestedChoices(documents)),
        );
      } catch (error) {
        const { state, status } = importFailure(error, kept, upload === undefined ? 'text' : 'file', reply);
        return renderForm(request, reply, state, status);
      }
    },
  );

  app.post(
    '/import/confirm',
    { bodyLimit: CONFIRM_LIMITS.totalBytes, config: { multipart: CONFIRM_LIMITS } },
    async (request, reply) => {
      const user: SessionUser | null = request.user;
      if (user === null) return redirectToLogin(request, reply);
      if (oversizedFieldsOf(request.body).length > 0) {
        throw new AppError('too_large', 'These cards are too many to import through the web page at once.');
      }
      // Read and checked again: the hidden fields came back from the browser.
      const fields = request.body as Record<string, unknown> | null;
      const documents = withCarriedHistories(
        documentsFromCarried(stringsOf(fields?.document)),
        stringsOf(fields?.history),
        ctx.clock.now(),
      );
      // Shown again if the form comes back with a problem; only words on the page, escaped like any.
      const posted = postedValues(request.body);
      const preview = {
        formatLabel: (posted.formatLabel ?? '').slice(0, 100) || 'Recall JSON',
        source: (posted.source ?? '').slice(0, 200) || null,
        documents,
      };
      return postThenRedirect(request, reply, {
        body: ConfirmForm,
        // The carried sets go back as hidden fields made from `preview`, not from these values.
        keep: ({ document: _document, history: _history, ...choices }) => choices,
        change: async (values) => {
          // A subject or topic fills what the files lack; one the importer changed from the suggested
          // value (the files' own, when every set agrees) replaces what they say.
          const suggested = suggestedChoices(documents);
          const changed = (field: 'subject' | 'topic') =>
            values[field].trim() !== '' && values[field].trim() !== (suggested[field] ?? '');
          const choices = {
            ...readChoices(values),
            override:
              (suggested.subject !== '' && changed('subject')) ||
              (suggested.topic !== '' && changed('topic')),
            progressFor: values.bringProgress ? user.userId : undefined,
          };
          const missing = setsWithoutSubject(documents, choices);
          if (missing > 0) {
            const message =
              documents.length === 1
                ? 'The file names no subject: choose one.'
                : `${missing} of the sets name no subject: choose one for all of them.`;
            throw new AppError('validation', 'Please choose a subject.', [{ field: 'subject', message }]);
          }
          // One set may be given a title (a pasted list has none of its own).
          const title = values.title.trim();
          const titled = documents.length === 1 && title !== '' ? [{ ...documents[0]!, title }] : documents;
          checkDocumentsBeforeChoices(titled);
          return importDocumentsForMember(ctx, user, titled, choices);
        },
        done: (imported) => {
          const cards = imported.reduce((sum, set) => sum + set.cardCount, 0);
          const answers = imported.reduce((sum, set) => sum + (set.progress?.answers ?? 0), 0);
          const sets =
            imported.length === 1
              ? `Imported “${imported[0]!.title}” (${cards} cards)`
              : `Imported ${imported.length} sets (${cards} cards)`;
          const first = imported[0]!;
          return {
            notice:
              answers === 0
                ? `${sets}.`
                : `${sets} with your progress: ${answers} ${answers === 1 ? 'answer' : 'answers'}.`,
            to:
              imported.length === 1
                ? cardSetUrl({ id: first.id, slug: cardSetSlug(first.title) })
                : `/users/${user.handle}`,
          };
        },
        rerender: (state, status) => renderPreview(request, reply, preview, state, status),
      });
    },
  );

  app.get<{ Params: { id: string; format: string } }>(
    '/sets/:id/export/:format',
    {
      schema: {
        params: {
          type: 'object',
          properties: {
            id: { type: 'string', pattern: ID_PATTERN },
            format: { type: 'string', enum: [...FORMAT_IDS] },
          },
          required: ['id', 'format'],
        },
      },
    },
    async (request, reply) => {
      const format = request.params.format;
      if (!isFormatId(format)) throw new AppError('not_found', 'There is no such format.');
      const file = await exportCardSet(ctx, request.user, Number(request.params.id), format);
      return reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .type(file.mediaType)
        .send(Buffer.from(file.bytes));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { sides?: string } }>(
    '/sets/:id/print',
    { schema: { params: idParams } },
    async (request, reply) => {
      const set = await getCardSet(ctx, request.user, Number(request.params.id));
      const sides = request.query.sides === '2' ? 2 : 1;
      return sendPage(
        reply,
        <PrintPage page={pageContext(request, reply, assets)} set={set} sides={sides} />,
      );
    },
  );
}
