/**
 * "/" for a logged-in learner: Today. What to study now (one primary action), what comes later today, the
 * streak and the week, the next exam and whether its plan is on track, the sets studied last and the
 * learner's folders. A visitor gets the public home (home-page.tsx).
 */
import type { NextExam, TodayView } from '../../services/study/today.js';
import { DueBySet } from './due-by-set.js';
import { Icon } from '../views/components/icon.js';
import { LocalTime } from '../views/components/local-time.js';
import { SetList } from '../views/components/set-list.js';
import { daysLeftText, percent, scopeLabel } from './exam-pages.js';
import { formatDate, isoDate, plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'narrow', timeZone: 'UTC' });
const weekdayLong = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

function StudyNow({ view }: { view: TodayView }) {
  const { queue } = view;
  const now = queue.dueNow + queue.newToday;
  if (queue.sets === 0) {
    return (
      <section class="panel today-hero" aria-labelledby="now-heading" data-today-now="0">
        <h2 id="now-heading">Start your first set</h2>
        <p>
          Open a card set and press <strong>Study</strong>, or save sets to a folder: their cards come back
          here on the day you are about to forget them.
        </p>
        <a class="button button-large" href="/search">
          Find a set to study
        </a>
      </section>
    );
  }
  return (
    <section class="panel today-hero" aria-labelledby="now-heading" data-today-now={String(now)}>
      <h2 id="now-heading">{now > 0 ? `${plural(now, 'card')} to study now` : 'All caught up'}</h2>
      <p class="today-counts">
        {plural(queue.dueNow, 'review')} · {plural(queue.newToday, 'new card')}
        {queue.laterToday > 0 && <> · {queue.laterToday} more later today</>}
      </p>
      {now > 0 ? (
        <a class="button button-large" href="/review" data-start-review>
          Study now
        </a>
      ) : (
        <p>
          {queue.nextDue === null ? (
            'Nothing is due. Study a set ahead, or start a new one.'
          ) : (
            <>
              The next card is due <LocalTime moment={queue.nextDue} />.
            </>
          )}
        </p>
      )}
    </section>
  );
}

/** A day's bar, of 40: at least a sliver for a day with answers, nothing for a day without. */
const barHeight = (count: number, most: number) =>
  count === 0 ? 0.8 : Math.max(3, Math.round((count / most) * 40));

function Week({ view }: { view: TodayView }) {
  const total = view.week.reduce((sum, day) => sum + day.count, 0);
  const most = Math.max(1, ...view.week.map((day) => day.count));
  return (
    <section class="panel today-week" aria-labelledby="week-heading">
      <h2 id="week-heading">Your week</h2>
      <p class="today-stats">
        <span class="today-stat" data-streak={String(view.streak)}>
          <Icon name="flame" />
          <strong>{view.streak}</strong> {view.streak === 1 ? 'day' : 'days'} in a row
        </span>
        <span class="today-stat" data-week-reviews={String(total)}>
          <strong>{total}</strong> {total === 1 ? 'answer' : 'answers'} in 7 days
        </span>
      </p>
      <ol class="week-bars" aria-label="Answers per day">
        {view.week.map((day) => (
          <li key={isoDate(day.date)}>
            {/* SVG, not a styled height: the content security policy allows no inline style. */}
            <svg
              class="week-bar"
              viewBox="0 0 10 40"
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect
                x="0"
                y={40 - barHeight(day.count, most)}
                width="10"
                height={barHeight(day.count, most)}
                rx="1.5"
              />
            </svg>
            <span aria-hidden="true" class="week-day">
              {weekday.format(day.date)}
            </span>
            <span class="visually-hidden">
              {weekdayLong.format(day.date)}: {plural(day.count, 'answer')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ExamPanel({ next }: { next: NextExam }) {
  const { exam } = next;
  const onTrack = next.items > 0 && next.ready === next.items;
  return (
    <section class="panel panel-link today-exam" aria-labelledby="exam-heading">
      <h2 id="exam-heading">
        <Icon name="calendar" />{' '}
        <a href={`/exams/${exam.id}`}>
          {scopeLabel(exam)} exam {daysLeftText(exam.daysLeft)}
        </a>
      </h2>
      <p>
        <time dateTime={isoDate(exam.examDate)}>{formatDate(exam.examDate)}</time> · aiming for{' '}
        {percent(exam.targetRecall)} recall
      </p>
      {next.items === 0 ? (
        <p>No cards to plan yet.</p>
      ) : (
        <p data-plan-status={onTrack ? 'ready' : 'short'}>
          <span class={`badge ${onTrack ? 'badge-success' : 'badge-warning'}`}>
            {onTrack ? 'On track' : 'Needs a choice'}
          </span>{' '}
          {onTrack
            ? `Today: ${plural(next.today, 'card')} for it, in your Review queue.`
            : `${next.ready} of ${next.items} cards can reach the target: see what would help.`}
        </p>
      )}
    </section>
  );
}

function Folders({ view }: { view: TodayView }) {
  if (view.folders.length === 0) return null;
  return (
    <section aria-labelledby="folders-heading">
      <h2 id="folders-heading">Your folders</h2>
      {view.folders.map((folder) => (
        <details key={folder.id} class="today-folder" open={view.folders.length === 1}>
          <summary>
            <Icon name="folder" /> {folder.name}{' '}
            <span class="count">{plural(folder.sets.length, 'set')}</span>
          </summary>
          {folder.sets.length === 0 ? (
            <p class="empty">No sets in this folder yet.</p>
          ) : (
            <SetList sets={folder.sets} />
          )}
        </details>
      ))}
      <p>
        <a href="/me/folders">Manage folders</a>
      </p>
    </section>
  );
}

export function TodayPage({ page, view }: { page: PageContext; view: TodayView }) {
  const name = page.user?.displayName ?? '';
  return (
    <Layout page={page} title="Today" description="What to study today.">
      <header class="page-header">
        <span class="page-kicker">Today</span>
        <h1>Hello, {name}</h1>
      </header>
      <div class="today-grid">
        <StudyNow view={view} />
        <Week view={view} />
        {view.nextExam !== null && <ExamPanel next={view.nextExam} />}
      </div>
      <DueBySet rows={view.queue.bySet} />
      {view.continueSets.length > 0 && (
        <section aria-labelledby="continue-heading">
          <h2 id="continue-heading">Continue</h2>
          <ul class="continue-list">
            {view.continueSets.map((set) => (
              <li key={set.id} class="panel panel-link">
                <a href={`/sets/${set.id}/study`}>
                  <span class="visually-hidden">Study </span>
                  {set.title}
                </a>
                <span class="count">
                  {set.subject.name} · {plural(set.cardCount, 'card')}
                </span>
                <a class="continue-read" href={cardSetUrl(set)}>
                  Read<span class="visually-hidden"> {set.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Folders view={view} />
      <p class="today-browse">
        <a href="/search">Find more sets</a> · <a href="/subjects">Browse subjects</a>
      </p>
    </Layout>
  );
}
