/**
 * A study streak: the days in a row, up to today, on which the learner answered at least one card. A day
 * not over yet does not break it: before the first answer of the day the streak still counts up to
 * yesterday (and today's first answer adds one).
 */

/** Days are whole day numbers (days since the epoch); `studiedDays` holds those with at least one answer. */
export function studyStreak(studiedDays: ReadonlySet<number>, today: number): number {
  let day = studiedDays.has(today) ? today : today - 1;
  let streak = 0;
  while (studiedDays.has(day)) {
    streak++;
    day--;
  }
  return streak;
}
