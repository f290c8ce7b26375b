/**
 * Replays issue 19's "one request must not freeze the server" attacks against a real Recall (container,
 * Fastify app, SQLite file with the demo content) and prints how long each takes and how long a page asked
 * for at the same moment waits. Not part of `npm test` (no timing assertions there): run it by hand,
 *
 *   node --import tsx bench/hostile-input.ts
 *
 * writes bench/results/hostile-input.json. The attacks:
 * - a self-test answer of `1` + `,000` × 40,000 + `,00` (160 KB) and the same at 400 KB, anonymous;
 * - 200 anonymous answers of 900 KB each: server heap growth after a full collection;
 * - a public set of 300 cards of 10,000 characters with runs of `[`, `,` and `!` in dated sentences:
 *   its page (uncached), its self-test and its timeline;
 * - a bogus `recall_notice` cookie on every request for the demo set's page (is the page cache used?).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { projectRoot } from '../src/app/paths.js';
import { buildServer } from '../src/app/server.js';
import { createCardSet } from '../src/services/card-set-editing.js';
import { round } from './stats.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A card body of about 10,000 characters: dated sentences holding long runs of `[`, `,` and `!`. */
export function hostileCardBody(index: number): string {
  const run = (c: string) => c.repeat(3_000);
  return (
    `In ${1900 + (index % 100)} Kirov was shot ${run('[')} and in 1935, ${run(',')} the purges began ` +
    `${run('!')} Then in 1936 the trials opened.`
  ).slice(0, 10_000);
}

class Visitor {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}
  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>, extraCookie = '') {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const response: LightMyRequestResponse = await this.app.inject({
      method,
      url,
      headers: {
        cookie: [cookie, extraCookie].filter((c) => c !== '').join('; '),
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      payload: form === undefined ? undefined : new URLSearchParams(form).toString(),
    });
    for (const c of response.cookies) this.cookies.set(c.name, c.value);
    return response;
  }
}

/**
 * Runs `attack`, and asks for a page (the health check) 20 ms after it began: how long the attack took,
 * and how long that page waited beyond its own moment.
 */
async function timed(app: FastifyInstance, attack: () => Promise<LightMyRequestResponse>) {
  const start = performance.now();
  let attackMs = 0;
  let waitMs = 0;
  let status = 0;
  await Promise.all([
    attack().then((response) => {
      attackMs = performance.now() - start;
      status = response.statusCode;
    }),
    new Promise((resolve) => setTimeout(resolve, 20))
      .then(() => app.inject({ method: 'GET', url: '/healthz' }))
      .then(() => {
        waitMs = performance.now() - start - 20;
      }),
  ]);
  return { status, attackMs: round(attackMs, 1), concurrentPageWaitMs: round(waitMs, 1) };
}

const dir = mkdtempSync(join(tmpdir(), 'recall-hostile-'));
const config = loadConfig({
  DATABASE_URL: join(dir, 'recall.db'),
  LOG_LEVEL: 'silent',
  MAX_EVENT_LOOP_DELAY_MS: '0',
});
const container = await createContainer(config, { logger: createLogger({ logLevel: 'silent' }) });
const app = await buildServer(container);
await app.ready();
const results: Record<string, unknown> = {};
try {
  const demo = await container.database.db
    .selectFrom('card_sets')
    .select(['id', 'title'])
    .where('title', '=', 'Persecution and Control')
    .executeTakeFirstOrThrow();

  // 1. Written answers of 160 KB and 400 KB.
  const answerAttack = async (groups: number) => {
    const visitor = new Visitor(app);
    const page = await visitor.request('GET', `/sets/${demo.id}/test?count=50&seed=7`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const field = /type="text" id="[^"]*" name="(a-[0-9a-f]+)"/.exec(page.body);
    const name = field?.[1] ?? 'a-000000';
    const answer = `1${',000'.repeat(groups)},00`;
    return timed(app, () =>
      visitor.request('POST', `/sets/${demo.id}/test`, {
        _csrf: csrf,
        seed: '7',
        count: '50',
        [name]: answer,
      }),
    );
  };
  results.answer160k = await answerAttack(40_000);
  results.answer400k = await answerAttack(100_000);

  // 2. 200 answers of 900 KB: heap growth after a full collection.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  {
    const visitor = new Visitor(app);
    const page = await visitor.request('GET', `/sets/${demo.id}/test?count=50&seed=7`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const field = /type="text" id="[^"]*" name="(a-[0-9a-f]+)"/.exec(page.body);
    const name = field?.[1] ?? 'a-000000';
    for (let i = 0; i < 200; i++) {
      const answer = `${i} ${'word '.repeat(180_000)}`.slice(0, 900_000);
      await visitor.request('POST', `/sets/${demo.id}/test`, {
        _csrf: csrf,
        seed: '7',
        count: '50',
        [name]: answer,
      });
    }
  }
  gc();
  results.heapGrowthAfter200LargeAnswersMB = round(
    (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
    1,
  );

  // 3. The hostile set: 300 cards of 10,000 characters.
  const user = await container.ctx.repos.users.insertIfFree({
    handle: 'hostile-author',
    display_name: 'Hostile author',
    password_hash: null,
    role: 'member',
    created_at: Date.now(),
  });
  const { id } = await createCardSet(
    container.ctx,
    { userId: user!, role: 'member' },
    {
      title: 'Hostile cards',
      subtitle: null,
      subject: 'History',
      topic: null,
      level: null,
      examBoard: null,
      visibility: 'public',
      cards: Array.from({ length: 300 }, (_, i) => ({ id: null, title: null, body: hostileCardBody(i) })),
    },
  );
  const visitor = new Visitor(app);
  const setPage = await visitor.request('GET', `/sets/${id}`);
  const location = String(setPage.headers.location);
  results.hostileSetPage = await timed(app, () => visitor.request('GET', location));
  results.hostileSetTest = await timed(app, () => visitor.request('GET', `/sets/${id}/test?seed=3`));
  results.hostileSetTimeline = await timed(app, () => visitor.request('GET', `/sets/${id}/timeline?seed=3`));
  // The same again, as the next visitor: is the derived work reused?
  results.hostileSetPageAgain = await timed(app, () =>
    new Visitor(app).request('GET', location, undefined, 'recall_notice=x'),
  );
  results.hostileSetTestAgain = await timed(app, () =>
    new Visitor(app).request('GET', `/sets/${id}/test?seed=4`),
  );
  results.hostileSetTimelineAgain = await timed(app, () =>
    new Visitor(app).request('GET', `/sets/${id}/timeline?seed=4`),
  );

  // 4. A bogus notice cookie on the demo set's page: mean time per request, with and without it.
  const demoUrl = String((await visitor.request('GET', `/sets/${demo.id}`)).headers.location);
  const mean = async (extraCookie: string) => {
    await new Visitor(app).request('GET', demoUrl, undefined, extraCookie);
    const start = performance.now();
    for (let i = 0; i < 50; i++) await new Visitor(app).request('GET', demoUrl, undefined, extraCookie);
    return round((performance.now() - start) / 50, 2);
  };
  const plain = await mean('');
  const bogus = await mean('recall_notice=anything');
  results.demoPageMs = { noCookie: plain, bogusNotice: bogus, ratio: round(bogus / plain, 1) };
} finally {
  await app.close();
  await container.close();
  rmSync(dir, { recursive: true, force: true });
}

const outDir = join(projectRoot, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'hostile-input.json'),
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.log(JSON.stringify(results, null, 2));
