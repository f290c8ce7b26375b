/**
 * A browser-like client over Fastify's inject: keeps cookies, reads a form's CSRF token from the page,
 * posts urlencoded forms. One per simulated person.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let clients = 0;

export class BrowserClient {
  readonly cookies = new Map<string, string>();
  /** Each simulated person comes from an address of their own, as people do (per-address rate limits). */
  readonly remoteAddress: string;

  constructor(private readonly app: FastifyInstance) {
    clients += 1;
    this.remoteAddress = `10.${(process.pid >> 8) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      const expired = cookie.expires !== undefined && cookie.expires.getTime() <= Date.now();
      if (cookie.value === '' || expired || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  private cookieHeader(): string {
    // Browsers send back the value as the server encoded it; inject's parser hands it to us decoded.
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(options.headers ?? {}), cookie: this.cookieHeader() };
    return this.remember(await this.app.inject({ remoteAddress: this.remoteAddress, ...options, headers }));
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url });
  }

  /** The CSRF token of the first form on the page at `url`. */
  async csrfFrom(url: string): Promise<string> {
    const page = await this.get(url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (token === undefined) throw new Error(`No CSRF token on ${url} (status ${page.statusCode})`);
    return token;
  }

  /** Posts a form as a browser would, with a token from `formPage` (default: the same URL). */
  async submit(url: string, fields: Record<string, string>, formPage = url): Promise<LightMyRequestResponse> {
    const token = await this.csrfFrom(formPage);
    return this.post(url, { _csrf: token, ...fields });
  }

  post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  }

  /** A JSON API call with the session cookie and the CSRF header. */
  async api(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (method !== 'GET') {
      const session = await this.get('/api/v1/session');
      headers['x-csrf-token'] = session.json<{ csrfToken: string }>().csrfToken;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.request({
      method,
      url,
      headers,
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

let counter = 0;

/** Signs a new member up through the real form; returns the logged-in client and the handle. */
export async function signedUpClient(
  app: FastifyInstance,
  name = 'Member',
): Promise<{ client: BrowserClient; handle: string }> {
  const client = new BrowserClient(app);
  counter += 1;
  const handle = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${process.pid}-${counter}`;
  const response = await client.submit('/signup', {
    displayName: name,
    handle,
    email: `${handle}@example.org`,
    password: 'correct horse battery staple',
  });
  if (response.statusCode !== 303)
    throw new Error(`Sign-up failed: ${response.statusCode} ${response.body.slice(0, 500)}`);
  return { client, handle };
}
