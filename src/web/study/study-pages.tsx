/**
 * Study mode (/sets/:id/study) and the daily queue (/review). Without JavaScript: one card at a time,
 * "Show answer" (a GET form), then the four rating buttons (a POST form). With study.js: every card of
 * the session is already on the page; Space reveals, 1–4 rate, swipes rate Again / Good, without reloads.
 */
import type { CardSetSummary } from '../../domain/card-set.js';
import { intervalLabel, intervalWords, RATING_NAMES, type ReviewRating } from '../../domain/study/index.js';
import { MAX_NEW_CARDS_PER_DAY } from '../../services/study/study-settings.js';
import type { StudyItem, StudyItemKind, StudyQueue } from '../../services/study/study-queue.js';
import type { FormState } from '../forms.js';
import { Dialog, DialogButton } from '../views/components/dialog.js';
import { CsrfField, ErrorSummary, fieldId } from '../views/components/form.js';
import { DueBySet } from './due-by-set.js';
import { LocalTime } from '../views/components/local-time.js';
import { StudyLinks } from './study-links.js';
import { renderItemSide, TagScope, withOptions } from './study-item-parts.js';
import { dueDetailText, dueTodayText, type DueCounts } from './due-summary-text.js';
import { plural } from '../views/format.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl, subjectUrl } from '../views/urls.js';

const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];

const KIND_LABEL: Readonly<Record<StudyItemKind, string>> = {
  due: 'Due for review',
  exam: 'Due early for your exam',
  new: 'New card',
  ahead: 'Not due yet',
};

interface SessionProps {
  page: PageContext;
  items: readonly StudyItem[];
  current: StudyItem;
  revealed: boolean;
  /** Where both forms go: this page. */
  action: string;
  /** Hidden fields both forms carry (e.g. ahead=1, tag). */
  carry: Record<string, string>;
  /** Where "Check for more cards" goes: this page with its options. */
  moreHref: string;
  /** When the card's front was first shown (server time): the no-JavaScript answer time counts from it. */
  shownAt: number;
  member: boolean;
  /** Show each card's set (the daily queue mixes sets). */
  showSet: boolean;
}

/**
 * "Undo last answer": shown after an answer without JavaScript (the page then comes with `undo=1`); with it,
 * study.js shows it once the first answer is saved, and Ctrl+Z does the same.
 */
function UndoForm({
  page,
  action,
  carry,
  shown,
}: {
  page: PageContext;
  action: string;
  carry: Record<string, string>;
  shown: boolean;
}) {
  return (
    <form method="post" action={`${action}/undo`} class="undo-form" data-undo-form hidden={!shown}>
      <CsrfField token={page.csrf()} />
      {Object.entries(carry).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <button type="submit" class="button button-secondary" aria-keyshortcuts="Control+Z">
        Undo last answer
      </button>
    </form>
  );
}

/** The cards of a session; all but the current one hidden. */
function StudySession({
  page,
  items,
  current,
  revealed,
  action,
  carry,
  moreHref,
  shownAt,
  member,
  showSet,
}: SessionProps) {
  const csrf = page.csrf();
  const hidden = Object.entries(carry).map(([name, value]) => (
    <input type="hidden" name={name} value={value} key={name} />
  ));
  const position = items.indexOf(current) + 1;
  return (
    <section class="study" data-study data-member={member ? 'true' : 'false'} aria-label="Study cards">
      <p class="study-status" data-study-status role="status">
        Card {position} of {items.length}
      </p>
      <progress
        class="study-progress"
        data-study-progress
        max={items.length}
        value={position - 1}
        aria-label="Cards done in this session"
      />
      <ol class="study-queue">
        {items.map((item) => {
          const isCurrent = item === current;
          const frontId = `front-${item.key}`;
          return (
            <li
              class="study-card"
              key={item.key}
              data-study-card
              data-card-id={item.cardId}
              data-set-id={item.set.id}
              data-variant={item.variant}
              data-kind={item.kind}
              hidden={!isCurrent}
            >
              <article aria-labelledby={frontId}>
                <p class="study-card-meta">
                  {showSet && (
                    <>
                      <a href={cardSetUrl(item.set)}>{item.set.title}</a>
                      {' · '}
                    </>
                  )}
                  {item.label} of {item.set.cardCount} · {KIND_LABEL[item.kind]}
                </p>
                <h2 class="study-front" id={frontId}>
                  {item.front}
                </h2>
                {item.frontBody !== null && (
                  <div
                    class="card-body study-front-body"
                    dangerouslySetInnerHTML={{ __html: renderItemSide(item, item.frontBody, 'front') }}
                  />
                )}
                <form
                  method="get"
                  action={action}
                  class="reveal-form"
                  data-reveal-form
                  hidden={isCurrent && revealed}
                >
                  {hidden}
                  <input type="hidden" name="card" value={item.key} />
                  <input type="hidden" name="reveal" value="1" />
                  <input type="hidden" name="shownAt" value={String(shownAt)} />
                  <button type="submit" class="button" aria-keyshortcuts="Space">
                    Show answer
                  </button>
                  <span class="key-hint" aria-hidden="true">
                    or press Space
                  </span>
                </form>
                <div class="study-answer" data-answer hidden={!(isCurrent && revealed)}>
                  <div
                    class="card-body"
                    dangerouslySetInnerHTML={{ __html: renderItemSide(item, item.body, 'back') }}
                  />
                  <form method="post" action={action} class="rating-form" data-rating-form>
                    <CsrfField token={csrf} />
                    {hidden}
                    <input type="hidden" name="card" value={item.key} />
                    <input type="hidden" name="shownAt" value={String(shownAt)} />
                    <fieldset class="ratings">
                      <legend>How well did you remember it?</legend>
                      {RATINGS.map((rating) => (
                        <button
                          type="submit"
                          name="rating"
                          value={String(rating)}
                          class={`button rating rating-${rating}`}
                          aria-keyshortcuts={String(rating)}
                          key={rating}
                        >
                          <span class="rating-name">{RATING_NAMES[rating]}</span>
                          {item.intervals !== null && (
                            <span class="rating-interval" data-interval={rating}>
                              <span aria-hidden="true">{intervalLabel(item.intervals[rating])}</span>
                              <span class="visually-hidden">
                                , due again {intervalWords(item.intervals[rating])}
                              </span>
                            </span>
                          )}
                          <kbd aria-hidden="true">{rating}</kbd>
                        </button>
                      ))}
                    </fieldset>
                    {!member && (
                      <noscript>
                        <p class="hint">Without JavaScript your answers are not kept: log in to keep them.</p>
                      </noscript>
                    )}
                  </form>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      <p class="study-shortcuts">
        <DialogButton dialog="study-shortcuts" class="button button-quiet">
          Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
        </DialogButton>
      </p>
      <Dialog id="study-shortcuts" title="Keyboard shortcuts">
        <dl class="shortcut-list">
          <dt>
            <kbd>Space</kbd>, or a tap on the card
          </dt>
          <dd>Show the answer</dd>
          <dt>
            <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> <kbd>4</kbd>
          </dt>
          <dd>Again, Hard, Good, Easy</dd>
          <dt>Swipe left, swipe right</dt>
          <dd>Again, Good (on a touch screen)</dd>
          {member && (
            <>
              <dt>
                <kbd>Ctrl</kbd> + <kbd>Z</kbd>
              </dt>
              <dd>Undo the last answer</dd>
            </>
          )}
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>This list</dd>
        </dl>
      </Dialog>
      <div class="study-done" data-study-done hidden>
        <h2>That’s all for now</h2>
        <p data-study-done-summary>You have answered every card of this session.</p>
        <ul class="study-next">
          <li>
            <a href={moreHref}>Check for more cards</a>
          </li>
          {member && (
            <li>
              <a href="/progress">See your progress</a>
            </li>
          )}
        </ul>
      </div>
    </section>
  );
}

function DueSummary({ queue }: { queue: StudyQueue }) {
  const counts: DueCounts = {
    dueNow: queue.dueNow,
    newToday: queue.newToday,
    laterToday: queue.laterToday,
    newSeenToday: queue.newSeenToday,
    newCardsPerDay: queue.newCardsPerDay,
  };
  return (
    <div class="due-summary" data-due-counts={JSON.stringify(counts)}>
      <p class="due-today">
        <strong data-due-today>{dueTodayText(counts)}</strong>
      </p>
      <p class="due-detail" data-due-detail>
        {dueDetailText(counts)}
      </p>
    </div>
  );
}

function NothingDue({ queue, moreHref }: { queue: StudyQueue; moreHref: string | null }) {
  return (
    <div class="study-empty">
      <h2>Nothing to study right now</h2>
      <p>
        {queue.nextDue === null ? (
          'No card you have studied is due.'
        ) : (
          <>
            The next card is due <LocalTime moment={queue.nextDue} />.
          </>
        )}
        {queue.newCardsPerDay > 0 && queue.newSeenToday >= queue.newCardsPerDay
          ? ` You have seen your ${queue.newCardsPerDay} new cards for today.`
          : ''}
      </p>
      {moreHref !== null && (
        <p>
          <a href={moreHref}>Study these cards anyway</a> (answers count and move the due dates, except for
          cards already answered today: those are practice).
        </p>
      )}
    </div>
  );
}

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
  return (
    <Layout page={page} title={`Study: ${set.title}`} breadcrumbs={breadcrumbs} scripts={['study.js']}>
      <h1>
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
    <Layout page={page} title="Review" breadcrumbs={[{ label: 'Home', href: '/' }]} scripts={['study.js']}>
      <h1>Review</h1>
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
