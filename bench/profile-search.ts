// Ad-hoc: where does an in-process search spend its time? node --import tsx bench/profile-search.ts DB QUERY...
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { searchCardSets } from '../src/services/search.js';

const [file, ...queries] = process.argv.slice(2);
const container = await createContainer(
  loadConfig({ DATABASE_URL: file, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }),
  {
    logger: createLogger({ logLevel: 'warn' }),
    viewFlushIntervalMs: 0,
  },
);
for (const q of queries) {
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const outcome = await searchCardSets(container.ctx, null, { q });
    console.log(q, outcome.results.length, (performance.now() - start).toFixed(2), 'ms');
  }
}
await container.close();
