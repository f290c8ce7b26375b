/** Study rows ↔ the domain's StudyState, the UTC days study counts in, and the sets a learner studies. */
import type { StudyStateRow, StudyStateValues } from '../../db/repositories/study.repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import { canView } from '../../domain/card-set-access.js';
import { PHASES, type ItemCard, type StudyPhase, type StudyState } from '../../domain/study/index.js';
import type { Actor } from '../../domain/viewer.js';
import { toAccessFacts } from '../card-set-mapping.js';

export const DAY_MS = 86_400_000;

/** Midnight UTC of the day `time` falls in. */
export const startOfUtcDay = (time: number): number => Math.floor(time / DAY_MS) * DAY_MS;

/** A card row as study items see it (rows from the cards table or the study repository). */
export function toItemCard(row: {
  position: number;
  title: string | null;
  body: string;
  kind: string;
  reversible: number;
}): ItemCard {
  return {
    position: row.position,
    title: row.title,
    body: row.body,
    kind: row.kind === 'cloze' ? 'cloze' : 'basic',
    reversible: row.reversible === 1,
  };
}

const isPhase = (value: string): value is StudyPhase => (PHASES as readonly string[]).includes(value);

export function toStudyState(row: StudyStateValues): StudyState {
  return {
    phase: isPhase(row.phase) ? row.phase : 'new',
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    reps: row.reps,
    lapses: row.lapses,
    learningSteps: row.learningSteps,
    lastReview: row.lastReview === null ? null : new Date(row.lastReview),
  };
}

export function toStateValues(state: StudyState): StudyStateValues {
  return {
    phase: state.phase,
    due: state.due.getTime(),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsedDays: state.elapsedDays,
    scheduledDays: state.scheduledDays,
    reps: state.reps,
    lapses: state.lapses,
    learningSteps: state.learningSteps,
    lastReview: state.lastReview === null ? null : state.lastReview.getTime(),
  };
}

/** A state row that has been answered at least once. */
export const isStudied = (row: StudyStateRow | undefined): row is StudyStateRow =>
  row !== undefined && row.phase !== 'new';

/** How a card's memory reads to a learner: never studied, being learned, or known. */
export type CardProgress = 'new' | 'learning' | 'known';

export function progressOf(phase: string | undefined): CardProgress {
  if (phase === 'review') return 'known';
  if (phase === 'learning' || phase === 'relearning') return 'learning';
  return 'new';
}

/**
 * The learner's study sets: those they have answered cards of, saved in a folder, or set an exam on,
 * that they may still see, in a stable order (by id).
 */
export async function findLearnerSets(repos: Repositories, actor: Actor): Promise<CardSetSummaryRow[]> {
  const [studied, saved, exams] = await Promise.all([
    repos.study.listStudiedSetIds(actor.userId),
    repos.folders.listEntries(actor.userId),
    repos.examDates.listForUser(actor.userId),
  ]);
  const ids = new Set<number>([
    ...studied,
    ...saved.map((entry) => entry.cardSetId),
    ...exams.flatMap((exam) => (exam.cardSetId === null ? [] : [exam.cardSetId])),
  ]);
  const rows = await repos.cardSets.findSummaries([...ids]);
  return rows.filter((row) => canView(actor, toAccessFacts(row))).sort((a, b) => a.id - b.id);
}
