/**
 * Study mode (/sets/:id/study) and the daily queue (/review). Without JavaScript: one card at a time,
 * "Show answer" (a GET form), then the four rating buttons (a POST form). With study.js: every card of
 * the session is already on the page; Space reveals, 1–4 rate, swipes rate Again / Good, without reloads.
 */
import type { CardSetSummary } from '../../domain/card-set.js';
import { MAX_NEW_CARDS_PER_DAY } from '../../services/study/study-settings.js';
import type { StudyItem, StudyQueue } from '../../services/study/study-queue.js';
import type { FormState } from '../forms.js';
import { CsrfField, ErrorSummary, fieldId } from '../views/components/form.js';
import { DueBySet } from './due-by-set.js';
import { StudyLinks } from './study-links.js';
import { TagScope, withOptions } from './study-item-parts.js';
import { plural } from '../views/format.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl, subjectUrl } from '../views/urls.js';
import { DueSummary, NothingDue, StudySession, UndoForm } from './study-session.js';

export interface SetStudyPageProps {
  page: PageContext;
  set: CardSetSummary;
  queue: StudyQueue | null;
  items: readonly StudyItem[];
  current: StudyItem | undefined;
  revealed: boolean;
  ahead: boolean;
  tag?: string | undefined;
  shownAt: number;
  /** A visitor reached the end of a read-through. */
  finished: boolean;
  state?: FormState;
  /** An answer was just given: offer to undo it (see UndoForm). */
  offerUndo: boolean;
}

export function SetStudyPage(props: SetStudyPageProps) {
  const { page, set, queue, items, current, revealed, ahead, tag, shownAt, finished, state, offerUndo } =
    props;
  const action = `/sets/${set.id}/study`;
  const carry: Record<string, string> = {
    ...(ahead ? { ahead: '1' } : {}),
    ...(tag === undefined ? {} : { tag }),
  };
  const breadcrumbs: Crumb[] = [
    { label: 'Home', href: '/' },
    { label: set.subject.name, href: subjectUrl(set.subject) },
    { label: set.title, href: cardSetUrl(set) },
  ];
  const next = encodeURIComponent(action);
  const inSession = !finished && current !== undefined;
  return (
    <Layout
      page={page}
      title={`Study: ${set.title}`}
      breadcrumbs={breadcrumbs}
      scripts={['study.js']}
      focus={
        inSession
          ? { exitHref: cardSetUrl(set), exitLabel: `Stop studying: back to ${set.title}`, name: set.title }
          : undefined
      }
    >
      <h1 class="study-heading">
        <span class="page-kicker">Study</span> {set.title}
      </h1>
      <StudyLinks setId={set.id} current="study" />
      <TagScope tag={tag} action={action} />
      {state !== undefined && <ErrorSummary state={state} />}
      {queue !== null ? (
        <DueSummary queue={queue} />
      ) : (
        <p class="visitor-note" data-visitor-note>
          You are not logged in: your answers are kept in this browser only.{' '}
          <a href={`/login?next=${next}`}>Log in</a> or <a href={`/signup?next=${next}`}>sign up</a> to keep
          them and have cards come back when they are due.
        </p>
      )}
      {finished && (
        <div class="study-empty">
          <h2>You have read all {plural(items.length, 'card')}</h2>
          <p>
            <a href={withOptions(action, { tag })}>Start again</a> or{' '}
            <a href={`/sets/${set.id}/test`}>test yourself</a>.
          </p>
        </div>
      )}
      {queue !== null && <UndoForm page={page} action={action} carry={carry} shown={offerUndo} />}
      {!finished && current !== undefined && (
        <StudySession
          page={page}
          items={items}
          current={current}
          revealed={revealed}
          action={action}
          carry={carry}
          moreHref={withOptions(action, { tag })}
          shownAt={shownAt}
          member={queue !== null}
          showSet={false}
        />
      )}
      {!finished && current === undefined && queue !== null && (
        <NothingDue queue={queue} moreHref={ahead ? null : withOptions(action, { ahead: true, tag })} />
      )}
      {!finished && current === undefined && queue === null && <p class="empty">This set has no cards.</p>}
    </Layout>
  );
}

export interface ReviewPageProps {
  page: PageContext;
  queue: StudyQueue & { sets: number };
  tag?: string | undefined;
  current: StudyItem | undefined;
  revealed: boolean;
  shownAt: number;
  settings: FormState;
  state?: FormState;
  /** An answer was just given: offer to undo it (see UndoForm). */
  offerUndo: boolean;
}

export function ReviewPage(props: ReviewPageProps) {
  const { page, queue, tag, current, revealed, shownAt, settings, state, offerUndo } = props;
  const settingsProblem = settings.problems.find((p) => p.field === 'newCardsPerDay')?.message;
  return (
    <Layout
      page={page}
      title="Review"
      breadcrumbs={[{ label: 'Home', href: '/' }]}
      scripts={['study.js']}
      focus={
        queue.sets > 0 && current !== undefined
          ? { exitHref: '/', exitLabel: 'Stop reviewing: back to Today', name: 'Review' }
          : undefined
      }
    >
      <h1 class="study-heading">Review</h1>
      <p class="lede">
        Today’s cards from every set you study, save or have an exam on.
        {queue.followsPlan && (
          <>
            {' '}
            With an exam ahead, today’s queue is your <a href="/exams">exam plan</a>’s day.
          </>
        )}
      </p>
      <TagScope tag={tag} action="/review" />
      {state !== undefined && <ErrorSummary state={state} />}
      <DueSummary queue={queue} />
      <UndoForm page={page} action="/review" carry={tag === undefined ? {} : { tag }} shown={offerUndo} />
      {queue.sets === 0 ? (
        <div class="study-empty">
          <h2>No sets to review yet</h2>
          <p>
            Open a card set and press <strong>Study</strong>, or save sets to your folders: their cards come
            here when they are due. <a href="/">Browse subjects</a>.
          </p>
        </div>
      ) : current !== undefined ? (
        <StudySession
          page={page}
          items={queue.items}
          current={current}
          revealed={revealed}
          action="/review"
          carry={tag === undefined ? {} : { tag }}
          moreHref={withOptions('/review', { tag })}
          shownAt={shownAt}
          member={true}
          showSet={true}
        />
      ) : (
        <NothingDue queue={queue} moreHref={null} />
      )}
      <DueBySet rows={queue.bySet} />
      <details class="study-settings" open={settings.message !== null}>
        <summary>
          <h2 id="settings-heading">New cards a day: {queue.newCardsPerDay}</h2>
        </summary>
        {settings.message !== null && (
          <ErrorSummary state={settings} labels={{ newCardsPerDay: 'New cards a day' }} />
        )}
        <form method="post" action="/review/settings" class="form">
          <CsrfField token={page.csrf()} />
          <div class={`field${settingsProblem !== undefined ? ' field-invalid' : ''}`}>
            <label for={fieldId('newCardsPerDay')}>How many new cards to start each day</label>
            <p class="hint" id={`${fieldId('newCardsPerDay')}-hint`}>
              From 0 to {MAX_NEW_CARDS_PER_DAY}. Cards already being learned keep coming whatever this is.
            </p>
            {settingsProblem !== undefined && (
              <p class="field-error" id={`${fieldId('newCardsPerDay')}-error`}>
                <span class="visually-hidden">Error: </span>
                {settingsProblem}
              </p>
            )}
            <input
              id={fieldId('newCardsPerDay')}
              name="newCardsPerDay"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_NEW_CARDS_PER_DAY}
              value={settings.values.newCardsPerDay ?? String(queue.newCardsPerDay)}
              aria-describedby={`${fieldId('newCardsPerDay')}-hint${settingsProblem !== undefined ? ` ${fieldId('newCardsPerDay')}-error` : ''}`}
              aria-invalid={settingsProblem !== undefined ? 'true' : undefined}
            />
          </div>
          <button type="submit" class="button">
            Save
          </button>
        </form>
      </details>
      <p class="study-more">
        <a href="/progress">Your progress</a> · <a href="/exams">Exam dates</a>
      </p>
    </Layout>
  );
}
