/**
 * The cards that matter most for an exam: when the new-card limit cannot start every card in time, the
 * learner may choose cards to start first. The plan introduces those before the others (each exam's in
 * order; study-plan.ts). Only cards with an item not yet started are listed and may be chosen.
 */
import { AppError } from '../../domain/errors.js';
import { itemFaces, itemKey, studyVariants } from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import type { ServiceContext } from '../context.js';
import { findOwnExam, viewExam, type ExamView } from './exams.js';
import { findLearnerSets, isStudied, startOfUtcDay, toItemCard } from './study-mapping.js';
import { setsCovered } from './study-plan.js';

/** At most this many cards are listed (and may be chosen) per exam. */
export const MAX_FOCUS_CARDS = 2000;

export interface FocusCard {
  id: number;
  position: number;
  /** The card's front, as study shows it. */
  front: string;
  chosen: boolean;
}

export interface ExamFocusView {
  exam: ExamView;
  sets: { id: number; title: string; cards: FocusCard[] }[];
  chosen: number;
  /** True when the exam has more cards to start than are listed. */
  truncated: boolean;
}

async function startableCards(ctx: ServiceContext, actor: Actor, id: number) {
  const row = await findOwnExam(ctx.repos, actor, id);
  const covered = setsCovered(row, await findLearnerSets(ctx.repos, actor));
  const ids = covered.map((set) => set.id);
  const [cards, states] = await Promise.all([
    ctx.repos.cardSets.findCardsOfSets(ids),
    ctx.repos.study.findStatesOfSets(actor.userId, ids),
  ]);
  const studied = new Set(
    states.filter((state) => isStudied(state)).map((state) => itemKey(state.cardId, state.variant)),
  );
  let listed = 0;
  let truncated = false;
  const sets = covered.map((set) => {
    const startable = (cards.get(set.id) ?? []).filter((card) =>
      studyVariants(toItemCard(card)).some((variant) => !studied.has(itemKey(card.id, variant))),
    );
    const room = Math.max(0, MAX_FOCUS_CARDS - listed);
    if (startable.length > room) truncated = true;
    listed += Math.min(room, startable.length);
    return { set, cards: startable.slice(0, room) };
  });
  return { row, sets, truncated };
}

export async function getExamFocus(ctx: ServiceContext, actor: Actor, id: number): Promise<ExamFocusView> {
  const { row, sets, truncated } = await startableCards(ctx, actor, id);
  const chosen = new Set((await ctx.repos.examDates.listFocus([row.id])).get(row.id) ?? []);
  const view = sets.map(({ set, cards }) => ({
    id: set.id,
    title: set.title,
    cards: cards.map((card) => {
      const item = toItemCard(card);
      return {
        id: card.id,
        position: card.position,
        front: itemFaces(item, studyVariants(item)[0] ?? 0).front,
        chosen: chosen.has(card.id),
      };
    }),
  }));
  return {
    exam: await viewExam(ctx.repos, actor, row, startOfUtcDay(ctx.clock.now().getTime())),
    sets: view,
    chosen: view.reduce((sum, set) => sum + set.cards.filter((card) => card.chosen).length, 0),
    truncated,
  };
}

/** Replaces the cards chosen to start first for the exam; `cardIds` as the form sent them. */
export async function saveExamFocus(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  cardIds: readonly string[],
): Promise<number> {
  if (cardIds.length > MAX_FOCUS_CARDS) {
    throw new AppError('validation', `At most ${MAX_FOCUS_CARDS} cards can be chosen.`, [
      { field: 'cards', message: `At most ${MAX_FOCUS_CARDS} cards.` },
    ]);
  }
  const { row, sets } = await startableCards(ctx, actor, id);
  const allowed = new Set(sets.flatMap(({ cards }) => cards.map((card) => card.id)));
  const chosen = [...new Set(cardIds)].map((value) => (/^\d{1,15}$/.test(value) ? Number(value) : 0));
  if (chosen.some((cardId) => !allowed.has(cardId))) {
    throw new AppError('validation', 'Some of the cards chosen are not cards of this exam to start.', [
      { field: 'cards', message: 'Choose among the cards listed.' },
    ]);
  }
  await ctx.transact((repos) => repos.examDates.replaceFocus(row.id, chosen));
  return chosen.length;
}
