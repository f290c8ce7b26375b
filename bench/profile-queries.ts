// Ad-hoc: time the steps of a search for the benchmark's own queries. node --import tsx bench/profile-queries.ts DB
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { parseSearchQuery } from '../src/domain/search-query.js';
import { bestMatchingCard, highlight, plainText } from '../src/domain/search-text.js';
import { toCard } from '../src/services/card-set-mapping.js';
import { Corpus } from './corpus.js';

const [file] = process.argv.slice(2) as [string];
const c = await createContainer(loadConfig({ DATABASE_URL: file, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }), {
  logger: createLogger({ logLevel: 'warn' }),
  viewFlushIntervalMs: 0,
});
const queries = new Corpus({ sets: 1, cardsPerSet: 10, seed: 2026 }).queries(12);
const totals = [0, 0, 0, 0];
for (const q of [...queries.oneWord, ...queries.twoWords]) {
  const query = parseSearchQuery(q);
  const t: number[] = [performance.now()];
  const hits = await c.ctx.repos.search.search({
    query,
    filters: {},
    sort: 'relevance',
    viewerId: null,
    limit: 21,
    offset: 0,
  });
  t.push(performance.now());
  const ids = hits.slice(0, 20).map((h) => h.setId);
  await c.ctx.repos.cardSets.findSummaries(ids);
  t.push(performance.now());
  const cards = await c.ctx.repos.cardSets.findCardsOfSets(ids);
  t.push(performance.now());
  for (const id of ids) {
    const list = (cards.get(id) ?? []).map(toCard);
    const card = bestMatchingCard(list, query);
    if (card) highlight(plainText(card.body), query);
  }
  t.push(performance.now());
  const steps = t.slice(1).map((x, i) => x - t[i]!);
  steps.forEach((v, i) => (totals[i]! += v));
  console.log(JSON.stringify(q), hits.length, steps.map((v) => v.toFixed(2)).join(' | '));
}
console.log('totals', totals.map((v) => v.toFixed(1)).join(' | '));
await c.close();
