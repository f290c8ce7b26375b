/**
 * A set's timeline (dated events from its cards) and its "put these in order" exercise. Like a self-test,
 * the exercise is its seed: it is made again from the seed when handed in.
 */
import type { CardSetSummary } from '../../domain/card-set.js';
import { AppError } from '../../domain/errors.js';
import {
  createRandom,
  extractTimeline,
  orderingItems,
  pickOrdering,
  readableCard,
  type OrderingItem,
  type TimelineEvent,
} from '../../domain/study/index.js';
import type { Viewer } from '../../domain/viewer.js';
import { toCard, toCardSetSummary } from '../card-set-mapping.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { revisionKey } from '../derived-work.js';
import { TEST_LIMITS } from './self-test.js';

export const ORDERING_SIZE = 5;

export interface SetTimeline {
  set: CardSetSummary;
  events: TimelineEvent[];
  /** The events an ordering exercise may show, with their clues (worked out once per revision). */
  orderable: OrderingItem[];
  /** Card titles by position, for naming each event's card. */
  cardTitles: Map<number, string | null>;
}

export async function getSetTimeline(
  ctx: ServiceContext,
  viewer: Viewer,
  setId: number,
): Promise<SetTimeline> {
  const { row } = await findViewableSet(ctx.repos, viewer, setId);
  // A cloze card's dates are read from its text, deletions shown as their answers.
  const cards = (await ctx.repos.cardSets.findCards(setId)).map((row) => readableCard(toCard(row)));
  const { events, orderable } = ctx.derived.timelines.get(revisionKey(row), () => {
    const extracted = extractTimeline(cards);
    return { events: extracted, orderable: orderingItems(extracted) };
  });
  return {
    set: toCardSetSummary(row),
    events,
    orderable,
    cardTitles: new Map(cards.map((card) => [card.position, card.title])),
  };
}

export interface TimelineExercise {
  seed: number;
  /** The events in the order shown (never already in date order). */
  shown: OrderingItem[];
  /** The same, earliest first. */
  answer: OrderingItem[];
}

/** The ordering exercise `seed` gives, or null when the set has fewer than two events to order. */
export function timelineExercise(timeline: SetTimeline, seed: number): TimelineExercise | null {
  if (!Number.isSafeInteger(seed) || seed < 1 || seed > TEST_LIMITS.maxSeed) {
    throw new AppError('validation', 'The exercise is not valid.', [
      { field: 'seed', message: `A whole number from 1 to ${TEST_LIMITS.maxSeed}.` },
    ]);
  }
  const exercise = pickOrdering(timeline.orderable, {
    count: ORDERING_SIZE,
    random: createRandom(`timeline:${seed}`),
  });
  return exercise === null ? null : { seed, ...exercise };
}

/** The form field holding the place (1…N) given to an event. */
export const placeField = (eventId: string): string => `place-${eventId}`;

export interface TimelineMarking {
  correct: boolean;
  /** Items in their right places. */
  inPlace: number;
  /** The place the learner gave each shown item (null: none given). */
  places: (number | null)[];
}

/** Marks the places given to the exercise's items. */
export function markTimelineExercise(
  exercise: TimelineExercise,
  responses: Readonly<Record<string, string>>,
): TimelineMarking {
  const n = exercise.shown.length;
  const places = exercise.shown.map((item) => {
    const value = responses[placeField(item.event.id)] ?? '';
    return /^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= n ? Number(value) : null;
  });
  const inPlace = exercise.shown.filter((item, i) => exercise.answer[(places[i] ?? 0) - 1] === item).length;
  return { correct: inPlace === n, inPlace, places };
}
