/**
 * /exams/:id: an exam's plan until the day: whether it meets the target (and the choices that would, when
 * it cannot), the forecast of the day, and the reviews per set and per day.
 */
import type { ExamPlanView } from '../../services/study/exams.js';
import { CsrfField } from '../views/components/form.js';
import { daysLeftText, examCrumbs, percent, scopeLabel, UNAVAILABLE_SET } from './exam-pages.js';
import { formatDate, isoDate, plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

const dayLabel = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** At most this many days are listed on the plan page; the rest are summed up. */
const DAYS_SHOWN = 120;

/** What the learner can choose when the target cannot be met: each a POST form, applied only if chosen. */
function Choices({ page, view }: { page: PageContext; view: ExamPlanView }) {
  const { exam, summary, choices, newCardsPerDay } = view;
  if (summary === null) return null;
  const target = percent(exam.targetRecall);
  const offered = choices.newCardsPerDay;
  return (
    <section class="plan-status plan-status-short" aria-labelledby="status-heading" data-plan-status="short">
      <h2 id="status-heading">
        Not every card can reach {target} by {formatDate(exam.examDate)}
      </h2>
      <ul>
        {summary.notStarted > 0 && (
          <li>
            {plural(summary.notStarted, 'card')} of {summary.items} cannot be started before the exam with{' '}
            {plural(newCardsPerDay, 'new card')} a day: they would count as not known on the day.
          </li>
        )}
        {summary.atRisk > 0 && (
          <li>
            {plural(summary.atRisk, 'card')} cannot reach {target} in the days left, however often they are
            reviewed: the plan reviews them as soon as it can and tops them up on the last day.
          </li>
        )}
      </ul>
      <p>You can choose:</p>
      <ul class="plan-choices">
        {offered !== null && (
          <li>
            <form method="post" action={`/exams/${exam.id}/new-cards`} class="inline-form">
              <CsrfField token={page.csrf()} />
              <input type="hidden" name="newCardsPerDay" value={String(offered.perDay)} />
              <button type="submit" class="button" data-choice="new-cards">
                Learn {offered.perDay} new cards a day
              </button>
            </form>{' '}
            {offered.ready === summary.items
              ? 'to be ready: every card reaches the target.'
              : `so that ${offered.ready} of the ${summary.items} cards reach the target (the most any limit allows).`}{' '}
            This is your limit for every set (now {newCardsPerDay}).
          </li>
        )}
        {choices.targetPercent !== null && (
          <li>
            <form method="post" action={`/exams/${exam.id}/target`} class="inline-form">
              <CsrfField token={page.csrf()} />
              <input type="hidden" name="targetPercent" value={String(choices.targetPercent)} />
              <button type="submit" class="button" data-choice="target">
                Aim for {choices.targetPercent}% instead
              </button>
            </form>{' '}
            so that every card started can reach it.
          </li>
        )}
        {summary.notStarted > 0 && (
          <li>
            <a href={`/exams/${exam.id}/focus`} data-choice="focus">
              Choose the cards that matter most
            </a>
            : the plan starts them first, so that the cards left out are the ones that matter least
            {view.focusCount > 0 ? ` (you have chosen ${plural(view.focusCount, 'card')}).` : '.'}
          </li>
        )}
        <li>
          Or keep things as they are: the plan still starts {plural(newCardsPerDay, 'new card')} a day, in the
          sets’ order{view.focusCount > 0 ? ' after the cards you chose' : ''}, and brings the cards it starts
          to {target}.
        </li>
      </ul>
    </section>
  );
}

const points = (share: number) => Math.round(share * 100);

function Forecast({ view }: { view: ExamPlanView }) {
  const { exam, forecast, missTomorrow, summary } = view;
  if (forecast === null || summary === null) return null;
  const target = percent(exam.targetRecall);
  const cost = missTomorrow === null ? null : points(forecast.recall) - points(missTomorrow.recall);
  const lostAtTarget =
    missTomorrow === null ? 0 : Math.round((forecast.atTarget - missTomorrow.atTarget) * forecast.items);
  return (
    <section aria-labelledby="recall-heading">
      <h2 id="recall-heading">Predicted recall on the day</h2>
      <p class="plan-summary" data-forecast>
        If you study the <a href="/review">Review</a> queue each day, you can expect to recall about{' '}
        <strong data-forecast-recall>{percent(forecast.recall)}</strong> of the{' '}
        {plural(forecast.items, 'card')} on the exam day (
        <span data-forecast-spread>
          between {percent(forecast.low)} and {percent(forecast.high)}
        </span>{' '}
        in 9 of 10 simulated runs), with <strong data-forecast-at-target>{percent(forecast.atTarget)}</strong>{' '}
        of them at {target} or more.
      </p>
      <p class="hint">
        Worked out by living the plan {forecast.runs} times: each review recalled with the probability the
        scheduler gives, each card forgotten relearnt and planned again, cards not started counted as not
        known.
      </p>
      {cost !== null && (
        <p data-miss-tomorrow>
          {cost >= 1
            ? `Missing tomorrow would cost about ${plural(cost, 'point')} (${percent(missTomorrow!.recall)} instead of ${percent(forecast.recall)})${lostAtTarget > 0 ? ` and ${plural(lostAtTarget, 'card')} at the target` : ''}.`
            : 'Missing tomorrow would make little difference to the day: the plan would catch up.'}
        </p>
      )}
    </section>
  );
}

/** "Today: 6 cards for this exam — Start": what the plan asks of today, first and in plain words. */
function PlanToday({ view }: { view: ExamPlanView }) {
  const { summary } = view;
  if (summary === null) return null;
  const today = summary.days.find((day) => day.day === 0)?.total ?? 0;
  const next = summary.days.find((day) => day.day > 0 && day.total > 0);
  return (
    <section class="panel plan-today" aria-labelledby="plan-today-heading" data-plan-today={String(today)}>
      <h2 id="plan-today-heading">
        {today > 0 ? `Today: ${plural(today, 'card')} for this exam` : 'Nothing for this exam today'}
      </h2>
      <p>
        {today > 0
          ? 'They are in your Review queue, with any other cards due.'
          : next === undefined
            ? 'The plan has no more reviews before the exam.'
            : `Next: ${plural(next.total, 'card')} on ${dayLabel.format(next.date)}.`}
      </p>
      {today > 0 && (
        <a class="button button-large" href="/review">
          Start
        </a>
      )}
    </section>
  );
}

export function ExamPlanPage({ page, view }: { page: PageContext; view: ExamPlanView }) {
  const { exam, summary, sets } = view;
  const title = exam.scope.kind === 'unavailable-set' ? 'Exam plan' : `Plan for ${scopeLabel(exam)}`;
  const target = percent(exam.targetRecall);
  return (
    <Layout page={page} title={title} breadcrumbs={[...examCrumbs, { label: 'Exam dates', href: '/exams' }]}>
      <h1>{title}</h1>
      <p class="lede">
        Exam on <time dateTime={isoDate(exam.examDate)}>{formatDate(exam.examDate)}</time> (
        {daysLeftText(exam.daysLeft)}) · target {target} recall on the day · up to{' '}
        {plural(exam.dailyCap, 'review')} a day. <a href="/exams">Change</a>
      </p>
      {exam.scope.kind === 'unavailable-set' ? (
        <p class="notice">
          {UNAVAILABLE_SET}: its author has made it private, or it has been hidden. There is nothing to plan;
          you can remove this exam date.
        </p>
      ) : summary === null ? (
        <p class="notice">The exam day has come: there is nothing left to plan. Good luck!</p>
      ) : summary.items === 0 ? (
        <p class="empty">
          No cards to plan yet:{' '}
          {exam.scope.kind === 'subject'
            ? `study or save sets of ${exam.scope.name} and they will appear here.`
            : 'this set has no cards you can see.'}
        </p>
      ) : (
        <>
          <PlanToday view={view} />
          {summary.ready === summary.items ? (
            <p class="plan-status plan-status-ready" data-plan-status="ready">
              On track: studying the <a href="/review">Review</a> queue each day brings every card to {target}{' '}
              by the exam, if you recall each one when it comes back (the plan is made again after every
              answer and after a missed day).
            </p>
          ) : (
            <Choices page={page} view={view} />
          )}
          <Forecast view={view} />
          <details class="plan-details">
            <summary>The plan in detail: per set and per day</summary>
            <div class="table-scroll">
              <table class="data-table">
                <caption>Per set</caption>
                <thead>
                  <tr>
                    <th scope="col">Set</th>
                    <th scope="col">Cards to learn</th>
                    <th scope="col">Reaching {target}</th>
                    <th scope="col">Recall on the day, each review recalled</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.bySet.map((row) => {
                    const set = row.setKey === null ? undefined : sets.get(row.setKey);
                    return (
                      <tr key={row.setKey ?? 'none'}>
                        <th scope="row">
                          {set === undefined ? 'Other' : <a href={cardSetUrl(set)}>{set.title}</a>}
                        </th>
                        <td>{row.items}</td>
                        <td>{row.ready}</td>
                        <td>{percent(row.recallIfRecalled)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <section aria-labelledby="days-heading">
              <h2 id="days-heading">Reviews per day until the exam</h2>
              <p class="hint">
                Each day’s <a href="/review">Review</a> queue is this plan’s day. Due: cards the scheduler
                brings back anyway (and learning steps). New: first study of new cards (at most your new cards
                a day). Exam: reviews the plan adds so that recall on the day meets the target, spread over
                the days they can take. Cannot reach target: reviews of cards that cannot get there in the
                days left.
              </p>
              <div class="table-scroll">
                <table class="data-table plan-days">
                  <caption>Planned reviews of this exam’s cards</caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">Due</th>
                      <th scope="col">New</th>
                      <th scope="col">Exam</th>
                      <th scope="col">Cannot reach target</th>
                      <th scope="col">Total</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.days.slice(0, DAYS_SHOWN).map((day) => (
                      <tr key={day.day} class={day.overCap ? 'over-cap' : undefined}>
                        <th scope="row">
                          <time dateTime={isoDate(day.date)}>
                            {day.day === 0 ? 'Today' : dayLabel.format(day.date)}
                          </time>
                        </th>
                        <td>{day.due}</td>
                        <td>{day.new}</td>
                        <td>{day.exam}</td>
                        <td>{day.atRisk}</td>
                        <td>
                          {day.total}
                          {day.allExams > day.total && (
                            <span class="over-cap-note"> ({day.allExams} with your other exams)</span>
                          )}
                          {day.overCap && <span class="over-cap-note"> (over your cap)</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {summary.days.length > DAYS_SHOWN && (
                <p class="hint">
                  And {plural(summary.days.length - DAYS_SHOWN, 'more day')} with{' '}
                  {plural(
                    summary.days.slice(DAYS_SHOWN).reduce((sum, day) => sum + day.total, 0),
                    'review',
                  )}{' '}
                  in all.
                </p>
              )}
            </section>
          </details>
        </>
      )}
    </Layout>
  );
}
