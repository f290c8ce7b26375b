/**
 * Pages holding every string of the Big List of Naughty Strings, in headless Chromium with JavaScript on:
 * a set with a card per string, a set per string that is a valid title (walked through its subject's
 * listing), a comment per string, search results and the home page. Nothing the strings say may run:
 * no dialog, no canary set by alert/prompt/confirm, no inline script or event-handler attribute in the
 * DOM, no script: link, no Content-Security-Policy violation, and no console error.
 *
 * The data is made through the JSON API from Node (as members whose sessions are made in the database,
 * so that 485 comments are not held up by the posting rate limit, and with write limits scaled up for
 * the hundreds of sets it writes in seconds); the integration test
 * naughty-strings.test.ts checks the titles and card bodies byte for byte, this one the comments.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { LIMITS } from '../../src/domain/card-set.js';
import { launchChromium, newPage, startE2eServer, type E2eServer } from '../helpers/browser.js';
import { memberWithSession } from '../helpers/members.js';
import { naughtyStrings } from '../helpers/naughty-strings.js';

const validTitle = (s: string) => s.trim() !== '' && s.length <= LIMITS.titleLength;
/** What a browser's HTML parser makes of text: CR LF and CR become LF, NUL is dropped. */
const asParsed = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '');

/** A member's session used from Node: keeps the cookies and sends the CSRF header, as the editor's script does. */
class ApiSession {
  private readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(
    private readonly baseUrl: string,
    sessionToken: string,
  ) {
    this.cookies.set('recall_session', sessionToken);
  }

  private async fetch(method: string, path: string, body?: unknown): Promise<Response> {
    // The first change asks for a CSRF token, which also sets the CSRF cookie.
    if (method !== 'GET') {
      this.csrf ??= await this.fetch('GET', '/api/v1/session')
        .then((response) => response.json() as Promise<{ csrfToken: string }>)
        .then((session) => session.csrfToken);
    }
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
    if (this.csrf !== undefined) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async post<T>(path: string, body: unknown, expected = 201): Promise<T> {
    const response = await this.fetch('POST', path, body);
    const text = await response.text();
    assert.equal(response.status, expected, `POST ${path}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

interface CreatedSet {
  id: number;
  links: { html: string; subject: string };
}

const newSet = (title: string, subject: string, cards: { title: string | null; body: string }[]) => ({
  title,
  subtitle: null,
  subject,
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  cards,
});

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
) {
  for (let start = 0; start < items.length; start += width) {
    await Promise.all(items.slice(start, start + width).map((item, i) => work(item, start + i)));
  }
}

declare global {
  interface Window {
    /** Set by the init script when anything calls alert, prompt or confirm. */
    naughtyCanary?: string[];
    cspViolations?: string[];
  }
}

describe('pages holding the Big List of Naughty Strings (JavaScript on)', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let cardsSet: CreatedSet;
  let commentsSet: CreatedSet;
  let titlesListing: string;
  /** The strings that were accepted as comments (all but the blank ones). */
  const commented: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  /** Ten comments per member (the posting limit): a conversation every fifth string, replies between. */
  async function postComments(ctx: E2eServer['container']['ctx'], author: ApiSession): Promise<void> {
    let commenter = author;
    let conversation: number | null = null;
    for (const [n, body] of naughtyStrings.entries()) {
      if (n % 10 === 0) {
        const member = await memberWithSession(ctx, `Commenter ${n / 10}`);
        commenter = new ApiSession(server.url, member.sessionToken);
      }
      const replyTo: number | null = n % 5 === 0 ? null : conversation;
      if (body.trim() === '') {
        await commenter.post(`/api/v1/sets/${commentsSet.id}/comments`, { body, replyTo }, 400);
        continue;
      }
      const comment: { id: number; body: string } = await commenter.post(
        `/api/v1/sets/${commentsSet.id}/comments`,
        { body, replyTo },
      );
      assert.equal(comment.body, body, `comment ${n} is stored byte-identical`);
      if (replyTo === null) conversation = comment.id;
      commented.push(body);
    }
  }

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer({ RATE_LIMIT_SCALE: '100' }), launchChromium()]);
    const ctx = server.container.ctx;
    const author = new ApiSession(server.url, (await memberWithSession(ctx, 'Naughty Author')).sessionToken);

    cardsSet = await author.post<CreatedSet>(
      '/api/v1/sets',
      newSet(
        'Every naughty string, a card each',
        'Naughty strings',
        naughtyStrings.map((body, n) => ({ title: `String ${n}`, body })),
      ),
    );
    commentsSet = await author.post<CreatedSet>(
      '/api/v1/sets',
      newSet('Comments holding naughty strings', 'Naughty strings', [
        { title: 'Card', body: 'Say anything.' },
      ]),
    );
    // A set per valid title, and a comment per string, at the same time.
    const titleSets = inBatches(naughtyStrings.filter(validTitle), 8, async (title) => {
      const set = await author.post<CreatedSet>(
        '/api/v1/sets',
        newSet(title, 'Naughty titles', [{ title: 'Card', body: 'Body' }]),
      );
      titlesListing = set.links.subject;
    });
    await Promise.all([titleSets, postComments(ctx, author)]);

    // Logged in: the pages then also hold every form and every action link named after the comments' authors.
    const session = (await memberWithSession(ctx, 'Naughty Reader')).sessionToken;
    page = await newPage(browser);
    await page.context().addCookies([{ name: 'recall_session', value: session, url: server.url }]);
    await page.addInitScript(() => {
      window.naughtyCanary = [];
      window.cspViolations = [];
      const calls = window as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const name of ['alert', 'prompt', 'confirm']) {
        const original = calls[name]!.bind(window);
        calls[name] = (...args: unknown[]) => {
          window.naughtyCanary!.push(`${name}(${args.map(String).join(', ')})`);
          return original(...args);
        };
      }
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
      });
    });
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()} at ${page.url()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} at ${page.url()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${error.message} at ${page.url()}`));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens `url` and checks that nothing in it ran or could run. */
  async function openAndCheck(url: string): Promise<void> {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, url);
    // Let a frame render, so that autofocus and focus handlers would have fired, and the page's module run.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const found = await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      const allowed = new Set(['http:', 'https:', 'mailto:']);
      return {
        canary: window.naughtyCanary ?? ['the init script did not run'],
        cspViolations: window.cspViolations ?? [],
        handlerAttributes: all.flatMap((element) =>
          Array.from(element.attributes)
            .filter((attribute) => attribute.name.toLowerCase().startsWith('on'))
            .map((attribute) => `<${element.localName} ${attribute.name}="${attribute.value}">`),
        ),
        inlineScripts: Array.from(document.scripts)
          .filter((script) => !script.src)
          .map((script) => script.outerHTML.slice(0, 200)),
        embeds: Array.from(document.querySelectorAll('iframe, frame, object, embed, base')).map((element) =>
          element.outerHTML.slice(0, 200),
        ),
        scriptLinks: Array.from(
          document.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'),
        )
          .filter((link) => !allowed.has(new URL(link.href, document.baseURI).protocol))
          .map((link) => link.outerHTML.slice(0, 200)),
        formActions: Array.from(document.forms)
          .filter((form) => new URL(form.action, document.baseURI).origin !== window.location.origin)
          .map((form) => form.action),
        title: document.title,
      };
    });
    assert.deepEqual(
      { ...found, title: undefined },
      {
        canary: [],
        cspViolations: [],
        handlerAttributes: [],
        inlineScripts: [],
        embeds: [],
        scriptLinks: [],
        formActions: [],
        title: undefined,
      },
      url,
    );
    assert.match(found.title, / · Recall$/, 'no string rewrote the document title');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(consoleErrors, [], 'no console error');
  }

  const texts = (selector: string) =>
    page.locator(selector).evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));

  it('shows a set with a card per string, escaped, and runs none of them', async () => {
    // Opened at the last card: the carousel shows it alone; "Show all cards" shows every one.
    await openAndCheck(`${server.url}${cardsSet.links.html}#card-${naughtyStrings.length}`);
    assert.equal(
      await page.locator('.carousel-status').textContent(),
      `${naughtyStrings.length} of ${naughtyStrings.length}`,
    );
    await page.getByRole('button', { name: 'Show all cards' }).click();
    assert.equal(await page.locator('[data-card]:visible').count(), naughtyStrings.length);
    assert.deepEqual(
      await texts('[data-card] .card-title'),
      naughtyStrings.map((_, n) => `String ${n}`),
    );
  });

  it('shows a comment per string, exactly as written, and runs none of them', async () => {
    await openAndCheck(server.url + commentsSet.links.html);
    const shown = await texts('.comment-body');
    assert.equal(shown.length, commented.length, 'every comment and reply is on the page');
    assert.deepEqual([...shown].sort(), commented.map(asParsed).sort());
  });

  it('lists every naughty title in its subject, page by page, and runs none of them', async () => {
    const titles: string[] = [];
    let url: string | null = server.url + titlesListing;
    while (url !== null) {
      await openAndCheck(url);
      titles.push(...(await texts('.set-list .set-list-title a')));
      const next = page.getByRole('link', { name: 'Next page »' });
      url = (await next.count()) === 0 ? null : new URL((await next.getAttribute('href'))!, server.url).href;
    }
    assert.deepEqual(titles.sort(), naughtyStrings.filter(validTitle).map(asParsed).sort());
  });

  it('finds naughty strings by search, as you type too, and runs none of them', async () => {
    for (const q of [
      '<script>alert(123)</script>',
      '<img src=x onerror=alert(123) />',
      '"><script>alert(123)</script>',
      'javascript:alert(1)',
      "';alert(123);t='",
    ]) {
      await openAndCheck(`${server.url}/search?q=${encodeURIComponent(q)}`);
      assert.ok((await page.locator('.search-results .set-list-item').count()) > 0, `results for ${q}`);
    }
    // Search as you type puts the server's results into the page: typed strings go through it too.
    await openAndCheck(`${server.url}/search`);
    for (const q of ['<svg onload=alert(1)>', '<script>alert(123)</script>']) {
      const results = page.waitForResponse((response) => response.url().includes('part=results'));
      await page.locator('#search-q').fill(q);
      await results;
      await page.waitForFunction((typed) => new URL(window.location.href).searchParams.get('q') === typed, q);
    }
    await openAndCheck(page.url());
  });

  it('shows the home page and the pages of sets with the most dangerous titles without running them', async () => {
    await openAndCheck(`${server.url}/`);
    await openAndCheck(server.url + titlesListing);
    const links = page.locator('.set-list .set-list-title a');
    const count = await links.count();
    const hrefs: string[] = [];
    for (let i = 0; i < count; i++) {
      const text = (await links.nth(i).textContent()) ?? '';
      if (/<|javascript|onerror|onload/i.test(text)) hrefs.push((await links.nth(i).getAttribute('href'))!);
    }
    for (const href of hrefs.slice(0, 6)) await openAndCheck(server.url + href);
  });
});
