/**
 * /exams/:id/focus: choosing the cards that matter most for an exam, to be started first. A plain form of
 * checkboxes, one per card not yet started, grouped by set.
 */
import type { ExamFocusView } from '../../services/study/exam-focus.js';
import type { FormState } from '../forms.js';
import { CsrfField, ErrorSummary } from '../views/components/form.js';
import { examCrumbs, scopeLabel } from './exam-pages.js';
import { formatDate, plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';

/** The form field of a card's checkbox. */
export const focusField = (cardId: number) => `first-${cardId}`;
export const FOCUS_FIELD_PATTERN = '^first-[0-9]{1,15}$';
export const cardOfFocusField = (field: string) => field.slice('first-'.length);

export function ExamFocusPage({
  page,
  view,
  state,
}: {
  page: PageContext;
  view: ExamFocusView;
  state: FormState;
}) {
  const { exam } = view;
  const title = `Cards that matter most for ${scopeLabel(exam)}`;
  const plan = `/exams/${exam.id}`;
  const cards = view.sets.reduce((sum, set) => sum + set.cards.length, 0);
  return (
    <Layout
      page={page}
      title={title}
      breadcrumbs={[
        ...examCrumbs,
        { label: 'Exam dates', href: '/exams' },
        { label: `Plan for ${scopeLabel(exam)}`, href: plan },
      ]}
    >
      <h1>{title}</h1>
      <p class="lede">
        Not every card can be started before the exam on {formatDate(exam.examDate)}. Tick the ones that
        matter most: the plan starts them first, then the others in the sets’ order, as many as your new cards
        a day allow.
      </p>
      {cards === 0 ? (
        <p class="empty">
          Every card of this exam has been started. <a href={plan}>Back to the plan</a>.
        </p>
      ) : (
        <form method="post" action={`${plan}/focus`} class="form">
          <ErrorSummary state={state} labels={{ cards: 'Cards' }} />
          <CsrfField token={page.csrf()} />
          {view.sets.map((set) => (
            <fieldset class="focus-set" key={set.id}>
              <legend>
                {set.title} ({plural(set.cards.length, 'card')} not started)
              </legend>
              <ul class="focus-cards">
                {set.cards.map((card) => (
                  <li key={card.id}>
                    <label class="choice">
                      <input
                        type="checkbox"
                        name={focusField(card.id)}
                        value="1"
                        checked={state.values[focusField(card.id)] !== undefined || card.chosen}
                      />{' '}
                      Card {card.position}: {card.front}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
          {view.truncated && (
            <p class="hint">Only the first cards are listed: an exam can have at most 2,000 chosen.</p>
          )}
          <button type="submit" class="button">
            Start these first
          </button>{' '}
          <a href={plan}>Back to the plan</a>
        </form>
      )}
    </Layout>
  );
}
