/**
 * The API's description: OpenAPI 3.1 at /api/openapi.json (collected by @fastify/swagger from the route
 * schemas, so it cannot drift from what the routes validate), and browsable docs at /api/docs rendered on
 * the server (no script, so they work under the Content-Security-Policy and without JavaScript).
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Recall API',
        version: '1',
        description:
          'Card sets, cards, comments, ratings and folders. Reads need no account; writes use the session cookie ' +
          '(POST /api/v1/session to log in) and the X-CSRF-Token header from GET /api/v1/session. ' +
          'Errors are application/problem+json with a stable `code`.',
      },
    },
    hideUntagged: true,
  });
}

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
};

type OpenApiDocument = {
  info: { title: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function ApiDocs({ spec, stylesheet }: { spec: OpenApiDocument; stylesheet: string }) {
  const operations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      path,
      method,
      op: item[method]!,
    })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'other'))];
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{spec.info.title}</title>
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <main id="main" class="api-docs">
          <h1>{spec.info.title}</h1>
          <p class="lede">{spec.info.description}</p>
          <p>
            Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
          </p>
          <nav aria-label="Resources">
            <ul>
              {tags.map((tag) => (
                <li key={tag}>
                  <a href={`#${tag}`}>{tag}</a>
                </li>
              ))}
            </ul>
          </nav>
          {tags.map((tag) => (
            <section key={tag} aria-labelledby={tag}>
              <h2 id={tag}>{tag}</h2>
              {operations
                .filter((o) => (o.op.tags?.[0] ?? 'other') === tag)
                .map(({ path, method, op }) => (
                  <article key={`${method} ${path}`} class="api-operation">
                    <h3>
                      <code>
                        {method.toUpperCase()} {path}
                      </code>
                    </h3>
                    {op.summary !== undefined && <p>{op.summary}</p>}
                    {op.description !== undefined && <p>{op.description}</p>}
                    {op.parameters !== undefined && op.parameters.length > 0 && (
                      <>
                        <h4>Parameters</h4>
                        <ul>
                          {op.parameters.map((p) => (
                            <li key={`${p.in}:${p.name}`}>
                              <code>{p.name}</code> ({p.in}
                              {p.required === true ? ', required' : ''})
                              {p.description !== undefined ? `: ${p.description}` : ''}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {op.requestBody?.content?.['application/json']?.schema !== undefined && (
                      <details>
                        <summary>Request body</summary>
                        <pre>
                          {JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}
                        </pre>
                      </details>
                    )}
                    <h4>Responses</h4>
                    <ul>
                      {Object.entries(op.responses ?? {}).map(([status, response]) => (
                        <li key={status}>
                          <code>{status}</code> {response.description ?? ''}
                        </li>
                      ))}
                    </ul>
                  </article>
                ))}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}

/** Routes for the document and the docs page; call after every API route is registered. */
/** `stylesheet`: the site's stylesheet by its versioned name (/assets/ is cached for a year). */
export function openApiRoutes(app: FastifyInstance, stylesheet: string): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html>${renderToString(<ApiDocs spec={app.swagger() as unknown as OpenApiDocument} stylesheet={stylesheet} />)}`,
      ),
  );
}
