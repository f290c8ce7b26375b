// Ad-hoc: profile an import through importCardSets. node --cpu-prof --import tsx bench/profile-import.ts SETS
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { importCardSets, type ImportCardSetInput } from '../src/services/import-card-set.js';
import { Corpus } from './corpus.js';

const sets = Number(process.argv[2] ?? 10_000);
const file = '/tmp/profile-import.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
const container = await createContainer(loadConfig({ DATABASE_URL: file, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }), {
  logger: createLogger({ logLevel: 'warn' }),
  viewFlushIntervalMs: 0,
});
const corpus = new Corpus({ sets, cardsPerSet: 10, seed: 2026 });
const generated = [...corpus.sets()];
const start = performance.now();
let batch: ImportCardSetInput[] = [];
for (const set of generated) {
  batch.push({ parsed: set, level: set.level, examBoard: set.examBoard, visibility: set.visibility, author: { handle: 'bench', displayName: 'Bench' } });
  if (batch.length === 500) {
    await importCardSets(container.ctx, batch);
    batch = [];
  }
}
if (batch.length > 0) await importCardSets(container.ctx, batch);
console.log((globalThis as any).T, `${sets * 10} cards in ${((performance.now() - start) / 1000).toFixed(1)} s`);
await container.close();
