/**
 * `npm run lighthouse`: Lighthouse's mobile audit (its default phone emulation and simulated slow 4G
 * with a 4× slower CPU) of performance and accessibility on the seed set page, home, study and
 * progress, against the real server (`recall serve` on a fresh SQLite file with the demo content and a
 * demo learner who has answered cards), in Debian's Chromium with the flags of DESIGN.md.
 *
 *   npm run lighthouse                 # each page once in each theme (device light, chosen dark)
 *   npm run lighthouse -- --runs 3     # the median of 3 runs per page
 *
 * Writes bench/results/lighthouse.json and prints a table. Target (issue 22): ≥ 0.95 for both. When
 * Chromium is missing or Lighthouse fails, each row says "not measured" and why, and it exits 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadConfig } from '../src/app/config.js';
import { createContainer } from '../src/app/container.js';
import { projectRoot } from '../src/app/paths.js';
import { THEME_COOKIE } from '../src/web/theme.js';
import { seedDemoLearner } from '../scripts/demo-pages.js';
import { round } from './stats.js';

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 1 : Math.max(1, Number(args[runsIndex + 1]));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = 0.95;
const log = (message: string) => process.stderr.write(`[lighthouse] ${message}\n`);

interface Row {
  page: string;
  theme: 'light' | 'dark';
  performance: number | null;
  accessibility: number | null;
  /** Largest contentful paint and total blocking time, ms (Lighthouse's simulated values). */
  lcpMs: number | null;
  tbtMs: number | null;
  error?: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startServer(dbFile: string): Promise<{ base: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/recall.js', 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: dbFile, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (tries > 150) throw new Error('the server did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { base, stop: () => child.kill('SIGTERM') };
}

/** One audit; tried a second time when Lighthouse's own trace recording fails (it sometimes misses the navigation start). */
async function audit(url: string, port: number, cookie: string): Promise<Omit<Row, 'page' | 'theme'>> {
  try {
    return await auditOnce(url, port, cookie);
  } catch (error) {
    log(`${url}: ${String(error)}; trying again`);
    return auditOnce(url, port, cookie);
  }
}

async function auditOnce(url: string, port: number, cookie: string): Promise<Omit<Row, 'page' | 'theme'>> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    extraHeaders: { Cookie: cookie },
  });
  if (result === undefined) throw new Error('Lighthouse returned no result');
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError !== undefined) throw new Error(runtimeError.message);
  return {
    performance: categories.performance?.score ?? null,
    accessibility: categories.accessibility?.score ?? null,
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? null,
    tbtMs: audits['total-blocking-time']?.numericValue ?? null,
  };
}

function printTable(rows: Row[], setPageScriptKB: number): void {
  const cell = (score: number | null) => (score === null ? '–' : score.toFixed(2));
  const lines = [
    '| page | theme | performance | accessibility | LCP | TBT | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const verdict =
        row.error !== undefined
          ? `not measured: ${row.error}`
          : (row.performance ?? 0) >= TARGET && (row.accessibility ?? 0) >= TARGET
            ? 'met'
            : `missed (target ≥ ${TARGET})`;
      const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value)} ms`);
      return `| ${row.page} | ${row.theme} | ${cell(row.performance)} | ${cell(row.accessibility)} | ${ms(row.lcpMs)} | ${ms(row.tbtMs)} | ${verdict} |`;
    }),
    '',
    `Set page client code (site.js + card-set-page.js): ${setPageScriptKB} KB gzipped (target ≤ 15 KB).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const outDir = join(projectRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const scripts = ['site.js', 'card-set-page.js'].map((name) =>
    readFileSync(join(projectRoot, 'dist', 'public', name)),
  );
  const setPageScriptKB = round(scripts.reduce((sum, file) => sum + gzipSync(file).length, 0) / 1024, 1);

  const dir = mkdtempSync(join(tmpdir(), 'recall-lighthouse-'));
  const dbFile = join(dir, 'recall.db');
  const rows: Row[] = [];
  let stopServer = () => {};
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    // The demo content and the learner, written before the server starts on the same file.
    const container = await createContainer(loadConfig({ DATABASE_URL: dbFile, LOG_LEVEL: 'warn' }));
    const demo = await seedDemoLearner(container.ctx);
    await container.close();
    const server = await startServer(dbFile);
    stopServer = server.stop;

    const pages = [
      { page: 'seed set page', path: demo.seedPath, learner: false },
      { page: 'home', path: '/', learner: false },
      { page: 'today (learner home)', path: '/', learner: true },
      { page: 'study', path: `${demo.seedBase}/study`, learner: true },
      { page: 'progress', path: '/progress', learner: true },
    ];
    const themes = ['light', 'dark'] as const;

    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
    mkdirSync(join(dir, 'chromium-profile'));
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      userDataDir: join(dir, 'chromium-profile'),
      chromeFlags: [
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
    for (const { page, path, learner } of pages) {
      for (const theme of themes) {
        // "light" is the device's default with no cookie; "dark" is chosen, as the toggle does.
        const cookies = [
          learner ? `recall_session=${demo.sessionToken}` : '',
          theme === 'dark' ? `${THEME_COOKIE}=dark` : '',
        ]
          .filter(Boolean)
          .join('; ');
        try {
          const measured: Omit<Row, 'page' | 'theme'>[] = [];
          for (let run = 0; run < runs; run++)
            measured.push(await audit(server.base + path, chrome.port, cookies));
          const pick = (key: 'performance' | 'accessibility' | 'lcpMs' | 'tbtMs') => {
            const values = measured.map((m) => m[key]).filter((v): v is number => v !== null);
            return values.length === 0 ? null : median(values);
          };
          const row: Row = {
            page,
            theme,
            performance: pick('performance'),
            accessibility: pick('accessibility'),
            lcpMs: pick('lcpMs'),
            tbtMs: pick('tbtMs'),
          };
          log(`${page} (${theme}): performance ${row.performance}, accessibility ${row.accessibility}`);
          rows.push(row);
        } catch (error) {
          rows.push({
            page,
            theme,
            performance: null,
            accessibility: null,
            lcpMs: null,
            tbtMs: null,
            error: String(error),
          });
        }
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`not measured: ${reason}`);
    for (const page of ['seed set page', 'home', 'study', 'progress']) {
      if (!rows.some((row) => row.page === page)) {
        rows.push({
          page,
          theme: 'light',
          performance: null,
          accessibility: null,
          lcpMs: null,
          tbtMs: null,
          error: reason,
        });
      }
    }
  } finally {
    chrome?.kill();
    stopServer();
    rmSync(dir, { recursive: true, force: true });
  }
  const results = {
    date: new Date().toISOString(),
    lighthouse: (
      JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
    formFactor: 'mobile',
    runsPerPage: runs,
    target: TARGET,
    setPageScriptGzipKB: setPageScriptKB,
    pages: rows,
  };
  writeFileSync(join(outDir, 'lighthouse.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(rows, setPageScriptKB);
  log(`wrote ${join('bench', 'results', 'lighthouse.json')}`);
}

await main();
