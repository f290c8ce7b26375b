/** A set's timeline: an ordered list of years, each with its dated events, and a "put these in order" form. */
import type { TimelineEvent } from '../../domain/study/index.js';
import {
  placeField,
  type SetTimeline,
  type TimelineExercise,
  type TimelineMarking,
} from '../../services/study/set-timeline.js';
import { CsrfField, fieldId } from '../views/components/form.js';
import { StudyLinks } from './study-links.js';
import { plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl, subjectUrl } from '../views/urls.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The event's date as <time> elements: "1 December 1934", "March 1939", "1934", or "1930–1932". */
export function EventDate({ event }: { event: TimelineEvent }) {
  if (event.endYear !== null) {
    return (
      <>
        <time dateTime={String(event.year)}>{event.year}</time>–
        <time dateTime={String(event.endYear)}>{event.endYear}</time>
      </>
    );
  }
  const machine =
    event.month === null
      ? String(event.year)
      : event.day === null
        ? `${event.year}-${pad(event.month)}`
        : `${event.year}-${pad(event.month)}-${pad(event.day)}`;
  return <time dateTime={machine}>{event.dateLabel}</time>;
}

function groupByYear(events: readonly TimelineEvent[]): { year: number; events: TimelineEvent[] }[] {
  const groups: { year: number; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last !== undefined && last.year === event.year) last.events.push(event);
    else groups.push({ year: event.year, events: [event] });
  }
  return groups;
}

interface TimelinePageProps {
  page: PageContext;
  timeline: SetTimeline;
  exercise: TimelineExercise | null;
  marking: TimelineMarking | null;
  /** The places given, to show the form again as it was handed in. */
  given: Record<string, string>;
}

export function TimelinePage({ page, timeline, exercise, marking, given }: TimelinePageProps) {
  const { set, events, cardTitles } = timeline;
  const cardLabel = (position: number) => {
    const title = cardTitles.get(position);
    return `Card ${position}${title ? `: ${title}` : ''}`;
  };
  return (
    <Layout
      page={page}
      title={`Timeline: ${set.title}`}
      breadcrumbs={[
        { label: 'Home', href: '/' },
        { label: set.subject.name, href: subjectUrl(set.subject) },
        { label: set.title, href: cardSetUrl(set) },
      ]}
    >
      <h1>
        <span class="page-kicker">Timeline</span> {set.title}
      </h1>
      <StudyLinks setId={set.id} current="timeline" />
      {events.length === 0 ? (
        <p class="empty">No dated events were found in these cards.</p>
      ) : (
        <>
          <p class="lede">
            {plural(events.length, 'dated event')} from the cards, earliest first.{' '}
            {exercise !== null && <a href="#order">Put some in order</a>}
          </p>
          <ol class="timeline" aria-label="Events by year">
            {groupByYear(events).map((group) => (
              <li class="timeline-year" key={group.year}>
                <h2 class="timeline-year-heading" id={`year-${group.year}`}>
                  <time dateTime={String(group.year)}>{group.year}</time>
                </h2>
                <ol class="timeline-events" aria-labelledby={`year-${group.year}`}>
                  {group.events.map((event) => (
                    <li class="timeline-event" key={event.id}>
                      <p class="timeline-date">
                        <EventDate event={event} />
                      </p>
                      <p class="timeline-text">{event.text}</p>
                      <p class="timeline-source">
                        <a href={`${cardSetUrl(set)}#card-${event.cardPosition}`}>
                          {cardLabel(event.cardPosition)}
                        </a>
                      </p>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </>
      )}
      {exercise !== null && (
        <section class="timeline-exercise" id="order" aria-labelledby="order-heading">
          <h2 id="order-heading">Put these in order</h2>
          {marking !== null && (
            <div class="exercise-result" role="status">
              <p>
                <strong>
                  {marking.correct
                    ? `All ${exercise.shown.length} in the right order.`
                    : `${marking.inPlace} of ${exercise.shown.length} in the right place.`}
                </strong>
              </p>
              <p>The right order:</p>
              <ol>
                {exercise.answer.map((item) => (
                  <li key={item.event.id}>
                    <strong>
                      <EventDate event={item.event} />
                    </strong>
                    : {item.clue}
                  </li>
                ))}
              </ol>
            </div>
          )}
          <form method="post" action={`/sets/${set.id}/timeline#order`} class="ordering-form">
            <CsrfField token={page.csrf()} />
            <input type="hidden" name="seed" value={String(exercise.seed)} />
            <p class="hint">
              Give each event its place, from 1 (earliest) to {exercise.shown.length} (latest).
            </p>
            <ul class="ordering-items">
              {exercise.shown.map((item) => {
                const name = placeField(item.event.id);
                const id = fieldId(name);
                return (
                  <li key={item.event.id}>
                    <select id={id} name={name}>
                      <option value="">Place</option>
                      {exercise.shown.map((_, place) => (
                        <option
                          value={String(place + 1)}
                          selected={given[name] === String(place + 1)}
                          key={place}
                        >
                          {place + 1}
                        </option>
                      ))}
                    </select>
                    <label for={id}>
                      <span class="visually-hidden">Place of: </span>
                      {item.clue}
                    </label>
                  </li>
                );
              })}
            </ul>
            <button type="submit" class="button">
              Check my order
            </button>
          </form>
          <p>
            <a href={`/sets/${set.id}/timeline#order`}>Another set of events</a>
          </p>
        </section>
      )}
    </Layout>
  );
}
