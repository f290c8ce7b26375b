/**
 * Recall's main pages, and a learner with a history to see them as, for the screenshots, Lighthouse and
 * the design-system browser tests. The learner signs up through the real service, saves the seed set in
 * a folder, sets an exam on it, and answers cards on each of the last three weeks' days (through
 * recordReview with the clock set back), so Progress, Review and the exam plan have something to show
 * and some cards are due today.
 */
import type { Page } from 'playwright-core';
import { fixedClock } from '../src/domain/clock.js';
import { signUp } from '../src/services/auth/accounts.js';
import { getSubjectPage } from '../src/services/browse.js';
import type { ServiceContext } from '../src/services/context.js';
import { saveSetToFolder } from '../src/services/folders.js';
import { saveExam } from '../src/services/study/exams.js';
import { recordReview } from '../src/services/study/record-review.js';
import { cardSetUrl, subjectUrl } from '../src/web/views/urls.js';

export interface DemoLearner {
  sessionToken: string;
  /** /sets/:id/:slug of the seed set, and /sets/:id. */
  seedPath: string;
  seedBase: string;
  subjectPath: string;
  examId: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedDemoLearner(ctx: ServiceContext): Promise<DemoLearner> {
  const history = await getSubjectPage(ctx, 'history', { limit: 100 });
  const items = history.sets.items;
  const seed = items.find((item) => item.title === 'Persecution and Control');
  if (seed === undefined) throw new Error('The demo content has no "Persecution and Control" set');

  const session = await signUp(
    ctx,
    {
      displayName: 'Sam Student',
      handle: 'sam',
      email: 'sam@example.org',
      password: 'correct horse battery staple',
    },
    'screenshots',
  );
  const actor = session.user;
  await saveSetToFolder(ctx, actor, seed.id, { newFolderName: 'History paper 1' });
  const other = items.find((item) => item.id !== seed.id);
  if (other !== undefined) await saveSetToFolder(ctx, actor, other.id, { newFolderName: 'History paper 1' });

  const now = ctx.clock.now();
  const examDate = new Date(now.getTime() + 40 * DAY_MS).toISOString().slice(0, 10);
  const examId = await saveExam(ctx, actor, {
    scope: `set:${seed.id}`,
    date: examDate,
    targetPercent: '',
    dailyCap: '',
  });

  // Answers spread over the past 20 days: a few cards a day, mostly Good, some Again and Hard.
  const cards = await ctx.repos.cardSets.findCards(seed.id);
  const ratings = [3, 3, 1, 3, 2, 4, 3, 3, 1, 3];
  let turn = 0;
  for (let daysAgo = 20; daysAgo >= 1; daysAgo--) {
    if (daysAgo % 4 === 0) continue; // a day off now and then
    const clock = fixedClock(new Date(now.getTime() - daysAgo * DAY_MS));
    const pastCtx: ServiceContext = { ...ctx, clock };
    const todays = cards.slice(0, 3 + (daysAgo % 5));
    for (const card of todays) {
      await recordReview(pastCtx, actor, {
        cardId: card.id,
        rating: ratings[turn++ % ratings.length]!,
        durationMs: 8000,
      });
      clock.advance(40_000);
    }
  }

  return {
    sessionToken: session.token,
    seedPath: cardSetUrl(seed),
    seedBase: `/sets/${seed.id}`,
    subjectPath: subjectUrl(history.subject),
    examId,
  };
}

export interface MainPage {
  name: string;
  /** The path to open, from what the demo learner's set-up made. */
  path: (demo: DemoLearner) => string;
  as: 'visitor' | 'learner';
  /** What a person does on the page before it is looked at (an answer shown, a menu opened). */
  prepare?: (page: Page) => Promise<void>;
}

/** The study page with its first answer shown. */
async function revealAnswer(page: Page): Promise<void> {
  const reveal = page.locator('[data-study-card]:not([hidden]) button[data-reveal], .reveal-form button');
  if ((await reveal.count()) > 0) await reveal.first().click();
}

async function openSaveMenu(page: Page): Promise<void> {
  await page.locator('.save-menu > summary').click();
}

async function showFlashcards(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Flashcards' }).click();
}

export const MAIN_PAGES: readonly MainPage[] = [
  { name: 'home-visitor', path: () => '/', as: 'visitor' },
  { name: 'home-learner', path: () => '/', as: 'learner' },
  { name: 'set', path: (d) => d.seedPath, as: 'visitor' },
  { name: 'set-learner', path: (d) => d.seedPath, as: 'learner' },
  { name: 'set-save', path: (d) => d.seedPath, as: 'learner', prepare: openSaveMenu },
  { name: 'set-flashcards', path: (d) => d.seedPath, as: 'visitor', prepare: showFlashcards },
  { name: 'study', path: (d) => `${d.seedBase}/study`, as: 'learner', prepare: revealAnswer },
  { name: 'self-test', path: (d) => `${d.seedBase}/test`, as: 'learner' },
  { name: 'timeline', path: (d) => `${d.seedBase}/timeline`, as: 'learner' },
  { name: 'exams', path: () => '/exams', as: 'learner' },
  { name: 'exam-plan', path: (d) => `/exams/${d.examId}`, as: 'learner' },
  { name: 'progress', path: () => '/progress', as: 'learner' },
  { name: 'review', path: () => '/review', as: 'learner' },
  { name: 'editor', path: () => '/sets/new', as: 'learner' },
  { name: 'import', path: () => '/import', as: 'learner' },
  { name: 'search', path: () => '/search?q=stalin+terror', as: 'visitor' },
  { name: 'subject', path: (d) => d.subjectPath, as: 'visitor' },
  { name: 'login', path: () => '/login', as: 'visitor' },
  { name: 'signup', path: () => '/signup', as: 'visitor' },
  { name: 'folders', path: () => '/me/folders', as: 'learner' },
  { name: 'study-visitor', path: (d) => `${d.seedBase}/study`, as: 'visitor' },
  { name: 'print', path: (d) => `${d.seedBase}/print`, as: 'visitor' },
  { name: 'profile', path: () => '/users/sam', as: 'learner' },
  { name: 'password', path: () => '/me/password', as: 'learner' },
  { name: 'not-found', path: () => '/sets/999999/nothing', as: 'visitor' },
];
