/** /exams: a learner's exam dates and the form to set one; /exams/:id: the plan until the exam. */
import type { ExamPlanView, ExamScopeChoices, ExamView } from '../../services/study/exams.js';
import { EXAM_LIMITS } from '../../services/study/exams.js';
import { problemFor, type FormState } from '../forms.js';
import { CsrfField, ErrorSummary, fieldId } from './components/form.js';
import { formatDate, isoDate, plural } from './format.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { cardSetUrl } from './urls.js';

const crumbs = [{ label: 'Home', href: '/' }];
const dayLabel = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const percent = (share: number) => `${Math.round(share * 100)}%`;

const UNAVAILABLE_SET = 'This set is no longer available';

function scopeLabel(exam: ExamView) {
  if (exam.scope.kind === 'unavailable-set') return UNAVAILABLE_SET;
  return exam.scope.kind === 'set' ? exam.scope.name : `${exam.scope.name} (subject)`;
}

function daysLeftText(days: number): string {
  if (days < 0) return 'passed';
  if (days === 0) return 'today';
  return `in ${plural(days, 'day')}`;
}

const FIELD_LABELS = {
  scope: 'Exam on',
  date: 'Exam date',
  targetPercent: 'Recall wanted on the day',
  dailyCap: 'Most reviews a day',
};

function InputField(props: {
  state: FormState;
  name: keyof typeof FIELD_LABELS;
  type: 'date' | 'number';
  hint: string;
  fallback: string;
  min?: number;
  max?: number;
}) {
  const { state, name, type, hint, fallback, min, max } = props;
  const id = fieldId(name);
  const problem = problemFor(state, name);
  return (
    <div class={`field${problem !== undefined ? ' field-invalid' : ''}`}>
      <label for={id}>{FIELD_LABELS[name]}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {problem !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {problem}
        </p>
      )}
      <input
        id={id}
        name={name}
        // Preact's typings split <input> by type; both here are plain inputs.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={type as 'text'}
        value={state.values[name] ?? fallback}
        min={min}
        max={max}
        required
        aria-describedby={`${id}-hint${problem !== undefined ? ` ${id}-error` : ''}`}
        aria-invalid={problem !== undefined ? 'true' : undefined}
      />
    </div>
  );
}

export function ExamsPage({
  page,
  exams,
  choices,
  state,
}: {
  page: PageContext;
  exams: ExamView[];
  choices: ExamScopeChoices;
  state: FormState;
}) {
  const scopeProblem = problemFor(state, 'scope');
  const scopeId = fieldId('scope');
  const chosen = state.values.scope ?? '';
  return (
    <Layout page={page} title="Exam dates" breadcrumbs={crumbs}>
      <h1>Exam dates</h1>
      <p class="lede">
        Tell Recall when your exam is. Study then brings each card back late enough, and often enough, for
        your recall on the day to reach your target, spreading the extra reviews so that no day is overloaded.
      </p>
      {exams.length === 0 ? (
        <p class="empty">No exam dates yet.</p>
      ) : (
        <ul class="exam-list">
          {exams.map((exam) => (
            <li class="exam" key={exam.id}>
              <p class="exam-title">
                <a href={`/exams/${exam.id}`}>{scopeLabel(exam)}</a>
              </p>
              <p class="exam-meta">
                <time dateTime={isoDate(exam.examDate)}>{formatDate(exam.examDate)}</time> (
                {daysLeftText(exam.daysLeft)}) · target {percent(exam.targetRecall)} · up to{' '}
                {plural(exam.dailyCap, 'review')} a day
              </p>
              <form method="post" action={`/exams/${exam.id}/delete`} class="inline-form">
                <CsrfField token={page.csrf()} />
                <button type="submit" class="link-button">
                  Remove<span class="visually-hidden"> the exam on {scopeLabel(exam)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-exam-heading">
        <h2 id="new-exam-heading">Set an exam date</h2>
        <form method="post" action="/exams" class="form" novalidate>
          <ErrorSummary state={state} labels={FIELD_LABELS} />
          <CsrfField token={page.csrf()} />
          <div class={`field${scopeProblem !== undefined ? ' field-invalid' : ''}`}>
            <label for={scopeId}>{FIELD_LABELS.scope}</label>
            <p class="hint" id={`${scopeId}-hint`}>
              One of your sets, or a whole subject (the sets of it that you study or have saved). Setting a
              date again for the same set or subject changes it.
            </p>
            {scopeProblem !== undefined && (
              <p class="field-error" id={`${scopeId}-error`}>
                <span class="visually-hidden">Error: </span>
                {scopeProblem}
              </p>
            )}
            <select
              id={scopeId}
              name="scope"
              required
              aria-describedby={`${scopeId}-hint${scopeProblem !== undefined ? ` ${scopeId}-error` : ''}`}
              aria-invalid={scopeProblem !== undefined ? 'true' : undefined}
            >
              <option value="">Choose a set or a subject</option>
              {choices.sets.length > 0 && (
                <optgroup label="Your sets">
                  {choices.sets.map((set) => (
                    <option value={`set:${set.id}`} selected={chosen === `set:${set.id}`} key={set.id}>
                      {set.title}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label="Subjects">
                {choices.subjects.map((subject) => (
                  <option
                    value={`subject:${subject.id}`}
                    selected={chosen === `subject:${subject.id}`}
                    key={subject.id}
                  >
                    {subject.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <InputField state={state} name="date" type="date" hint="The day of the exam." fallback="" />
          <InputField
            state={state}
            name="targetPercent"
            type="number"
            hint={`The predicted recall you want on the exam day, in percent (${EXAM_LIMITS.minTargetPercent}–${EXAM_LIMITS.maxTargetPercent}).`}
            fallback="90"
            min={EXAM_LIMITS.minTargetPercent}
            max={EXAM_LIMITS.maxTargetPercent}
          />
          <InputField
            state={state}
            name="dailyCap"
            type="number"
            hint="The plan spreads reviews so that a day has at most this many where it can."
            fallback={String(EXAM_LIMITS.defaultDailyCap)}
            min={1}
            max={EXAM_LIMITS.maxDailyCap}
          />
          <button type="submit" class="button">
            Save exam date
          </button>
        </form>
      </section>
    </Layout>
  );
}

/** At most this many days are listed on the plan page; the rest are summed up. */
const DAYS_SHOWN = 120;

export function ExamPlanPage({ page, view }: { page: PageContext; view: ExamPlanView }) {
  const { exam, plan, sets } = view;
  const title = exam.scope.kind === 'unavailable-set' ? 'Exam plan' : `Plan for ${scopeLabel(exam)}`;
  return (
    <Layout page={page} title={title} breadcrumbs={[...crumbs, { label: 'Exam dates', href: '/exams' }]}>
      <h1>{title}</h1>
      <p class="lede">
        Exam on <time dateTime={isoDate(exam.examDate)}>{formatDate(exam.examDate)}</time> (
        {daysLeftText(exam.daysLeft)}) · target {percent(exam.targetRecall)} recall on the day · up to{' '}
        {plural(exam.dailyCap, 'review')} a day. <a href="/exams">Change</a>
      </p>
      {exam.scope.kind === 'unavailable-set' ? (
        <p class="notice">
          {UNAVAILABLE_SET}: its author has made it private, or it has been hidden. There is nothing to plan;
          you can remove this exam date.
        </p>
      ) : plan === null ? (
        <p class="notice">The exam day has come: there is nothing left to plan. Good luck!</p>
      ) : plan.cards.length === 0 ? (
        <p class="empty">
          No cards to plan yet:{' '}
          {exam.scope.kind === 'subject'
            ? `study or save sets of ${exam.scope.name} and they will appear here.`
            : 'this set has no cards you can see.'}
        </p>
      ) : (
        <>
          <section aria-labelledby="recall-heading">
            <h2 id="recall-heading">Predicted recall on the day</h2>
            <p class="plan-summary">
              Following this plan (each review answered Good), your predicted recall on the exam day is{' '}
              <strong>{percent(plan.averageRecall)}</strong> on average
              {plan.atRisk > 0
                ? `; ${plural(plan.atRisk, 'card')} cannot reach the target in the days left and are reviewed as soon as possible.`
                : '.'}
            </p>
            <div class="table-scroll">
              <table class="data-table">
                <caption>Per set</caption>
                <thead>
                  <tr>
                    <th scope="col">Set</th>
                    <th scope="col">Cards</th>
                    <th scope="col">Predicted recall</th>
                    <th scope="col">Below target</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.bySet.map((row) => {
                    const set = row.setKey === null ? undefined : sets.get(row.setKey);
                    return (
                      <tr key={row.setKey ?? 'none'}>
                        <th scope="row">
                          {set === undefined ? 'Other' : <a href={cardSetUrl(set)}>{set.title}</a>}
                        </th>
                        <td>{row.cards}</td>
                        <td>{percent(row.averageRecall)}</td>
                        <td>{row.atRisk}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="days-heading">
            <h2 id="days-heading">Reviews per day until the exam</h2>
            <p class="hint">
              Due: cards FSRS brings back anyway. New: first study of new cards (at most your new cards a
              day). Exam: extra reviews placed so that recall on the day meets the target. At risk: cards
              reviewed as soon as possible because they cannot reach it.
            </p>
            <div class="table-scroll">
              <table class="data-table plan-days">
                <caption>Planned reviews</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Due</th>
                    <th scope="col">New</th>
                    <th scope="col">Exam</th>
                    <th scope="col">At risk</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.days.slice(0, DAYS_SHOWN).map((day) => (
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
                        {day.overCap && <span class="over-cap-note"> (over your cap)</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {plan.days.length > DAYS_SHOWN && (
              <p class="hint">
                And {plural(plan.days.length - DAYS_SHOWN, 'more day')} with{' '}
                {plural(
                  plan.days.slice(DAYS_SHOWN).reduce((sum, day) => sum + day.total, 0),
                  'review',
                )}{' '}
                in all.
              </p>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}
