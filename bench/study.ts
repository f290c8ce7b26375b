/**
 * The study measurements of `npm run bench`: answers recorded per second through HTTP, and the time to
 * build a 50-question self-test for a 500-card set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { projectRoot } from '../src/app/paths.js';
import { buildStudyContext, generateTest, type StudySet } from '../src/domain/study/index.js';
import { parseRevisionText } from '../src/formats/revision-text/parse-revision-text.js';
import { percentile, round } from './stats.js';

/** The demo sets, parsed: real names, years and numbers, as questions need (made-up words yield few). */
function demoSets(): StudySet[] {
  const dir = join(projectRoot, 'content', 'demo');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const parsed = parseRevisionText(readFileSync(join(dir, file), 'utf8'));
      return {
        title: parsed.title,
        cards: parsed.cards.map((card, index) => ({
          position: index + 1,
          title: card.title,
          body: card.body,
        })),
      };
    });
}

/**
 * A 500-card set (the demo sets' cards, repeated with their titles numbered so that each card is its
 * own), with the other demo sets as related sets; generateTest (which reads the whole set each time, as a
 * page view does) for `runs` seeds.
 */
export function measureTestBuild(runs: number) {
  const sets = demoSets();
  const pool = sets.flatMap((set) => set.cards);
  const cards = Array.from({ length: 500 }, (_, i) => {
    const card = pool[i % pool.length]!;
    const lap = Math.floor(i / pool.length);
    return {
      position: i + 1,
      title: card.title === null ? null : lap === 0 ? card.title : `${card.title} (${lap + 1})`,
      body: card.body,
    };
  });
  const big: StudySet = { title: 'Five hundred cards', cards };
  const related = sets.slice(0, 8);
  const times: number[] = [];
  const warmTimes: number[] = [];
  let questions = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const start = performance.now();
    questions = generateTest(big, { seed, count: 50, related }).length;
    times.push(performance.now() - start);
  }
  // The service keeps each set's study context (facts, answer spans, pools) until the set changes:
  // a second test of the same set reuses it.
  const context = buildStudyContext(big, related);
  for (let seed = 1; seed <= runs; seed++) {
    const start = performance.now();
    generateTest(big, { seed, count: 50, related, context });
    warmTimes.push(performance.now() - start);
  }
  return {
    cards: cards.length,
    questions,
    runs,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    warm: { p50: round(percentile(warmTimes, 50)), p95: round(percentile(warmTimes, 95)) },
  };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
}

/** Signs a learner up through the form; returns the cookies and a CSRF token for the API. */
async function signedUpLearner(base: string) {
  const form = await fetch(`${base}/signup`);
  const formCookies = cookiesOf(form);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (token === undefined) throw new Error('no CSRF token on /signup');
  const handle = `bench-${process.pid}`;
  const signup = await fetch(`${base}/signup`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: formCookies.join('; ') },
    body: new URLSearchParams({
      _csrf: token,
      displayName: 'Bench Learner',
      handle,
      email: `${handle}@example.org`,
      password: 'correct horse battery staple',
    }),
  });
  if (signup.status !== 303) throw new Error(`sign-up answered ${signup.status}`);
  const cookie = [...formCookies, ...cookiesOf(signup)].join('; ');
  const session = await fetch(`${base}/api/v1/session`, { headers: { cookie } });
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** POST /api/v1/reviews under load: one logged-in learner answering the given cards in turn. */
export async function measureReviews(base: string, cardIds: readonly number[], seconds: number) {
  const { cookie, csrfToken } = await signedUpLearner(base);
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: 8,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/reviews',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        setupRequest: (request) => {
          next += 1;
          return {
            ...request,
            body: JSON.stringify({
              cardId: cardIds[next % cardIds.length],
              rating: 1 + (next % 4),
              durationMs: 2000,
            }),
          };
        },
      },
    ],
  });
  return {
    cards: cardIds.length,
    reviewsPerSecond: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
