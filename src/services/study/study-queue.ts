/**
 * What to study now: the daily queue across a learner's sets (/review) and one set's session
 * (/sets/:id/study).
 *
 * For the items of a set with an exam ahead, the queue is the study plan's day 0 (study-plan.ts): the
 * reviews it plans for today (FSRS's due reviews, the exam reviews it brings forward, learning steps once
 * their minutes have passed) and the new items it introduces today, within the new-card limit. Other
 * items follow FSRS: due from the start of their due day (UTC) in the review phase, from their due time in
 * the (re)learning steps (isDue in scheduling.ts). New items of other sets take what is left of the
 * learner's daily new-card limit (counted from the log: items started since midnight UTC).
 *
 * Order: reviews the plan brings forward for an exam, then the other items due, by due date; then new
 * items, the plan's first, then by set and position. A visitor who is not logged in gets every card of
 * the set in order (their browser keeps their answers).
 */
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import type { StudyStateRow } from '../../db/repositories/study.repository.js';
import type { CardRow } from '../../db/tables.js';
import type { CardSetSummary } from '../../domain/card-set.js';
import { cardSetSlug } from '../../domain/slug.js';
import {
  intervalsAt,
  isDue,
  itemFaces,
  itemKey,
  newStudyState,
  studyVariants,
  todaysItems,
  type IntervalsByRating,
} from '../../domain/study/index.js';
import type { Actor, Viewer } from '../../domain/viewer.js';
import type { Repositories } from '../../db/repositories/index.js';
import { toCardSetSummary } from '../card-set-mapping.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { getNewCardsPerDay } from './study-settings.js';
import {
  DAY_MS,
  findLearnerSets,
  isStudied,
  startOfUtcDay,
  toItemCard,
  toStudyState,
} from './study-mapping.js';
import { buildLearnerPlan } from './study-plan.js';

/** At most this many cards are handed to one page: the page reloads for more. */
export const MAX_QUEUE_ITEMS = 100;

/**
 * due: FSRS says so (or a learning step); exam: an exam plan brings it forward; new: never studied; ahead:
 * studied before it is due (the learner asked to).
 */
export type StudyItemKind = 'due' | 'exam' | 'new' | 'ahead';

export interface StudyItem {
  cardId: number;
  /** Which of the card's items (0 unless reversed or cloze; see study-items.ts). */
  variant: number;
  /** itemKey(cardId, variant): how forms and pages name the item. */
  key: string;
  set: { id: number; title: string; slug: string; cardCount: number };
  position: number;
  /** A short plain-text heading for the front: the card's title, or a question made from it. */
  front: string;
  /** Markdown shown on the front too (a cloze card's text with its gap, a reversed card's body). */
  frontBody: string | null;
  /** Markdown: the answer side. */
  body: string;
  /** A cloze item's deletion number: frontBody and body are then rendered with it hidden, then marked. */
  clozeNumber: number | null;
  /** "Card 3", "Card 3, reversed", "Card 3, deletion 2". */
  label: string;
  kind: StudyItemKind;
  /** When the card is due (FSRS, or the exam plan when earlier); null for a new card. */
  due: Date | null;
  /**
   * For a learner: how long until it is due again after each rating now (the rating buttons show it);
   * null for a visitor, whose answers are not scheduled.
   */
  intervals: IntervalsByRating | null;
}

export interface StudyQueue {
  items: StudyItem[];
  /** Studied items due now. */
  dueNow: number;
  /** Studied items due later today (UTC): learning steps whose minutes have not passed. */
  laterToday: number;
  /** New cards offered today: within the daily limit, and only as many as there are. */
  newToday: number;
  /** "Due today": dueNow + laterToday + newToday. */
  dueToday: number;
  newCardsPerDay: number;
  /** Cards answered for the first time today. */
  newSeenToday: number;
  /** True when an exam is ahead: the queue is the exam plan's day. */
  followsPlan: boolean;
  /** The next time a studied item falls due, if none is due now. */
  nextDue: Date | null;
  /** What today holds per set, the sets with the most due first (sets with nothing today are left out). */
  bySet: SetDueToday[];
}

export interface SetDueToday {
  set: { id: number; title: string; slug: string };
  dueNow: number;
  laterToday: number;
  newToday: number;
}

/** The queue's counts per set: `dueNow`, `later` and `fresh` are the candidates so counted. */
function countBySet(dueNow: Candidate[], later: Candidate[], fresh: Candidate[]): SetDueToday[] {
  const counts = new Map<number, SetDueToday>();
  const add = (list: Candidate[], field: 'dueNow' | 'laterToday' | 'newToday') => {
    for (const { entry } of list) {
      const { set } = entry;
      const row = counts.get(set.id) ?? {
        set: { id: set.id, title: set.title, slug: cardSetSlug(set.title) },
        dueNow: 0,
        laterToday: 0,
        newToday: 0,
      };
      row[field]++;
      counts.set(set.id, row);
    }
  };
  add(dueNow, 'dueNow');
  add(later, 'laterToday');
  add(fresh, 'newToday');
  const total = (row: SetDueToday) => row.dueNow + row.laterToday + row.newToday;
  return [...counts.values()].sort(
    (a, b) => b.dueNow - a.dueNow || total(b) - total(a) || a.set.title.localeCompare(b.set.title),
  );
}

interface SetCards {
  set: CardSetSummaryRow;
  cards: CardRow[];
}

function itemOf(
  { set }: SetCards,
  card: CardRow,
  variant: number,
  kind: StudyItemKind,
  due: Date | null,
  intervals: IntervalsByRating | null = null,
): StudyItem {
  const faces = itemFaces(toItemCard(card), variant);
  return {
    cardId: card.id,
    variant,
    key: itemKey(card.id, variant),
    // The set's own count: a tag may leave only some of its cards here.
    set: { id: set.id, title: set.title, slug: cardSetSlug(set.title), cardCount: set.cardCount },
    position: card.position,
    front: faces.front,
    frontBody: faces.frontBody,
    body: faces.back,
    clozeNumber: faces.clozeNumber,
    label: faces.label,
    kind,
    due,
    intervals,
  };
}

/** The cards of these sets, by set; with a tag, only the cards it applies to (see findTaggedCardIds). */
async function findCardsOfSets(
  repos: Repositories,
  ids: readonly number[],
  tag: string | undefined,
): Promise<Map<number, CardRow[]>> {
  const cardsBySet = await repos.cardSets.findCardsOfSets(ids);
  if (tag === undefined) return cardsBySet;
  const tagged = await repos.tags.findTaggedCardIds(ids, tag);
  const kept = new Map<number, CardRow[]>();
  for (const [setId, cards] of cardsBySet) {
    const applies = tagged.get(setId);
    if (applies === undefined) continue;
    kept.set(setId, applies === 'all' ? cards : cards.filter((card) => applies.has(card.id)));
  }
  return kept;
}

/** Every item of a set's cards, in order: each card's variants in turn. */
function itemsOf(entry: SetCards): { card: CardRow; variant: number }[] {
  return entry.cards.flatMap((card) => studyVariants(toItemCard(card)).map((variant) => ({ card, variant })));
}

interface Candidate {
  entry: SetCards;
  card: CardRow;
  variant: number;
  state: StudyStateRow | undefined;
  /** When it is due: FSRS's due time, or today's start when the plan wants it today. */
  due: number | null;
  /** Brought forward by an exam plan (or, for a new item, introduced today by it). */
  brought: boolean;
}

async function buildQueue(
  repos: Repositories,
  actor: Actor,
  scope: readonly CardSetSummaryRow[],
  learnerSets: readonly CardSetSummaryRow[],
  now: Date,
  options: { ahead?: boolean; tag?: string | undefined } = {},
): Promise<StudyQueue> {
  const time = now.getTime();
  const today = startOfUtcDay(time);
  const tomorrow = today + DAY_MS;
  const ids = scope.map((set) => set.id);
  const [cardsBySet, states, newCardsPerDay, newSeenToday, learner] = await Promise.all([
    findCardsOfSets(repos, ids, options.tag),
    repos.study.findStatesOfSets(actor.userId, ids),
    getNewCardsPerDay(repos, actor),
    repos.study.countFirstReviewsSince(actor.userId, today),
    buildLearnerPlan(repos, actor, now, learnerSets),
  ]);
  const planned = new Set(learner?.plan.items.map((item) => item.key) ?? []);
  const todays = learner === null ? new Map<string, string>() : todaysItems(learner.plan);
  const stateOf = new Map(states.map((row) => [itemKey(row.cardId, row.variant), row]));

  const studied: Candidate[] = [];
  const fresh: Candidate[] = [];
  for (const set of scope) {
    const entry = { set, cards: cardsBySet.get(set.id) ?? [] };
    for (const { card, variant } of itemsOf(entry)) {
      const key = itemKey(card.id, variant);
      const state = stateOf.get(key);
      const reason = todays.get(key);
      if (!isStudied(state)) {
        // A new item of an exam's sets is started when the plan says, the others as the limit allows.
        if (!planned.has(key) || reason === 'new') {
          fresh.push({ entry, card, variant, state, due: null, brought: reason === 'new' });
        }
        continue;
      }
      const fsrsDue = isDue(toStudyState(state), now) ? Math.min(state.due, time) : state.due;
      if (!planned.has(key) || state.phase === 'learning' || state.phase === 'relearning') {
        // Learning steps keep their minutes, whatever the plan.
        studied.push({ entry, card, variant, state, due: fsrsDue, brought: false });
      } else if (reason !== undefined) {
        // The plan's day: today, from the start of it (FSRS's due date may be later).
        const brought = state.due >= tomorrow;
        studied.push({ entry, card, variant, state, due: brought ? today : fsrsDue, brought });
      } else {
        studied.push({ entry, card, variant, state, due: Math.max(state.due, tomorrow), brought: false });
      }
    }
  }

  const dueNow = studied
    .filter((c) => c.due! <= time)
    .sort(
      (a, b) =>
        Number(b.brought) - Number(a.brought) ||
        a.due! - b.due! ||
        a.card.id - b.card.id ||
        a.variant - b.variant,
    );
  const later = studied.filter((c) => c.due! > time && c.due! < tomorrow);
  const laterToday = later.length;
  const room = Math.max(0, newCardsPerDay - newSeenToday);
  // The items the plan introduces today first, in its order (the cards chosen for an exam first), then
  // the others by set and position (a stable sort).
  const planOrder = new Map([...todays.keys()].map((key, index) => [key, index]));
  const rank = (c: Candidate) => planOrder.get(itemKey(c.card.id, c.variant)) ?? planOrder.size;
  const newToday = [...fresh].sort((a, b) => rank(a) - rank(b)).slice(0, room);
  const nextDue = studied
    .filter((c) => c.due! > time)
    .reduce<number | null>((soonest, c) => (soonest === null || c.due! < soonest ? c.due! : soonest), null);

  const intervalsOf = (c: Candidate) =>
    intervalsAt(c.state === undefined ? newStudyState(now) : toStudyState(c.state), now);
  let items: StudyItem[] = [
    ...dueNow
      .slice(0, MAX_QUEUE_ITEMS)
      .map((c) =>
        itemOf(c.entry, c.card, c.variant, c.brought ? 'exam' : 'due', new Date(c.due!), intervalsOf(c)),
      ),
    ...newToday
      .slice(0, MAX_QUEUE_ITEMS)
      .map((c) => itemOf(c.entry, c.card, c.variant, 'new', null, intervalsOf(c))),
  ].slice(0, MAX_QUEUE_ITEMS);
  if (items.length === 0 && options.ahead === true) {
    const ahead = [...studied, ...fresh].sort(
      (a, b) => (a.due ?? 0) - (b.due ?? 0) || a.card.position - b.card.position || a.variant - b.variant,
    );
    items = ahead
      .slice(0, MAX_QUEUE_ITEMS)
      .map((c) =>
        itemOf(
          c.entry,
          c.card,
          c.variant,
          c.due === null ? 'new' : 'ahead',
          c.due === null ? null : new Date(c.due),
          intervalsOf(c),
        ),
      );
  }
  return {
    items,
    dueNow: dueNow.length,
    laterToday,
    newToday: newToday.length,
    dueToday: dueNow.length + laterToday + newToday.length,
    newCardsPerDay,
    newSeenToday,
    followsPlan: learner !== null,
    nextDue: nextDue === null ? null : new Date(nextDue),
    bySet: countBySet(dueNow, later, newToday),
  };
}

/** The daily queue: due and new cards across every set the learner studies, has saved or has an exam on. */
export async function getDailyQueue(
  ctx: ServiceContext,
  actor: Actor,
  options: { tag?: string | undefined } = {},
): Promise<StudyQueue & { sets: number }> {
  return dailyQueueOf(ctx, actor, await findLearnerSets(ctx.repos, actor), options);
}

/** The daily queue over the learner's sets, already read (Today reads them once for all it shows). */
export async function dailyQueueOf(
  ctx: ServiceContext,
  actor: Actor,
  sets: readonly CardSetSummaryRow[],
  options: { tag?: string | undefined } = {},
): Promise<StudyQueue & { sets: number }> {
  const queue = await buildQueue(ctx.repos, actor, sets, sets, ctx.clock.now(), options);
  return { ...queue, sets: sets.length };
}

export interface SetStudySession {
  set: CardSetSummary;
  /** Null for a visitor who is not logged in: every card in order, answers kept by the browser. */
  queue: StudyQueue | null;
  items: StudyItem[];
}

/**
 * Studying one set: its due and new cards for a learner (every card with `ahead`), all cards for a visitor;
 * with a tag, only the cards it applies to.
 */
export async function getSetStudySession(
  ctx: ServiceContext,
  viewer: Viewer,
  setId: number,
  options: { ahead?: boolean; tag?: string | undefined } = {},
): Promise<SetStudySession> {
  const { row } = await findViewableSet(ctx.repos, viewer, setId);
  const set = toCardSetSummary(row);
  if (viewer === null) {
    const cards = (await findCardsOfSets(ctx.repos, [setId], options.tag)).get(setId) ?? [];
    const entry = { set: row, cards };
    return {
      set,
      queue: null,
      items: itemsOf(entry).map(({ card, variant }) => itemOf(entry, card, variant, 'new', null)),
    };
  }
  const learnerSets = await findLearnerSets(ctx.repos, viewer);
  const queue = await buildQueue(ctx.repos, viewer, [row], learnerSets, ctx.clock.now(), options);
  return { set, queue, items: queue.items };
}
