/** A complete Recall (container + Fastify app) on a fresh database, driven through `inject`. */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger, type Container } from '../../src/app/container.js';
import { buildServer } from '../../src/app/server.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { TestDatabase, TestDatabaseFactory } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  container: Container;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export const TEST_START = new Date('2026-11-27T09:00:00Z');

export async function createTestApp(
  factory: TestDatabaseFactory,
  options: { demoContent?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await factory.create();
  const config = loadConfig({
    DATABASE_URL: database.url,
    DEMO_CONTENT: options.demoContent === false ? 'off' : 'on',
    LOG_LEVEL: 'silent',
    // Busy test machines pause the event loop; overload protection has its own test.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // The clock below stands still, so write limits never refill: tests of other things get limits
    // a thousand times wider; the tests of the limits themselves pass RATE_LIMIT_SCALE '1'.
    RATE_LIMIT_SCALE: '1000',
    ...options.env,
  });
  const clock = fixedClock(TEST_START);
  const container = await createContainer(config, {
    clock,
    logger: createLogger({ logLevel: 'silent' }),
    viewFlushIntervalMs: 0,
  });
  const app = await buildServer(container);
  await app.ready();
  return {
    app,
    container,
    database,
    clock,
    close: async () => {
      await app.close();
      await container.close();
      await database.drop();
    },
  };
}
