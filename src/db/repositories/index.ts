import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';
import { AppStateRepository } from './app-state.repository.js';
import { CardSetRepository } from './card-set.repository.js';
import { CardSetRevisionRepository } from './card-set-revision.repository.js';
import {
  SetPageVersionRepository,
  type PageChanged,
  type PageVersionMemo,
} from './set-page-version.repository.js';
import { SubjectRepository } from './subject.repository.js';
import { TopicRepository } from './topic.repository.js';
import { UserRepository } from './user.repository.js';
import { SessionRepository } from './session.repository.js';
import { RateLimitRepository } from './rate-limit.repository.js';
import { LoginFailureRepository } from './login-failure.repository.js';
import { CommentRepository } from './comment.repository.js';
import { RatingRepository } from './rating.repository.js';
import { FolderRepository } from './folder.repository.js';
import { ReportRepository } from './report.repository.js';
import { StudyRepository } from './study.repository.js';
import { StudyStatsRepository } from './study-stats.repository.js';
import { ExamDateRepository } from './exam-date.repository.js';
import { createSearchIndex, type SearchIndex } from '../search/search-index.js';
import { HealthRepository } from './health.repository.js';
import { TagRepository } from './tag.repository.js';
import { SetViewRepository } from './set-view.repository.js';

export interface Repositories {
  appState: AppStateRepository;
  cardSets: CardSetRepository;
  revisions: CardSetRevisionRepository;
  pageVersions: SetPageVersionRepository;
  subjects: SubjectRepository;
  topics: TopicRepository;
  users: UserRepository;
  sessions: SessionRepository;
  rateLimits: RateLimitRepository;
  loginFailures: LoginFailureRepository;
  comments: CommentRepository;
  ratings: RatingRepository;
  folders: FolderRepository;
  reports: ReportRepository;
  study: StudyRepository;
  studyStats: StudyStatsRepository;
  examDates: ExamDateRepository;
  search: SearchIndex;
  health: HealthRepository;
  tags: TagRepository;
  setViews: SetViewRepository;
}

/**
 * `sqlite`: SQLite's own handle, when there is one and the repositories are not bound to a transaction.
 * `memo` (not in a transaction): the page versions this server read lately (set-page-version.repository.ts),
 * which the repositories' writes forget. `changed` (in a transaction) is told instead of each set whose
 * page a write changed, so that the transaction forgets it again once committed.
 */
export function createRepositories(
  db: Kysely<Database>,
  options: { sqlite?: SQLite.Database; memo?: PageVersionMemo; changed?: PageChanged } = {},
): Repositories {
  const { sqlite, memo } = options;
  const changed: PageChanged = options.changed ?? ((setId) => memo?.forget(setId));
  return {
    appState: new AppStateRepository(db),
    cardSets: new CardSetRepository(db, changed),
    revisions: new CardSetRevisionRepository(db),
    pageVersions: new SetPageVersionRepository(db, sqlite, memo),
    subjects: new SubjectRepository(db),
    topics: new TopicRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    rateLimits: new RateLimitRepository(db),
    loginFailures: new LoginFailureRepository(db),
    comments: new CommentRepository(db, changed),
    ratings: new RatingRepository(db),
    folders: new FolderRepository(db),
    reports: new ReportRepository(db),
    study: new StudyRepository(db),
    studyStats: new StudyStatsRepository(db),
    examDates: new ExamDateRepository(db),
    search: createSearchIndex(db),
    health: new HealthRepository(db),
    tags: new TagRepository(db),
    setViews: new SetViewRepository(db),
  };
}

/** Runs `work` in one transaction with repositories bound to it: all of it lands, or none. */
export type Transact = <T>(work: (repos: Repositories) => Promise<T>) => Promise<T>;

/** With `memo`, the sets whose pages the transaction changed are forgotten as it writes and once it commits. */
export function createTransact(db: Kysely<Database>, memo?: PageVersionMemo): Transact {
  return async (work) => {
    const changed = new Set<number>();
    const result = await db.transaction().execute((trx) =>
      work(
        createRepositories(trx, {
          changed: (setId) => {
            memo?.forget(setId);
            changed.add(setId);
          },
        }),
      ),
    );
    for (const setId of changed) memo?.forget(setId);
    return result;
  };
}
