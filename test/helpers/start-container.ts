/** Starts Recall's container in a process of its own (as a server would), prints the set count, stops. */
import { loadConfig } from '../../src/app/config.js';
import { createContainer, createLogger } from '../../src/app/container.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const container = await createContainer(config, { logger: createLogger(config), viewFlushIntervalMs: 0 });
process.stdout.write(`${await container.ctx.repos.cardSets.count()}\n`);
await container.close();
