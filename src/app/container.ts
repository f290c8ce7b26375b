/** Wiring: the database, repositories, services' context, clock and logger for one running Recall. */
import { createDerivedWork } from '../services/derived-work.js';
import pino, { type Logger } from 'pino';
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createRepositories, createTransact } from '../db/repositories/index.js';
import { PageVersionMemo } from '../db/repositories/set-page-version.repository.js';
import { systemClock, type Clock } from '../domain/clock.js';
import type { ServiceContext } from '../services/context.js';
import { importDemoContent } from '../services/demo-content.js';
import { ViewCounter } from '../services/view-counter.js';
import { loadAssetManifest, type AssetManifest } from '../web/assets.js';
import type { Config } from './config.js';
import { paths } from './paths.js';

export interface Container {
  config: Readonly<Config>;
  logger: Logger;
  database: DatabaseHandle;
  ctx: ServiceContext;
  views: ViewCounter;
  assets: AssetManifest;
  close(): Promise<void>;
}

export interface ContainerOptions {
  clock?: Clock;
  logger?: Logger;
  /** Milliseconds between view-count flushes; 0 flushes only on close (tests). */
  viewFlushIntervalMs?: number;
  demoContentDirectory?: string;
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] });
}

export async function createContainer(
  config: Readonly<Config>,
  options: ContainerOptions = {},
): Promise<Container> {
  const logger = options.logger ?? createLogger(config);
  const database = openDatabase(parseDatabaseUrl(config.databaseUrl));
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    // What this server read of set pages' versions lately, forgotten by its own writes.
    const memo = new PageVersionMemo();
    const repos = createRepositories(database.db, { sqlite: database.sqlite, memo });
    const ctx: ServiceContext = {
      repos,
      transact: createTransact(database.db, memo),
      clock: options.clock ?? systemClock,
      derived: createDerivedWork(),
    };
    if (config.demoContent) {
      const result = await importDemoContent(ctx, options.demoContentDirectory ?? paths.demoContent);
      if (result.imported > 0) logger.info({ sets: result.imported }, 'demo content imported');
    }
    const views = new ViewCounter(
      ctx,
      (error) => logger.error({ err: error }, 'could not save page views'),
      options.viewFlushIntervalMs ?? 5_000,
    );
    const assets = loadAssetManifest(paths.publicAssets, logger);
    return {
      config,
      logger,
      database,
      ctx,
      views,
      assets,
      close: async () => {
        await views.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
