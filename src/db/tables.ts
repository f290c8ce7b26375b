/**
 * The database schema as Kysely sees it. Timestamps are epoch milliseconds (bigint on PostgreSQL,
 * integer on SQLite) and flags are 0/1 integers, so that both engines return the same values.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  handle: string;
  display_name: string;
  /** Unused since migration 20261203T0200 (always null): emails are in user_emails. */
  email: ColumnType<string | null, null | undefined, null>;
  password_hash: string | null;
  role: string;
  created_at: number;
}

export interface SubjectsTable {
  id: Generated<number>;
  name: string;
  slug: string;
  created_at: number;
}

export interface TopicsTable {
  id: Generated<number>;
  subject_id: number;
  name: string;
  slug: string;
  created_at: number;
}

export interface CardSetsTable {
  id: Generated<number>;
  title: string;
  subtitle: string | null;
  subject_id: number;
  topic_id: number | null;
  level: string | null;
  exam_board: string | null;
  author_id: number;
  visibility: string;
  status: ColumnType<string, string | undefined, string>;
  is_demo: ColumnType<number, number | undefined, number>;
  card_count: number;
  view_count: ColumnType<number, number | undefined, number>;
  revision: ColumnType<number, number | undefined, number>;
  /** Bumped by every change that alters the set's page (edits, comments, ratings, moderation). */
  cache_version: ColumnType<number, number | undefined, number>;
  rating_count: ColumnType<number, number | undefined, number>;
  /** The average rating × 100; 0 when unrated. */
  rating_score: ColumnType<number, number | undefined, number>;
  created_at: number;
  updated_at: number;
  /** A BCP 47 tag, or null. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CardsTable {
  id: Generated<number>;
  card_set_id: number;
  position: number;
  title: string | null;
  body: string;
  /** basic | cloze (migration 20261203T0000). */
  kind: ColumnType<string, string | undefined, string>;
  /** 0/1: also studied body → title. */
  reversible: ColumnType<number, number | undefined, number>;
  /** How many study items the card gives (variants: see src/domain/study/study-items.ts). */
  item_count: ColumnType<number, number | undefined, number>;
  /** What search indexes instead of the body when they differ (a cloze card's plain text); migration 20261203T0800. */
  search_body: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A set's own tags, in order (migration 20261203T0800). */
export interface CardSetTagsTable {
  card_set_id: number;
  position: number;
  /** As written. */
  name: string;
  /** As compared: tagKey(name). */
  tag_key: string;
}

/** A card's tags, in order, with the card's set for filtering a set's cards by tag. */
export interface CardTagsTable {
  card_id: number;
  card_set_id: number;
  position: number;
  name: string;
  tag_key: string;
}

export interface CommentsTable {
  id: Generated<number>;
  card_set_id: number;
  author_id: number;
  parent_id: number | null;
  body: string;
  status: ColumnType<string, string | undefined, string>;
  created_at: number;
  updated_at: number;
  /** When the author last changed the text; null if never (migration 20261127T0200). */
  edited_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface RatingsTable {
  card_set_id: number;
  user_id: number;
  stars: number;
  created_at: number;
  updated_at: number;
}

export interface AppStateTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  expires_at: number;
}

/** A GCRA bucket per key (migration 20261203T0200): allowed while tat - now ≤ tolerance_ms. */
export interface RateLimitsTable {
  key: string;
  tat: number;
  interval_ms: number;
  tolerance_ms: number;
  allowed: number;
}

/** An account's email (migration 20261203T0200): not unique; verified_at is for account recovery. */
export interface UserEmailsTable {
  user_id: number;
  email: string;
  added_at: number;
  verified_at: number | null;
}

/** Failed log-ins per key, for growing delays (migration 20261203T0200). */
export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failed_at: number;
  blocked_until: number;
}

/** Days since the epoch (UTC) → the salt of that day's visitor hashes (migration 20261203T0200). */
export interface ViewSaltsTable {
  day: number;
  salt: string;
}

/** Which visitor (a salted hash) has been counted for which set on which day. */
export interface SetViewsTable {
  day: number;
  card_set_id: number;
  visitor: string;
}

export interface FoldersTable {
  id: Generated<number>;
  owner_id: number;
  name: string;
  created_at: number;
}

export interface FolderSetsTable {
  folder_id: number;
  card_set_id: number;
  added_at: number;
}

export interface ReportsTable {
  id: Generated<number>;
  target_type: string;
  target_id: number;
  reporter_id: number;
  reason: string;
  status: ColumnType<string, string | undefined, string>;
  created_at: number;
  resolved_by: number | null;
  resolved_at: number | null;
}

export interface CardSetRevisionsTable {
  id: Generated<number>;
  card_set_id: number;
  revision: number;
  editor_id: number;
  summary: string;
  snapshot: string;
  created_at: number;
}

/** One learner's memory of one study item: a card and its variant (migrations 20261127T0400, 20261203T0000). */
export interface StudyStatesTable {
  id: Generated<number>;
  user_id: number;
  card_id: number;
  /** 0: the card (or its forward side); 1: a reversible card's reverse; n: a cloze card's deletion n. */
  variant: ColumnType<number, number | undefined, number>;
  card_set_id: number;
  /** new | learning | review | relearning */
  phase: string;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
  learning_steps: number;
  last_review: number | null;
  updated_at: number;
}

/** One answer: append-only. */
export interface ReviewLogsTable {
  id: Generated<number>;
  user_id: number;
  card_id: number;
  variant: ColumnType<number, number | undefined, number>;
  card_set_id: number;
  reviewed_at: number;
  rating: number;
  phase_before: string;
  stability_before: number;
  difficulty_before: number;
  elapsed_days: number;
  scheduled_days: number;
  /** The due date the answer gave the card. */
  due: number;
  duration_ms: number | null;
  /** study | test | merge | import */
  source: string;
  /** The browser's id for a review made before logging in, so that merging twice adds it once. */
  client_id: string | null;
  /** 1: an answer before the item was due again, logged without changing its state (see scheduling.ts). */
  practice: ColumnType<number, number | undefined, number>;
  /** 1: a study answer that undo may take back (`state_before` then holds what it restores). */
  undoable: ColumnType<number, number | undefined, number>;
  /** JSON of the item's state columns before the answer; null when it had none (see review-undo.ts). */
  state_before: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ExamDatesTable {
  id: Generated<number>;
  user_id: number;
  card_set_id: number | null;
  subject_id: number | null;
  /** Midnight UTC of the exam day. */
  exam_date: number;
  target_recall: ColumnType<number, number | undefined, number>;
  daily_cap: number;
  created_at: number;
}

/** Cards a learner chose to start first for an exam. */
export interface ExamFocusCardsTable {
  exam_id: number;
  card_id: number;
}

export interface StudySettingsTable {
  user_id: number;
  new_cards_per_day: number;
  updated_at: number;
}

export interface Database {
  users: UsersTable;
  subjects: SubjectsTable;
  topics: TopicsTable;
  card_sets: CardSetsTable;
  cards: CardsTable;
  comments: CommentsTable;
  ratings: RatingsTable;
  app_state: AppStateTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  login_failures: LoginFailuresTable;
  user_emails: UserEmailsTable;
  view_salts: ViewSaltsTable;
  set_views: SetViewsTable;
  folders: FoldersTable;
  folder_sets: FolderSetsTable;
  reports: ReportsTable;
  card_set_revisions: CardSetRevisionsTable;
  study_states: StudyStatesTable;
  review_logs: ReviewLogsTable;
  exam_dates: ExamDatesTable;
  exam_focus_cards: ExamFocusCardsTable;
  study_settings: StudySettingsTable;
  card_set_tags: CardSetTagsTable;
  card_tags: CardTagsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type CardSetRow = Selectable<CardSetsTable>;
export type NewCardSet = Insertable<CardSetsTable>;
export type CardRow = Selectable<CardsTable>;
