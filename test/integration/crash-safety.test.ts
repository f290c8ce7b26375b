/**
 * Killed processes (kill -9) lose nothing that was acknowledged and leave nothing half-written: the
 * database passes its integrity check and an import is wholly present or wholly absent.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger } from '../../src/app/container.js';
import { memberWithSession } from '../helpers/members.js';
import { startServerProcess } from '../helpers/server-process.js';

function bigTermList(cards: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'recall-crash-'));
  const file = join(dir, 'words.tsv');
  const rows = Array.from(
    { length: cards },
    (_, i) => `term ${i + 1}\tdefinition ${i + 1}, with a few more words to store`,
  );
  writeFileSync(file, `#deck:Crash::Words\n${rows.join('\n')}\n`);
  return file;
}

function inspect(databaseFile: string): { integrity: string; cards: number } {
  const db = new SQLite(databaseFile);
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'missing';
    const hasCards = db.prepare("select count(*) as n from sqlite_master where name = 'cards'").get() as {
      n: number;
    };
    const cards =
      hasCards.n === 0 ? 0 : (db.prepare('select count(*) as n from cards').get() as { n: number }).n;
    return { integrity, cards };
  } finally {
    db.close();
  }
}

describe('crash safety on SQLite', () => {
  it('leaves a 100,000-card import wholly present or wholly absent when killed -9 in the middle, and the database sound', async () => {
    const source = bigTermList(100_000);
    const outcomes: number[] = [];
    // Once mid-transaction (the write-ahead log growing, nothing committed), once later on.
    for (const killAt of ['while-writing', 'after-some-time'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'recall-crash-db-'));
      const database = join(dir, 'recall.db');
      try {
        const child = spawn(process.execPath, ['bin/recall.js', 'import', source], {
          env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'silent' },
          stdio: 'ignore',
        });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const started = Date.now();
        for (;;) {
          if (child.exitCode !== null) break;
          const wal = `${database}-wal`;
          const writing = existsSync(wal) && statSync(wal).size > 2_000_000;
          if (
            (killAt === 'while-writing' && writing) ||
            (killAt === 'after-some-time' && Date.now() - started > 2500)
          ) {
            child.kill('SIGKILL');
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await exited;
        const { integrity, cards } = inspect(database);
        assert.equal(integrity, 'ok');
        assert.ok(cards === 0 || cards === 100_000, `${killAt}: ${cards} cards`);
        outcomes.push(cards);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // The kill during the write must have caught the import unfinished.
    assert.equal(outcomes[0], 0);
  });

  it('keeps every review that got a success response when the server is killed -9 in the middle of a stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recall-crash-reviews-'));
    const database = join(dir, 'recall.db');
    try {
      // A learner with a session, and the seed's cards (the demo content), made before the server starts.
      const setup = await createContainer(loadConfig({ DATABASE_URL: database, LOG_LEVEL: 'silent' }), {
        logger: createLogger({ logLevel: 'silent' }),
        viewFlushIntervalMs: 0,
      });
      const learner = await memberWithSession(setup.ctx, 'Learner', 'member', Date.now());
      const cardIds = (await setup.ctx.repos.cardSets.findCards(1)).map((card) => card.id);
      await setup.close();

      const server = await startServerProcess({ DATABASE_URL: database, LOG_LEVEL: 'silent' });
      const cookie = `recall_session=${learner.sessionToken}`;
      const session = await fetch(`${server.url}/api/v1/session`, { headers: { cookie } });
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const csrfCookie = session.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const acknowledged = new Map<number, number>();
      let stop = false;
      const writer = async (offset: number) => {
        for (let i = offset; !stop; i += 4) {
          const cardId = cardIds[i % cardIds.length]!;
          try {
            const response = await fetch(`${server.url}/api/v1/reviews`, {
              method: 'POST',
              headers: {
                cookie: `${cookie}; ${csrfCookie}`,
                'content-type': 'application/json',
                'x-csrf-token': csrfToken,
              },
              body: JSON.stringify({ cardId, rating: 1 + (i % 4), durationMs: 1000 }),
            });
            if (response.status === 201) acknowledged.set(cardId, (acknowledged.get(cardId) ?? 0) + 1);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = [0, 1, 2, 3].map((offset) => writer(offset));
      while ([...acknowledged.values()].reduce((a, b) => a + b, 0) < 150) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      await server.stop();

      const { integrity } = inspect(database);
      assert.equal(integrity, 'ok');
      const db = new SQLite(database);
      try {
        const logged = new Map(
          (
            db.prepare('select card_id as cardId, count(*) as n from review_logs group by card_id').all() as {
              cardId: number;
              n: number;
            }[]
          ).map((row) => [row.cardId, row.n]),
        );
        for (const [cardId, count] of acknowledged) {
          assert.ok(
            (logged.get(cardId) ?? 0) >= count,
            `card ${cardId}: ${count} acknowledged, ${logged.get(cardId) ?? 0} logged`,
          );
        }
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
