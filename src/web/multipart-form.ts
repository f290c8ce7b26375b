/**
 * multipart/form-data bodies (forms with a file input), parsed while the body is read, like urlencoded
 * forms: text fields become `request.body` strings, so the CSRF check (a preValidation hook of the
 * session plugin, which runs before any route's own hooks) finds `_csrf` there. @fastify/multipart parses
 * in a preValidation hook or in the handler, after that check; this parser uses its parser, busboy.
 *
 * Limits are per route (`config.multipart`): one file at most; a file over its limit is not kept but
 * drained and flagged (`tooLarge`), so that the page can answer 413 with the form and the rest of the
 * input; a field over its limit is flagged the same way; a body over `totalBytes` is refused outright.
 */
import { Busboy } from '@fastify/busboy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { AppError } from '../domain/errors.js';

export interface MultipartLimits {
  /** Largest file kept. */
  fileBytes: number;
  /** Largest text field kept. */
  fieldBytes: number;
  /** Most text fields. */
  fields: number;
  /** The whole body; beyond it the request is refused with 413. */
  totalBytes: number;
}

export interface UploadedFile {
  field: string;
  /** As the browser gave it, without any folder; may be empty. */
  fileName: string;
  bytes: Buffer;
  /** Over `fileBytes`: `bytes` is empty. */
  tooLarge: boolean;
}

const UPLOADS = Symbol('uploads');
const OVERSIZED_FIELDS = Symbol('oversized fields');

interface MultipartBody {
  [field: string]: string | string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    multipart?: MultipartLimits;
  }
}

const DEFAULT_LIMITS: MultipartLimits = {
  fileBytes: 1024 * 1024,
  fieldBytes: 64 * 1024,
  fields: 20,
  totalBytes: 2 * 1024 * 1024,
};

/** The files of a multipart body (none for other bodies). */
export function uploadsOf(body: unknown): UploadedFile[] {
  if (typeof body !== 'object' || body === null) return [];
  return (body as { [UPLOADS]?: UploadedFile[] })[UPLOADS] ?? [];
}

/** Text fields that were over their limit (their value is left out of the body). */
export function oversizedFieldsOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  return (body as { [OVERSIZED_FIELDS]?: string[] })[OVERSIZED_FIELDS] ?? [];
}

const baseName = (fileName: string) => (fileName.split(/[\\/]/).pop() ?? '').slice(0, 200);

function parseMultipart(request: FastifyRequest, payload: Readable): Promise<MultipartBody> {
  const limits = request.routeOptions.config.multipart ?? DEFAULT_LIMITS;
  return new Promise((resolve, reject) => {
    const body: MultipartBody = {};
    const uploads: UploadedFile[] = [];
    const oversized: string[] = [];
    let settled = false;
    let received = 0;
    let pendingFiles = 0;
    let finished = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Reads the rest of the body, unused, so that the browser gets the answer rather than a reset.
      payload.unpipe();
      payload.resume();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const succeed = () => {
      if (settled || !finished || pendingFiles > 0) return;
      settled = true;
      Object.defineProperty(body, UPLOADS, { value: uploads });
      Object.defineProperty(body, OVERSIZED_FIELDS, { value: oversized });
      resolve(body);
    };
    const malformed = () =>
      new AppError('validation', 'The form could not be read: the upload was incomplete or malformed.');

    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: request.headers as { 'content-type': string },
        limits: {
          files: 1,
          fileSize: limits.fileBytes,
          fields: limits.fields,
          fieldSize: limits.fieldBytes,
          parts: limits.fields + 1,
        },
      });
    } catch {
      reject(malformed());
      return;
    }

    payload.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.totalBytes) {
        fail(
          new AppError(
            'too_large',
            `The upload is larger than ${Math.round(limits.totalBytes / 1024 / 1024)} MB, more than Recall accepts.`,
          ),
        );
      }
    });
    payload.on('error', fail);

    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (name in Object.prototype) return;
      if (valueTruncated) {
        oversized.push(name);
        return;
      }
      const existing = body[name];
      body[name] =
        existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    });
    parser.on('file', (field, stream, fileName) => {
      pendingFiles += 1;
      const chunks: Buffer[] = [];
      let tooLarge = false;
      stream.on('limit', () => {
        tooLarge = true;
        chunks.length = 0;
      });
      stream.on('data', (chunk: Buffer) => {
        if (!tooLarge) chunks.push(chunk);
      });
      stream.on('error', fail);
      stream.on('end', () => {
        uploads.push({
          field,
          fileName: baseName(fileName),
          bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks),
          tooLarge,
        });
        pendingFiles -= 1;
        succeed();
      });
    });
    parser.on('filesLimit', () => fail(new AppError('validation', 'Upload one file at a time.')));
    parser.on('fieldsLimit', () => fail(new AppError('validation', 'The form has too many fields.')));
    parser.on('partsLimit', () => fail(new AppError('validation', 'The form has too many fields.')));
    parser.on('error', () => fail(malformed()));
    parser.on('finish', () => {
      finished = true;
      succeed();
    });
    payload.pipe(parser);
  });
}

/** Lets the routes of `app` (an encapsulated plugin) take multipart forms. */
export function acceptMultipartForms(app: FastifyInstance): void {
  app.addContentTypeParser('multipart/form-data', (request: FastifyRequest, payload: IncomingMessage) =>
    parseMultipart(request, payload),
  );
}
