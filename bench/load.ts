/**
 * `npm run load`: a bounded load test on loopback. Simulated students (200 by default), each logged in,
 * read set pages, search, fetch cards and record reviews against a real `recall serve`, for at most
 * 60 s. Passes when no request fails and the server's heap after a full garbage collection (read through
 * the inspector protocol) does not grow from the warmed-up start to the end. Writes
 * bench/results/load.json (or --out FILE) and prints a summary; exits 1 on a failure.
 *
 *   npm run load                                   # 200 students, 60 s
 *   npm run load -- --students 30 --seconds 15 --no-memory-check --out /tmp/load.json   # what CI runs
 *
 * The server's write limits are widened a thousandfold (RATE_LIMIT_SCALE=1000) unless RATE_LIMIT_SCALE
 * is set: the students review at machine speed from one address.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { projectRoot } from '../src/app/paths.js';
import { randomBytes } from 'node:crypto';
import { hashToken, SESSION_LIFETIME_MS } from '../src/services/auth/accounts.js';
import { percentile, round } from './stats.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(
      `load: ${name} takes a whole number above 0 (got ${args[index + 1] ?? 'nothing'})\n`,
    );
    process.exit(2);
  }
  return value;
};
const students = option('--students', 200);
const seconds = Math.min(60, option('--seconds', 60));
// CI's short run is mostly warm-up: there, memory is reported but only failed requests fail the run.
const checkMemory = !args.includes('--no-memory-check');
const outIndex = args.indexOf('--out');
const outFile =
  outIndex === -1 ? join(projectRoot, 'bench', 'results', 'load.json') : (args[outIndex + 1] ?? 'load.json');
const rateLimitScale = process.env.RATE_LIMIT_SCALE ?? '1000';
const WARM_UP_SECONDS = Math.min(10, seconds / 4);
const log = (message: string) => process.stderr.write(`[load] ${message}\n`);

const WORDS = [
  'Stalin',
  'Kirov',
  'purges',
  'osmosis',
  'cell',
  'atom',
  'Weimar',
  'Lenin',
  'kulaks',
  'photosynthesis',
  'isotope',
  'revolution',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The server's JavaScript heap in use just after a full garbage collection, through the inspector
 * protocol: what stays reachable, which is what a leak would grow (RSS also moves with how lazily the
 * collector runs).
 */
async function heapAfterGcMb(inspectorPort: number): Promise<number> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const socket = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  const pending = new Map<number, (result: Record<string, number>) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, number> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  let nextId = 0;
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      nextId += 1;
      pending.set(nextId, resolve);
      socket.send(JSON.stringify({ id: nextId, method }));
    });
  await call('HeapProfiler.collectGarbage');
  const usage = await call('Runtime.getHeapUsage');
  socket.close();
  return Math.round((usage.usedSize! / 2 ** 20) * 10) / 10;
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'recall-load-'));
  const databaseUrl = join(dir, 'recall.db');
  // The students and their sessions, made directly: signing up is not what this measures.
  const container = await createContainer(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }), {
    logger: createLogger({ logLevel: 'warn' }),
    viewFlushIntervalMs: 0,
  });
  const sessions: string[] = [];
  const now = Date.now();
  for (let i = 0; i < students; i++) {
    const user = await container.ctx.repos.users.findOrInsert({
      handle: `student-${i}`,
      display_name: `Student ${i}`,
      email: null,
      password_hash: null,
      role: 'member',
      created_at: now,
    });
    const token = randomBytes(32).toString('base64url');
    await container.ctx.repos.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: now + SESSION_LIFETIME_MS,
    });
    sessions.push(token);
  }
  const sets = await Promise.all(
    Array.from({ length: 8 }, async (_, index) => {
      const cards = await container.ctx.repos.cardSets.findCards(index + 1);
      const summary = (await container.ctx.repos.cardSets.findSummary(index + 1))!;
      return { id: index + 1, title: summary.title, cards: cards.map((card) => card.id) };
    }),
  );
  await container.close();

  const port = await freePort();
  const inspectorPort = await freePort();
  const server = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectorPort}`, 'bin/recall.js', 'serve'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // The simulated students answer at machine speed, all from one address, so a fast machine would
      // run into the write limits, which no real student reaches: they are widened a thousandfold, as in
      // the integration tests, unless RATE_LIMIT_SCALE is given (RATE_LIMIT_SCALE=1 tests the real ones).
      RATE_LIMIT_SCALE: rateLimitScale,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // However the run ends (a thrown error included), the server and its database go with it.
  process.once('exit', () => {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (attempt > 300) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const latencies: Record<string, number[]> = { page: [], search: [], set: [], review: [] };
  const failures: string[] = [];
  let requests = 0;
  const end = performance.now() + seconds * 1000;
  let rssAfterWarmUp = NaN;
  let heapAfterWarmUp: Promise<number> = Promise.resolve(NaN);
  const warmUp = setTimeout(() => {
    rssAfterWarmUp = rssMb(server.pid!);
    heapAfterWarmUp = heapAfterGcMb(inspectorPort);
  }, WARM_UP_SECONDS * 1000);
  let peakRss = 0;
  const rssSamples: { second: number; mb: number }[] = [];
  const sampleStart = performance.now();
  const sampler = setInterval(() => {
    const mb = rssMb(server.pid!);
    peakRss = Math.max(peakRss, mb);
    rssSamples.push({ second: Math.round((performance.now() - sampleStart) / 100) / 10, mb: Math.round(mb) });
  }, 1000);

  async function timed(kind: string, url: string, init?: RequestInit): Promise<Response | undefined> {
    const start = performance.now();
    try {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      requests += 1;
      latencies[kind]!.push(performance.now() - start);
      if (!response.ok) failures.push(`${kind} ${url} → ${response.status}`);
      return response;
    } catch (error) {
      failures.push(`${kind} ${url} → ${String(error)}`);
      return undefined;
    }
  }

  async function student(index: number) {
    const cookie = `recall_session=${sessions[index]}`;
    const session = await fetch(`${base}/api/v1/session`, { headers: { cookie } });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const csrfCookie = session.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie: [cookie, csrfCookie].filter(Boolean).join('; ') };
    let step = index;
    while (performance.now() < end) {
      step += 1;
      const set = sets[step % sets.length]!;
      // Reading is anonymous (the cached page); searching, fetching and reviewing as the student.
      await timed('page', `${base}/sets/${set.id}`, { redirect: 'follow' });
      await timed('search', `${base}/api/v1/search?q=${encodeURIComponent(WORDS[step % WORDS.length]!)}`, {
        headers,
      });
      await timed('set', `${base}/api/v1/sets/${set.id}`, { headers });
      const cardId = set.cards[step % set.cards.length]!;
      await timed('review', `${base}/api/v1/reviews`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ cardId, rating: 1 + (step % 4), durationMs: 4000 }),
      });
    }
  }

  log(`${students} students for ${seconds} s against ${base} …`);
  const started = performance.now();
  await Promise.all(Array.from({ length: students }, (_, i) => student(i)));
  const elapsed = (performance.now() - started) / 1000;
  clearTimeout(warmUp);
  clearInterval(sampler);
  const rssAtEnd = rssMb(server.pid!);
  const heapWarm = await heapAfterWarmUp;
  const heapAtEnd = await heapAfterGcMb(inspectorPort);
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });

  // "No growth": what stays reachable after a full collection may not grow by more than 10% (or 5 MB)
  // from the warmed-up start to the end. RSS is reported too, but it also grows while the collector
  // lets garbage pile up, so it is not the test.
  const heapGrowthMb = Math.round((heapAtEnd - heapWarm) * 10) / 10;
  const memoryOk = !checkMemory || Number.isNaN(heapWarm) || heapGrowthMb <= Math.max(5, heapWarm * 0.1);
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    },
    students,
    rateLimitScale: Number(rateLimitScale),
    seconds: Math.round(elapsed * 10) / 10,
    requests,
    requestsPerSecond: Math.round(requests / elapsed),
    errors: failures.length,
    firstErrors: failures.slice(0, 10),
    latencyMs: Object.fromEntries(
      Object.entries(latencies).map(([kind, values]) => [
        kind,
        {
          n: values.length,
          p50: round(percentile(values, 50)),
          p95: round(percentile(values, 95)),
          p99: round(percentile(values, 99)),
        },
      ]),
    ),
    memoryMb: {
      afterWarmUp: Math.round(rssAfterWarmUp),
      atEnd: Math.round(rssAtEnd),
      peak: Math.round(peakRss),
      samples: rssSamples,
      heapAfterGcWarm: heapWarm,
      heapAfterGcEnd: heapAtEnd,
      heapGrowth: heapGrowthMb,
    },
    passed: failures.length === 0 && memoryOk,
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `| students | seconds | requests | req/s | errors | page p99 | search p99 | review p99 | heap after GC warm → end | RSS warm → end (peak) |\n` +
      `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n` +
      `| ${students} | ${results.seconds} | ${requests} | ${results.requestsPerSecond} | ${failures.length} | ${results.latencyMs.page?.p99} ms | ${results.latencyMs.search?.p99} ms | ${results.latencyMs.review?.p99} ms | ${heapWarm} → ${heapAtEnd} MB | ${results.memoryMb.afterWarmUp} → ${results.memoryMb.atEnd} MB (${results.memoryMb.peak}) |\n`,
  );
  if (!results.passed) {
    log(`FAILED: ${failures.length} errors${memoryOk ? '' : `, the heap grew ${heapGrowthMb} MB`}`);
    for (const failure of failures.slice(0, 10)) log(`  ${failure}`);
    process.exit(1);
  }
  log(
    checkMemory ? 'passed: no errors, no memory growth' : 'passed: no errors (memory reported, not checked)',
  );
}

await main();
