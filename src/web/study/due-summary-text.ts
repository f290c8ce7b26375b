/**
 * The words of the study pages' due summary, from its counts: rendered by the server, and again by
 * study.js after each answer so that the counts on the page stay true during a session.
 */
import { plural } from '../views/format.js';

export interface DueCounts {
  dueNow: number;
  newToday: number;
  laterToday: number;
  newSeenToday: number;
  newCardsPerDay: number;
}

export const dueTodayText = (counts: DueCounts): string =>
  `Due today: ${counts.dueNow + counts.laterToday + counts.newToday}`;

export const dueDetailText = (counts: DueCounts): string =>
  [
    `${plural(counts.dueNow, 'card')} to review now`,
    plural(counts.newToday, 'new card'),
    ...(counts.laterToday > 0 ? [`${counts.laterToday} more later today`] : []),
    `${counts.newSeenToday} of your ${counts.newCardsPerDay} new cards a day seen today`,
  ].join(' · ');
