// Runs the whole suite: unit, integration (SQLite and PostgreSQL) and end-to-end (headless Chromium).
//   node scripts/run-tests.mjs [unit|integration|e2e ...]
// Starts the local PostgreSQL 15 cluster when it is not running and creates the test role, as the
// project's CI machine needs; set RECALL_TEST_PG_URL to use another server (a role that may CREATE DATABASE).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const DEFAULT_PG_URL = 'postgres://recall_test:recall_test@127.0.0.1:5432/postgres';
const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

async function ensurePostgres() {
  const url = process.env.RECALL_TEST_PG_URL ?? DEFAULT_PG_URL;
  if (await canConnect(url)) return url;
  if (process.env.RECALL_TEST_PG_URL !== undefined) {
    throw new Error(`Cannot connect to RECALL_TEST_PG_URL (${url}).`);
  }
  const hasCluster = spawnSync('pg_lsclusters', ['-h'], { encoding: 'utf8' });
  if (hasCluster.status !== 0) {
    throw new Error(
      'PostgreSQL is needed for the integration tests: install PostgreSQL 15 (Debian: apt-get install postgresql-15), ' +
        'or set RECALL_TEST_PG_URL to a server where the role may create databases.',
    );
  }
  const clusters = hasCluster.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(/\s+/));
  const cluster = clusters.find(([version]) => version === '15') ?? clusters[0];
  if (cluster === undefined) throw new Error('No PostgreSQL cluster found (pg_lsclusters lists none).');
  const [version, name, , status] = cluster;
  if (status !== 'online') {
    console.log(`Starting PostgreSQL cluster ${version}/${name} …`);
    if (!run('pg_ctlcluster', [version, name, 'start']))
      throw new Error(`pg_ctlcluster ${version} ${name} start failed`);
  }
  // Create the test role through the local socket as the postgres superuser (needs root).
  const createRole = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'recall_test') THEN
      CREATE ROLE recall_test LOGIN CREATEDB PASSWORD 'recall_test';
    END IF; END $$;`;
  if (!run('runuser', ['-u', 'postgres', '--', 'psql', '-q', '-c', createRole])) {
    throw new Error(
      'Could not create the recall_test role (run the tests as root, or set RECALL_TEST_PG_URL).',
    );
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await canConnect(url)) return url;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`PostgreSQL started, but ${url} does not answer.`);
}

const env = { ...process.env };
if (suites.includes('integration') || suites.includes('e2e')) {
  if (process.env.RECALL_TEST_SKIP_POSTGRES === '1') {
    console.warn('RECALL_TEST_SKIP_POSTGRES=1: the PostgreSQL half of the integration tests will not run.');
  } else {
    env.RECALL_TEST_PG_URL = await ensurePostgres();
  }
}
if (suites.includes('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `The end-to-end tests need Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
    process.exit(1);
  }
}

const files = suites.flatMap((suite) => findTests(join('test', suite)).sort());
if (files.length === 0) {
  console.error(`No test files in ${suites.map((s) => `test/${s}`).join(', ')}.`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
