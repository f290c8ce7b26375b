/**
 * A study session's parts, shared by the set's study page and the daily queue: the card with its
 * question, answer and rating buttons (each showing when the card comes back), the undo form, the due
 * summary and what to say when nothing is due.
 */
import { intervalLabel, intervalWords, RATING_NAMES, type ReviewRating } from '../../domain/study/index.js';
import type { StudyItem, StudyItemKind, StudyQueue } from '../../services/study/study-queue.js';
import { Dialog, DialogButton } from '../views/components/dialog.js';
import { CsrfField } from '../views/components/form.js';
import { LocalTime } from '../views/components/local-time.js';
import { renderItemSide } from './study-item-parts.js';
import { dueDetailText, dueTodayText, type DueCounts } from './due-summary-text.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

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
export function UndoForm({
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
export function StudySession({
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
                    {/* Shown on touch screens once study.js runs (swipes need it). */}
                    <p class="swipe-hint" aria-hidden="true">
                      ← Swipe left: Again · Swipe right: Good →
                    </p>
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

export function DueSummary({ queue }: { queue: StudyQueue }) {
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

export function NothingDue({ queue, moreHref }: { queue: StudyQueue; moreHref: string | null }) {
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
