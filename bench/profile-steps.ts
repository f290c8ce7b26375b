import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { parseSearchQuery } from '../src/domain/search-query.js';
import { bestMatchingCard, highlight, plainText } from '../src/domain/search-text.js';
import { toCard } from '../src/services/card-set-mapping.js';

const [file, q] = process.argv.slice(2) as [string, string];
const c = await createContainer(loadConfig({ DATABASE_URL: file, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }), {
  logger: createLogger({ logLevel: 'warn' }),
  viewFlushIntervalMs: 0,
});
const query = parseSearchQuery(q);
for (let round = 0; round < 5; round++) {
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
  const rows = await c.ctx.repos.cardSets.findSummaries(ids);
  t.push(performance.now());
  const cards = await c.ctx.repos.cardSets.findCardsOfSets(ids);
  t.push(performance.now());
  for (const id of ids) {
    const list = (cards.get(id) ?? []).map(toCard);
    const card = bestMatchingCard(list, query);
    if (card) highlight(plainText(card.body), query);
  }
  t.push(performance.now());
  console.log(
    rows.length,
    t
      .slice(1)
      .map((x, i) => (x - t[i]!).toFixed(2))
      .join(' | '),
  );
}
await c.close();
