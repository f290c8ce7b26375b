/** Shapes study results (answers, self-tests, timelines) for the JSON API. */
import type { CardSetSummary } from '../../domain/card-set.js';
import type { IntervalsByRating, Question, StudyState } from '../../domain/study/index.js';
import type { RecordedReview } from '../../services/study/record-review.js';
import type { SelfTest } from '../../services/study/self-test.js';
import type { SetTimeline } from '../../services/study/set-timeline.js';

const setRef = (set: CardSetSummary) => ({
  id: set.id,
  title: set.title,
  links: { html: `/sets/${set.id}/${set.slug}` },
});

const cardRef = (set: CardSetSummary, position: number, title: string | null) => ({
  position,
  title,
  link: `/sets/${set.id}/${set.slug}#card-${position}`,
});

export const presentStudyState = (state: StudyState) => ({
  phase: state.phase,
  due: state.due.toISOString(),
  stability: state.stability,
  difficulty: state.difficulty,
  reps: state.reps,
  lapses: state.lapses,
  scheduledDays: state.scheduledDays,
  lastReview: state.lastReview === null ? null : state.lastReview.toISOString(),
});

export const presentRecordedReview = (review: RecordedReview) => ({
  cardId: review.cardId,
  variant: review.variant,
  setId: review.setId,
  rating: review.rating,
  reviewedAt: review.reviewedAt.toISOString(),
  due: review.state.due.toISOString(),
  counted: review.counted,
  state: presentStudyState(review.state),
  nextIntervals: presentIntervals(review.nextIntervals),
});

/** Milliseconds until due again, by rating name. */
const presentIntervals = (intervals: IntervalsByRating) => ({
  again: intervals[1],
  hard: intervals[2],
  good: intervals[3],
  easy: intervals[4],
});

function presentQuestion(test: SelfTest, question: Question) {
  return {
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    choices: 'choices' in question ? question.choices : null,
    answer: question.answer,
    answerKind: 'answerKind' in question ? question.answerKind : null,
    dates: question.kind === 'ordering' ? question.dates : null,
    explanation: question.explanation,
    sources: question.sources.map((position) =>
      cardRef(test.set, position, test.cards.get(position)?.title ?? null),
    ),
  };
}

export const presentSelfTest = (test: SelfTest) => ({
  set: setRef(test.set),
  seed: test.seed,
  count: test.count,
  questions: test.questions.map((question) => presentQuestion(test, question)),
});

export const presentTimeline = (timeline: SetTimeline) => ({
  set: setRef(timeline.set),
  events: timeline.events.map((event) => ({
    id: event.id,
    year: event.year,
    month: event.month,
    day: event.day,
    endYear: event.endYear,
    dateLabel: event.dateLabel,
    text: event.text,
    card: cardRef(timeline.set, event.cardPosition, timeline.cardTitles.get(event.cardPosition) ?? null),
  })),
});
