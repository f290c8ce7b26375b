import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/app/config.js';
import { createContainer, createLogger } from '../src/app/container.js';
import { distinctiveTerms, plainText, termCounts } from '../src/domain/search-text.js';
import { getCardSet } from '../src/services/read-card-set.js';

const [file] = process.argv.slice(2) as [string];
const c = await createContainer(loadConfig({ DATABASE_URL: file, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }), {
  logger: createLogger({ logLevel: 'warn' }),
  viewFlushIntervalMs: 0,
});
for (const id of [20, 300, 500, 700, 900, 20, 300]) {
  const set = await getCardSet(c.ctx, null, id);
  const t: number[] = [performance.now()];
  const terms = termCounts({
    ...set,
    cards: set.cards.map((card) => ({ ...card, body: plainText(card.body) })),
  })
    .sort((a, b) => b.count - a.count)
    .slice(0, 40);
  t.push(performance.now());
  const stats = await c.ctx.repos.search.documentFrequencies(terms.map((term) => term.stem));
  t.push(performance.now());
  const chosen = distinctiveTerms(terms, stats);
  const hits = await c.ctx.repos.search.similar({
    setId: set.id,
    terms: chosen.map((term) => term.word),
    limit: 5,
  });
  t.push(performance.now());
  const rows = await c.ctx.repos.cardSets.findSummaries(hits.map((hit) => hit.setId));
  t.push(performance.now());
  console.log(
    terms.length,
    chosen.length,
    hits.length,
    rows.length,
    t
      .slice(1)
      .map((x, i) => (x - t[i]!).toFixed(2))
      .join(' | '),
  );
}
await c.close();
