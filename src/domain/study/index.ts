/**
 * Study: the pure, deterministic core of study mode, self-tests, timelines and exam plans. Time and
 * randomness come in as arguments (a Date, a seed); nothing here does I/O.
 */
export { cardFacts, cardPlainText, setFacts, type Fact, type FactKind, type StudyCard } from './card-text.js';
export { cardPrompt } from './prompt.js';
export { findDates, formatDate, type DateMention } from './dates.js';
export {
  compareEvents,
  extractTimeline,
  orderingExercise,
  orderingItems,
  pickOrdering,
  undatedText,
  type OrderingExercise,
  type OrderingItem,
  type TimelineEvent,
} from './timeline.js';
export type { AnswerKind } from './answer-spans.js';
export {
  BLANK,
  QUESTION_KINDS,
  questionId,
  type ClozeQuestion,
  type MultipleChoiceQuestion,
  type OrderingQuestion,
  type Question,
  type QuestionKind,
  type StudySet,
  type WhichCardQuestion,
} from './question-types.js';
export { questionChecker, questionProblems } from './question-checks.js';
export { buildStudyContext, type QuestionOptions, type StudyContext } from './questions.js';
export { generateQuestions, generateTest } from './generate-test.js';
export {
  MAX_ANSWER_LENGTH,
  answerWords,
  gradeAnswer,
  type Grading,
  type GradingOptions,
  type Verdict,
} from './grading.js';
export {
  PHASES,
  RATING,
  RATING_NAMES,
  createScheduler,
  defaultScheduler,
  forgettingCurve,
  fromFsrsCard,
  isReviewRating,
  newStudyState,
  answerCounts,
  practiceEntry,
  isDue,
  recallOnDay,
  retrievabilityOn,
  review,
  toFsrsCard,
  intervalsAt,
  type IntervalsByRating,
  type ReviewLogEntry,
  type ReviewRating,
  type Scheduler,
  type SchedulerOptions,
  type StudyPhase,
  type StudyState,
} from './scheduling.js';
export {
  DEFAULT_TARGET_RECALL,
  planChain,
  planStudy,
  todaysItems,
  type FinalWindow,
  type ItemStatus,
  type PlanExam,
  type PlanItem,
  type PlannedExam,
  type PlannedItem,
  type PlannedReview,
  type PlannedReviewReason,
  type StudyPlan,
  type StudyPlanOptions,
} from './exam-plan.js';
export { summariseExam, type ExamDay, type ExamSetSummary, type ExamSummary } from './exam-summary.js';
export { forecastPlan, type ExamForecast, type ForecastOptions } from './exam-forecast.js';
export { examChoices, type ExamChoices } from './exam-choices.js';
export { DayModel, dayMemoryOf, type DayMemory } from './day-memory.js';
export { createRandom, type Random } from './random.js';
export {
  clozeAnswers,
  clozeMatches,
  clozeNumbers,
  clozePlainText,
  clozeProblems,
  fillClozeGaps,
  parseCloze,
  readableBody,
  readableCard,
  MAX_CLOZE_NUMBER,
  MAX_CLOZE_NUMBERS_PER_CARD,
  type ClozeMatch,
  type ClozeSegment,
} from './cloze.js';
export {
  isVariantOf,
  itemFaces,
  itemKey,
  parseItemKey,
  studyVariants,
  type ItemCard,
  type ItemFaces,
} from './study-items.js';
export { combineTestRatings, testAnswerRating } from './test-ratings.js';
export {
  replayHistory,
  summariseProgress,
  type PastAnswer,
  type ProgressSummary,
  type ReplayedItem,
} from './replay-history.js';
export { intervalLabel, intervalWords } from './interval-label.js';
