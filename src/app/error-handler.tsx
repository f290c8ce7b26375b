/** The one place errors become responses: problem+json under /api, HTML pages elsewhere; 5xx never leak details. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../domain/errors.js';
import { STATUS_OF_ERROR } from '../http/error-status.js';
import type { AssetManifest } from '../web/assets.js';
import { pageContext } from '../web/page-context.js';
import { sendPage } from '../web/render.js';
import { ErrorPage } from '../web/views/error-page.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Please log in',
  403: 'Not allowed',
  404: 'Page not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors: readonly FieldProblem[];
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

function problemFrom(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    const status = STATUS_OF_ERROR[error.code];
    return {
      status,
      code: error.code,
      title: TITLES[status] ?? 'Error',
      detail: error.message,
      errors: error.details,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (fastifyError.validation !== undefined) {
    // A malformed id or slug in a page's path is a page that does not exist.
    if (fastifyError.validationContext === 'params' && !isApi(request)) {
      return notFoundProblem();
    }
    const errors = fastifyError.validation.map((issue) => ({
      field: `${fastifyError.validationContext ?? 'request'}${issue.instancePath.replace(/\//g, '.')}`,
      message: issue.message ?? 'is not valid',
    }));
    return {
      status: 400,
      code: 'validation',
      title: TITLES[400]!,
      detail: 'The request is not valid.',
      errors,
    };
  }
  if (status === 503) {
    return {
      status,
      code: 'unavailable',
      title: TITLES[503]!,
      detail: 'Recall is busy right now. Please try again in a few seconds.',
      errors: [],
    };
  }
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'too_large' : status === 404 ? 'not_found' : 'bad_request';
    const detail =
      status === 413
        ? 'The request body is larger than this server accepts (1 MB).'
        : (fastifyError.message ?? '');
    return { status, code, title: TITLES[status] ?? 'Bad request', detail, errors: [] };
  }
  return {
    status: status >= 500 ? status : 500,
    code: 'internal',
    title: TITLES[500]!,
    detail: 'Recall could not complete this request. The error has been logged; please try again.',
    errors: [],
  };
}

function notFoundProblem(): Problem {
  return {
    status: 404,
    code: 'not_found',
    title: TITLES[404]!,
    detail: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    errors: [],
  };
}

function send(problem: Problem, request: FastifyRequest, reply: FastifyReply, assets: AssetManifest) {
  if (isApi(request)) {
    return reply
      .code(problem.status)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        requestId: request.id,
        ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
      });
  }
  return sendPage(
    reply,
    <ErrorPage
      page={pageContext(request, reply, assets)}
      status={problem.status}
      title={problem.title}
      message={problem.detail}
      problems={problem.errors}
    />,
    problem.status,
  );
}

export function registerErrorHandling(app: FastifyInstance, assets: AssetManifest): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = problemFrom(error, request);
    if (
      error instanceof AppError &&
      'retryAfterSeconds' in error &&
      typeof error.retryAfterSeconds === 'number'
    ) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (problem.status === 503) request.log.warn('overloaded: answered 503');
    else if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, problem.detail);
    return send(problem, request, reply, assets);
  });
  app.setNotFoundHandler((request, reply) => send(notFoundProblem(), request, reply, assets));
}
