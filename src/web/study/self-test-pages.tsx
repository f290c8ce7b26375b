/** Self-tests: the questions as one plain form, and the marked result. */
import type { CardSetSummary } from '../../domain/card-set.js';
import { BLANK, type OrderingQuestion, type Question } from '../../domain/study/index.js';
import {
  responseField,
  TEST_LIMITS,
  type GradedQuestion,
  type SelfTest,
  type TestResult,
} from '../../services/study/self-test.js';
import { CsrfField, fieldId } from '../views/components/form.js';
import { StudyLinks } from './study-links.js';
import { plural } from '../views/format.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl, subjectUrl } from '../views/urls.js';

const COUNTS = [5, 10, 20, 30, TEST_LIMITS.maxCount];

const crumbs = (set: CardSetSummary): Crumb[] => [
  { label: 'Home', href: '/' },
  { label: set.subject.name, href: subjectUrl(set.subject) },
  { label: set.title, href: cardSetUrl(set) },
];

/** A prompt with its blank read out as "blank" rather than as six underscores. */
function PromptText({ text }: { text: string }) {
  const parts = text.split(BLANK);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <span class="blank">
              <span aria-hidden="true">{BLANK}</span>
              <span class="visually-hidden">blank</span>
            </span>
          )}
        </span>
      ))}
    </>
  );
}

const KIND_HINT: Readonly<Record<Question['kind'], string>> = {
  cloze: 'Type the missing words.',
  'multiple-choice': 'Choose one.',
  'which-card': 'Choose the card.',
  ordering: 'Number them from 1 (earliest).',
};

function QuestionField({ question, number }: { question: Question; number: number }) {
  const label = `Question ${number}`;
  switch (question.kind) {
    case 'cloze': {
      const id = fieldId(responseField(question.id));
      return (
        <div class="field question-field">
          <label for={id}>
            <span class="question-number">{label}. </span>
            <PromptText text={question.prompt} />
          </label>
          <p class="hint" id={`${id}-hint`}>
            {KIND_HINT.cloze}
          </p>
          <input
            type="text"
            id={id}
            name={responseField(question.id)}
            autocomplete="off"
            spellcheck={false}
            maxLength={200}
            aria-describedby={`${id}-hint`}
          />
        </div>
      );
    }
    case 'multiple-choice':
    case 'which-card':
      return (
        <fieldset class="question-field choices">
          <legend>
            <span class="question-number">{label}. </span>
            <PromptText text={question.prompt} />
          </legend>
          <p class="hint">{KIND_HINT[question.kind]}</p>
          {question.choices.map((choice, i) => {
            const id = `${fieldId(responseField(question.id))}-${i}`;
            return (
              <div class="choice" key={id}>
                <input type="radio" id={id} name={responseField(question.id)} value={String(i)} />
                <label for={id}>{choice}</label>
              </div>
            );
          })}
        </fieldset>
      );
    case 'ordering':
      return (
        <fieldset class="question-field ordering">
          <legend>
            <span class="question-number">{label}. </span>
            {question.prompt}
          </legend>
          <p class="hint">{KIND_HINT.ordering}</p>
          <ul class="ordering-items">
            {question.choices.map((choice, i) => {
              const id = fieldId(responseField(question.id, i));
              return (
                <li key={id}>
                  <select id={id} name={responseField(question.id, i)}>
                    <option value="">Place</option>
                    {question.choices.map((_, place) => (
                      <option value={String(place + 1)} key={place}>
                        {place + 1}
                      </option>
                    ))}
                  </select>
                  <label for={id}>
                    <span class="visually-hidden">Place of: </span>
                    {choice}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      );
  }
}

export function SelfTestPage({ page, test }: { page: PageContext; test: SelfTest }) {
  const { set } = test;
  return (
    <Layout page={page} title={`Test yourself: ${set.title}`} breadcrumbs={crumbs(set)}>
      <h1>
        <span class="page-kicker">Test yourself</span> {set.title}
      </h1>
      <StudyLinks setId={set.id} current="test" />
      <form method="get" action={`/sets/${set.id}/test`} class="test-options">
        <label for="test-count">Questions</label>
        <select id="test-count" name="count">
          {COUNTS.map((count) => (
            <option value={String(count)} selected={count === test.count} key={count}>
              {count}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-quiet">
          New test
        </button>
      </form>
      {test.questions.length === 0 ? (
        <p class="empty">These cards do not give enough to ask questions about yet.</p>
      ) : (
        <form method="post" action={`/sets/${set.id}/test`} class="self-test" aria-label="Self-test">
          <CsrfField token={page.csrf()} />
          <input type="hidden" name="seed" value={String(test.seed)} />
          <input type="hidden" name="count" value={String(test.count)} />
          <p class="lede">
            {plural(test.questions.length, 'question')} made from the cards. Answer what you can, then mark
            the test{page.user !== null ? ': wrong answers bring their cards back in study' : ''}.
          </p>
          <ol class="question-list">
            {test.questions.map((question, index) => (
              <li class="question" id={`question-${index + 1}`} key={question.id}>
                <QuestionField question={question} number={index + 1} />
              </li>
            ))}
          </ol>
          <button type="submit" class="button">
            Mark my test
          </button>
        </form>
      )}
    </Layout>
  );
}

function GivenAnswer({ graded }: { graded: GradedQuestion }) {
  if (graded.given === null) return <p class="given">Your answer: none</p>;
  if (Array.isArray(graded.given)) {
    return (
      <div class="given">
        <p>Your order:</p>
        <ol>
          {graded.given.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      </div>
    );
  }
  return <p class="given">Your answer: {graded.given}</p>;
}

/** The right order of an ordering question (the verdict of the others already gives their answer). */
function RightOrder({ question }: { question: OrderingQuestion }) {
  return (
    <div class="right-answer">
      <p>In date order:</p>
      <ol>
        {question.answer.map((item, i) => (
          <li key={item}>
            <strong>{question.dates[i]}</strong>: {item}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function TestResultPage({ page, result }: { page: PageContext; result: TestResult }) {
  const { set } = result;
  const total = result.graded.length;
  const percent = total === 0 ? 0 : Math.round((result.score / total) * 100);
  return (
    <Layout page={page} title={`Your result: ${set.title}`} breadcrumbs={crumbs(set)}>
      <h1>
        <span class="page-kicker">Your result</span> {set.title}
      </h1>
      <StudyLinks setId={set.id} current="test" />
      <p class="score" role="status">
        <strong data-score>
          {result.score} out of {total}
        </strong>{' '}
        ({percent}%)
      </p>
      {result.unmatched > 0 && (
        <p class="notice">
          The set changed since this test was made: {plural(result.unmatched, 'answer')} could not be marked.
        </p>
      )}
      {result.recordedAgain > 0 && (
        <p>
          The {plural(result.recordedAgain, 'card')} behind your wrong answers will come back soon in{' '}
          <a href={`/sets/${set.id}/study`}>study</a>.
        </p>
      )}
      {page.user === null && result.score < total && (
        <p class="hint">
          <a href={`/login?next=${encodeURIComponent(`/sets/${set.id}/test`)}`}>Log in</a> to have the cards
          you got wrong come back in study.
        </p>
      )}
      <ul class="study-next">
        <li>
          <a href={`/sets/${set.id}/test?count=${result.count}`}>Take another test</a>
        </li>
        <li>
          <a href={`/sets/${set.id}/test?count=${result.count}&seed=${result.seed}`}>Try this test again</a>
        </li>
      </ul>
      <section aria-labelledby="revisit-heading">
        <h2 id="revisit-heading">Cards to revisit</h2>
        {result.revisit.length === 0 ? (
          <p class="empty">None: every answer was right.</p>
        ) : (
          <ul class="revisit-list">
            {result.revisit.map((card) => (
              <li key={card.id}>
                <a href={`${cardSetUrl(set)}#card-${card.position}`}>
                  Card {card.position}
                  {card.title !== null ? `: ${card.title}` : ''}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Your answers</h2>
        <ol class="question-list marked">
          {result.graded.map((graded, index) => (
            <li class={`question ${graded.correct ? 'is-right' : 'is-wrong'}`} key={graded.question.id}>
              <p class="mark">
                <span class="mark-icon" aria-hidden="true">
                  {graded.correct ? '✓' : '✗'}
                </span>{' '}
                <strong>
                  Question {index + 1}:{' '}
                  {graded.correct ? 'right' : graded.answered ? 'wrong' : 'not answered'}
                </strong>
              </p>
              <p class="question-prompt">
                <PromptText text={graded.question.prompt} />
              </p>
              <GivenAnswer graded={graded} />
              <p class="verdict">{graded.verdict}</p>
              {!graded.correct && graded.question.kind === 'ordering' && (
                <RightOrder question={graded.question} />
              )}
              <p class="explanation">{graded.question.explanation}</p>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
