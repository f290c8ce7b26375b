/** The Fastify application: security headers, pages, API, errors. Tests use it through `inject`. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import formbody from '@fastify/formbody';
import underPressure from '@fastify/under-pressure';
import helmet from 'helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { apiPlugin } from '../api/api.plugin.js';
import { openApiRoutes, registerOpenApi } from '../api/openapi.plugin.js';
import sessionPlugin from '../http/session.plugin.js';
import writeLimitsPlugin from '../http/write-limits.plugin.js';
import { webPlugin } from '../web/web.plugin.js';
import type { Container } from './container.js';
import { registerErrorHandling } from './error-handler.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const OVERLOAD_RETRY_AFTER_SECONDS = 5;

/** Runs a header-setting middleware against a stand-in response and returns what it set. */
function captureHeaders(
  middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error !== undefined)
      throw error instanceof Error ? error : new Error('a security-header middleware failed');
  });
  return headers;
}

export async function buildServer(container: Container): Promise<FastifyInstance> {
  const logger: FastifyBaseLogger = container.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: container.config.trustProxy,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Slow clients must not hold connections open: the whole request within REQUEST_TIMEOUT_MS, idle
    // keep-alive 10 s. Node checks those deadlines every connectionsCheckingInterval (30 s by default),
    // so the server is made here with a check at least every second.
    serverFactory: (handler) =>
      createServer(
        {
          requestTimeout: container.config.requestTimeoutMs,
          headersTimeout: container.config.requestTimeoutMs,
          connectionsCheckingInterval: Math.min(1000, container.config.requestTimeoutMs),
          keepAliveTimeout: 10_000,
        },
        handler,
      ),
    routerOptions: { ignoreTrailingSlash: true },
  });

  // Security headers, computed once (helmet builds its middleware once; applying it is cheap).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Same-origin pages only; no cross-origin embedding of Recall's pages.
    crossOriginEmbedderPolicy: false,
    // With "no-referrer", browsers send "Origin: null" on our own form posts; this keeps the origin.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  // Helmet's headers are the same for every response: capture them once and set them in one call.
  const headers = captureHeaders(securityHeaders);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    done();
  });
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  if (container.config.maxEventLoopDelayMs > 0) {
    // Beyond capacity, answer at once with 503 and Retry-After rather than queue until clients time out.
    // The first measurements include the server's own start-up: pressure is ignored until it has run a while.
    let measuringFrom = Number.POSITIVE_INFINITY;
    app.addHook('onReady', async () => {
      measuringFrom = Date.now() + 3000;
    });
    await app.register(underPressure, {
      maxEventLoopDelay: container.config.maxEventLoopDelayMs,
      pressureHandler: async (_request, reply) => {
        if (Date.now() < measuringFrom) return;
        void reply.header('retry-after', String(OVERLOAD_RETRY_AFTER_SECONDS));
        throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
      },
    });
  }

  // Cookies, the session user and CSRF checks apply to pages and API alike.
  await app.register(sessionPlugin, { ctx: container.ctx });
  await app.register(writeLimitsPlugin, {
    ctx: container.ctx,
    peoplePerAddress: container.config.rateLimitPeoplePerAddress,
    scale: container.config.rateLimitScale,
  });
  registerErrorHandling(app, container.assets);

  // Before any route, so that it sees them all.
  await registerOpenApi(app);
  await app.register(webPlugin, { ctx: container.ctx, assets: container.assets, views: container.views });
  await app.register(apiPlugin, { ctx: container.ctx });
  openApiRoutes(app, container.assets.url('styles.css'));
  return app;
}
