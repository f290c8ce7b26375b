/** /exams: a learner's exam dates and the form to set one (the plan page is exam-plan-page.tsx). */
import type { ExamScopeChoices, ExamView } from '../../services/study/exams.js';
import { EXAM_LIMITS } from '../../services/study/exams.js';
import { problemFor, type FormState } from '../forms.js';
import { CsrfField, ErrorSummary, fieldId } from '../views/components/form.js';
import { formatDate, isoDate, plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';

export const examCrumbs = [{ label: 'Home', href: '/' }];
export const percent = (share: number) => `${Math.round(share * 100)}%`;

export const UNAVAILABLE_SET = 'This set is no longer available';

export function scopeLabel(exam: ExamView) {
  if (exam.scope.kind === 'unavailable-set') return UNAVAILABLE_SET;
  return exam.scope.kind === 'set' ? exam.scope.name : `${exam.scope.name} (subject)`;
}

export function daysLeftText(days: number): string {
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
    <Layout page={page} title="Exam dates" breadcrumbs={examCrumbs}>
      <h1>Exam dates</h1>
      <p class="lede">
        Tell Recall when your exam is. Your daily Review queue then follows a plan that brings each card back
        late enough, and often enough, for your recall on the day to reach your target, with the extra reviews
        spread over the days before it, and tells you plainly if the target cannot be met.
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
