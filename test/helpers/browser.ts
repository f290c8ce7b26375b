/**
 * What the end-to-end tests share: a Recall server on a fresh SQLite file (demo content imported),
 * Debian's headless Chromium driven by playwright-core, and axe-core accessibility checks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AxeResults, Result as AxeViolation, RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../../src/app/config.js';
import type { Container } from '../../src/app/container.js';
import { startServer } from '../../src/app/start.js';

/** Actions and waits fail after this long instead of Playwright's 30 s, so a broken page fails fast. */
export const E2E_TIMEOUT_MS = 10_000;

export interface E2eServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The server's services and repositories, for tests that must arrange data faster than HTTP allows. */
  container: Container;
  stop(): Promise<void>;
}

/** Starts Recall on a free port with a fresh SQLite database; the demo content (the seed set) is imported. */
/** `env` adds settings, e.g. RATE_LIMIT_SCALE for a test that makes its data at machine speed. */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'recall-e2e-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'recall.db'),
      LOG_LEVEL: 'silent',
      // Overload protection measures this process's event loop, which Playwright and the test share:
      // a busy test machine (or the server's own start-up) must not turn page loads into 503s.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    }),
  );
  return {
    url: server.url,
    container: server.container,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium with the flags of DESIGN.md; Playwright gives every launch a fresh user-data dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page in its own context (cookies, storage, viewport), with short default timeouts. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(E2E_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(E2E_TIMEOUT_MS);
  return context.newPage();
}

export const SEED_TITLE = 'Persecution and Control';
export const SEED_CARD_COUNT = 11;

/** Card titles of the seed in order; the first card has none, two are cut short as scraped. */
export const SEED_CARD_TITLES: readonly (string | null)[] = [
  null,
  'How did Stalin establish control over the Soviet U',
  'The Terror',
  'Chronology of the Terror 1930 - 38',
  'NKVD and arrests',
  'Was there serious opposition to Stalin within the',
  'Or were the purges simply random?',
  'How much was Stalin involved in the Terror?',
  'Summary - who was purged?',
  'What effects id the purges have?',
  'What effects did the Terror have on family life? .',
];

export interface SeedSetLinks {
  /** Absolute URL of the seed set's page. */
  page: string;
  /** Absolute URLs of its subject and topic listings. */
  subject: string;
  topic: string;
  subjectName: string;
  topicName: string;
  authorName: string;
}

interface SetSummary {
  title: string;
  subject: string;
  topic: string | null;
  author: { displayName: string };
  links: { html: string; subject: string; topic: string | null };
}

/** Finds the seed set through the JSON API rather than hard-coding its id. */
export async function findSeedSet(baseUrl: string): Promise<SeedSetLinks> {
  const response = await fetch(`${baseUrl}/api/v1/sets?subject=history&limit=100`);
  if (!response.ok) throw new Error(`GET /api/v1/sets answered ${response.status}`);
  const body = (await response.json()) as { items: SetSummary[] };
  const seed = body.items.find((item) => item.title === SEED_TITLE);
  if (seed === undefined || seed.topic === null || seed.links.topic === null) {
    throw new Error(`The demo content has no "${SEED_TITLE}" set with a topic in History`);
  }
  return {
    page: baseUrl + seed.links.html,
    subject: baseUrl + seed.links.subject,
    topic: baseUrl + seed.links.topic,
    subjectName: seed.subject,
    topicName: seed.topic,
    authorName: seed.author.displayName,
  };
}

/** The numbers (from id="card-n") of the cards the user can see, in document order. */
export function visibleCardNumbers(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-card]'))
      .filter((card) => card.checkVisibility({ visibilityProperty: true }))
      .map((card) => Number(card.id.replace(/^card-/, ''))),
  );
}

/** Waits until the carousel's live status reads `text` (e.g. "3 of 11"). */
export async function waitForCarouselStatus(page: Page, text: string): Promise<void> {
  await page
    .waitForFunction(
      (expected) => document.querySelector('.carousel-status')?.textContent === expected,
      text,
      { timeout: E2E_TIMEOUT_MS },
    )
    .catch(async (error: unknown) => {
      const actual = await page
        .locator('.carousel-status')
        .textContent({ timeout: 1000 })
        .catch(() => 'missing');
      const where = `at ${page.url()}`;
      const message = `carousel status is ${JSON.stringify(actual)} ${where}, expected ${JSON.stringify(text)}`;
      throw new Error(message, { cause: error });
    });
}

const axeSource = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

declare global {
  interface Window {
    /** Defined once seriousAxeViolations has loaded axe-core into the page. */
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core on the page as it is now and returns its violations of impact serious or critical.
 *
 * Recall's pages send `Content-Security-Policy: script-src 'self'`, so `page.addScriptTag` (which
 * inserts axe as an inline <script>) is blocked. `page.evaluate(source)` runs the source through the
 * DevTools protocol, which the page's CSP does not govern, so the page keeps its real CSP (no
 * `bypassCSP` context) and axe sees it exactly as a visitor's browser does.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axeSource);
  const results: AxeResults = await page.evaluate(async (tags) => {
    if (window.axe === undefined) throw new Error('axe-core did not load');
    return window.axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
  }, AXE_TAGS);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node: rule id, impact, help text, the node's selector and what to fix. */
export function describeAxeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((violation) => [
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}`,
      ...violation.nodes.map(
        (node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ),
    ])
    .join('\n');
}

/** Scroll width of the document, for "no sideways scrolling" checks. */
export function documentScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
