/**
 * Importing through the API: POST /imports/preview reads pasted text (or a file, base64) and says how it was
 * read and which cards it holds, storing nothing; POST /imports stores the sets. Both take the Import page's
 * options: format, separator between term and definition (tab, comma, dash or the characters themselves),
 * between cards (newline, semicolon or the characters), header row, encoding (files).
 */
import { answersIn, progressSummaryOf } from '../../services/study/import-progress.js';
import { readCardFileInWorker } from '../../services/card-file-reading/read-card-file-in-worker.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import { EXAM_BOARDS, LEVELS, VISIBILITIES } from '../../domain/card-set.js';
import { AppError } from '../../domain/errors.js';
import { FORMAT_IDS, isFormatId } from '../../formats/card-set-format.js';
import { separatorLabel } from '../../formats/term-list/term-list-layout.js';
import { TEXT_ENCODINGS } from '../../formats/text-input.js';
import type { ServiceContext } from '../../services/context.js';
import {
  CARRY_LIMITS,
  checkDocumentsBeforeChoices,
  importDocumentsForMember,
  setsWithoutSubject,
} from '../../services/file-import.js';
import { type CardFile } from '../../services/card-file-reading/read-card-file.js';
import {
  CUSTOM_SEPARATOR_LENGTH,
  checkChosenSeparatorFound,
  readLayoutChoices,
} from '../../services/import-layout-choices.js';
import { requireUser } from '../auth.js';

const MIB = 1024 * 1024;
/** As the Import page: 10 MB of text, or a file of 10 MB in base64 (4 characters per 3 bytes). */
const TEXT_LENGTH = 10 * MIB;
const BODY_LIMIT = Math.ceil((10 * MIB * 4) / 3) + MIB;
/** Cards listed per set in a preview; the rest are counted. */
const PREVIEW_CARDS = 50;

const Separator = Type.String({ minLength: 1, maxLength: CUSTOM_SEPARATOR_LENGTH });
const ReadBody = {
  text: Type.Optional(Type.String({ maxLength: TEXT_LENGTH, description: 'Pasted cards' })),
  file: Type.Optional(
    Type.String({ maxLength: BODY_LIMIT, description: 'A file instead of text, in base64' }),
  ),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
  format: Type.Optional(Type.Union(FORMAT_IDS.map((id) => Type.Literal(id)))),
  separator: Type.Optional(Separator),
  rowSeparator: Type.Optional(Separator),
  header: Type.Optional(Type.Boolean()),
  encoding: Type.Optional(Type.Union(TEXT_ENCODINGS.map((id) => Type.Literal(id)))),
};
const PreviewBody = Type.Object(ReadBody, { additionalProperties: false });
const ImportBody = Type.Object(
  {
    ...ReadBody,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    subject: Type.Optional(Type.String({ maxLength: 100 })),
    topic: Type.Optional(Type.String({ maxLength: 100 })),
    level: Type.Optional(Type.Union(LEVELS.map((level) => Type.Literal(level)))),
    examBoard: Type.Optional(Type.Union(EXAM_BOARDS.map((board) => Type.Literal(board)))),
    visibility: Type.Optional(Type.Union(VISIBILITIES.map((choice) => Type.Literal(choice)))),
    bringProgress: Type.Optional(
      Type.Boolean({
        description:
          "Bring the file's review history (Anki's revlog) as your progress: your schedule carries on",
      }),
    ),
  },
  { additionalProperties: false },
);
const Progress = Type.Object({
  answers: Type.Integer(),
  studied: Type.Integer({ description: 'Cards (sides, deletions) with at least one answer' }),
  dueToday: Type.Integer(),
  dueThisWeek: Type.Integer(),
});

const Reading = Type.Object({
  separator: Type.String(),
  rowSeparator: Type.String(),
  header: Type.Boolean(),
  encoding: Type.String(),
  detected: Type.Array(Type.String()),
});
const PreviewResponse = Type.Object({
  format: Type.String(),
  formatLabel: Type.String(),
  reading: Type.Union([Reading, Type.Null()]),
  cardCount: Type.Integer(),
  progress: Type.Union([Progress, Type.Null()], {
    description: 'What bringing the review history the file holds would give now; null when it holds none',
  }),
  sets: Type.Array(
    Type.Object({
      title: Type.String(),
      cardCount: Type.Integer(),
      cards: Type.Array(
        Type.Object({ title: Type.Union([Type.String(), Type.Null()]), body: Type.String() }),
      ),
    }),
  ),
});
const ImportResponse = Type.Object({
  sets: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      cardCount: Type.Integer(),
      progress: Type.Optional(Type.Object({ answers: Type.Integer(), studied: Type.Integer() })),
    }),
  ),
});

/** Reads the body's text or file with its options; a bad option or unreadable content is a 400. */
async function readBody(body: Static<typeof PreviewBody>): Promise<CardFile> {
  if ((body.text === undefined) === (body.file === undefined)) {
    throw new AppError('validation', 'Send the cards as either "text" or "file".', [
      { field: 'text', message: 'Send either text or a file.' },
    ]);
  }
  const layout = readLayoutChoices({
    separator: body.separator,
    rowSeparator: body.rowSeparator,
    header: body.header === undefined ? '' : body.header ? 'yes' : 'no',
    encoding: body.encoding,
  });
  const bytes =
    body.file === undefined ? new TextEncoder().encode(body.text) : Buffer.from(body.file, 'base64');
  if (bytes.length > 10 * MIB) throw new AppError('too_large', 'At most 10 MB can be imported at once.');
  if (body.text !== undefined && body.text.trim() === '') {
    throw new AppError('validation', 'There are no cards in this text.', [
      { field: 'text', message: 'Paste some cards.' },
    ]);
  }
  const file = await readCardFileInWorker(bytes, {
    ...layout,
    encoding: body.file === undefined ? undefined : layout.encoding,
    format: body.format !== undefined && isFormatId(body.format) ? body.format : undefined,
    fileName: body.fileName,
    title: body.fileName?.replace(/\.[^.]*$/, '').trim() || undefined,
    describeLayout: true,
    maxCards: CARRY_LIMITS.cards,
  });
  if (file.documents.length === 0) {
    throw new AppError('validation', 'There are no cards in this file.', [
      { field: 'text', message: 'There are no cards here.' },
    ]);
  }
  checkChosenSeparatorFound(file);
  checkDocumentsBeforeChoices(file.documents);
  return file;
}

export const importsRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.post(
    '/imports/preview',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: 'Read cards as an import would, and show them; nothing is stored',
        tags: ['import'],
        body: PreviewBody,
        response: { 200: PreviewResponse },
      },
    },
    async (request) => {
      requireUser(request);
      const { format, reading, documents } = await readBody(request.body);
      return {
        format: format.id,
        formatLabel: format.label,
        reading:
          reading === null
            ? null
            : {
                separator: separatorLabel(reading.layout.separator),
                rowSeparator: separatorLabel(reading.layout.rowSeparator),
                header: reading.layout.header,
                encoding: reading.encoding,
                detected: Object.entries(reading.detected)
                  .filter(([, detected]) => detected)
                  .map(([part]) => part),
              },
        cardCount: documents.reduce((sum, document) => sum + document.cards.length, 0),
        progress: progressSummaryOf(documents, ctx.clock.now()),
        sets: documents.map((document) => ({
          title: document.title,
          cardCount: document.cards.length,
          cards: document.cards
            .slice(0, PREVIEW_CARDS)
            .map((card) => ({ title: card.title ?? null, body: card.body })),
        })),
      };
    },
  );

  app.post(
    '/imports',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: 'Import cards (the options of /imports/preview, and where the sets go)',
        tags: ['import'],
        body: ImportBody,
        response: { 201: ImportResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { title, subject, topic, level, examBoard, visibility, bringProgress, ...read } = request.body;
      const { documents } = await readBody(read);
      const answers = answersIn(documents);
      if (bringProgress === true && answers > CARRY_LIMITS.answers) {
        // As through the Import page: a longer history is for the command line, not one request.
        throw new AppError(
          'too_large',
          `The file's review history holds ${answers.toLocaleString('en-GB')} answers; at most ${CARRY_LIMITS.answers.toLocaleString('en-GB')} can be brought at once here. Import it without its progress, or ask the site's operator to use recall import --learner.`,
        );
      }
      const titled =
        documents.length === 1 && title !== undefined ? [{ ...documents[0]!, title }] : documents;
      const choices = {
        subject,
        topic,
        level,
        examBoard,
        visibility: visibility ?? 'private',
        progressFor: bringProgress === true ? user.userId : undefined,
      } as const;
      if (setsWithoutSubject(titled, choices) > 0) {
        throw new AppError('validation', 'Please choose a subject.', [
          { field: 'subject', message: 'The cards name no subject: give one.' },
        ]);
      }
      const imported = await importDocumentsForMember(ctx, user, titled, choices);
      return reply.code(201).send({
        sets: imported.map((set) => ({
          id: set.id,
          title: set.title,
          cardCount: set.cardCount,
          ...(set.progress === undefined ? {} : { progress: set.progress }),
        })),
      });
    },
  );
};
