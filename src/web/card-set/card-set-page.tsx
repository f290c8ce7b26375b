import type { Card } from '../../domain/card-set.js';
import { cardPrompt, clozeNumbers } from '../../domain/study/index.js';
import type { CardSetPageData } from '../../services/read-card-set.js';
import { renderCardBody, renderClozeFront } from '../../formats/render-markdown.js';
import {
  HiddenSetNotice,
  ratingText,
  SaveMenu,
  TakePartSection,
  type CardSetPageForms,
} from './card-set-community.js';
import { CommentsSection } from '../comments/comments-section.js';
import { emptyForm } from '../forms.js';
import { formatDate, isoDate } from '../views/format.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { SetFileLinks } from './set-file-links.js';
import { SetStudyActions } from '../study/study-links.js';
import { TagList } from '../views/components/tag-list.js';
import { cardSetUrl, subjectUrl, topicUrl } from '../views/urls.js';

interface CardSetPageProps {
  page: PageContext;
  data: CardSetPageData;
  /** Includes views not yet written to the database. */
  /** Formatted, e.g. "1,204". */
  views: string;
  /** Community forms (comment, rating, save) re-rendered with their problems. */
  forms?: CardSetPageForms;
}

/** What kind of card it is, when not a plain one, and its tags. */
function CardMarks({ card }: { card: Card }) {
  const reversed = card.kind === 'basic' && card.reversible && (card.title ?? '').trim() !== '';
  const deletions = card.kind === 'cloze' ? clozeNumbers(card.body).length : 0;
  if (!reversed && deletions === 0 && card.tags.length === 0) return null;
  return (
    <div class="card-marks">
      {reversed && <p class="card-kind">Studied both ways</p>}
      {deletions > 0 && (
        <p class="card-kind">
          Cloze card: {deletions === 1 ? '1 deletion' : `${deletions} deletions`}, each studied on its own
        </p>
      )}
      <TagList tags={card.tags} label="Tags of this card" />
    </div>
  );
}

/**
 * A card's front in Flashcards mode (card-set-page.js shows it): its title, or a question made from its
 * text, or a cloze card's text with every deletion a gap. Hidden on the page as it is without JavaScript.
 */
function FlashcardFront({ card }: { card: Card }) {
  return (
    <div class="card-front" hidden>
      {card.kind === 'cloze' ? (
        <div
          class="card-front-text card-body"
          dangerouslySetInnerHTML={{ __html: renderClozeFront(card.body) }}
        />
      ) : (
        <p class="card-front-text">{cardPrompt(card)}</p>
      )}
      <p class="card-front-hint" aria-hidden="true">
        Tap to flip
      </p>
    </div>
  );
}

/** The card set as a revision-resource page shows it: info, cards "n of N", comments, similar sets, see-all links. */
export function CardSetPage({ page, data, views, forms = {} }: CardSetPageProps) {
  const { set, similar, permissions } = data;
  const total = set.cards.length;
  const breadcrumbs: Crumb[] = [
    { label: 'Home', href: '/' },
    { label: set.subject.name, href: subjectUrl(set.subject) },
  ];
  if (set.topic !== null) breadcrumbs.push({ label: set.topic.name, href: topicUrl(set.subject, set.topic) });

  return (
    <Layout
      page={page}
      title={set.title}
      description={set.subtitle ?? `${total} revision cards on ${set.subject.name}`}
      breadcrumbs={breadcrumbs}
      scripts={['card-set-page.js']}
    >
      <article class="card-set" aria-labelledby="set-title">
        <header class="card-set-header">
          <HiddenSetNotice data={data} />
          <h1 id="set-title">{set.title}</h1>
          {set.subtitle !== null && <p class="subtitle">{set.subtitle}</p>}
          <TagList tags={set.tags} label="Tags of this set" />
          <SetStudyActions setId={set.id}>
            <SaveMenu page={page} data={data} state={forms.save ?? emptyForm()} />
          </SetStudyActions>
          {set.visibility !== 'public' && (
            <p class="badge">
              {set.visibility === 'private'
                ? 'Private: only you can see this set'
                : 'Unlisted: only people with the link'}
            </p>
          )}
          {permissions.canEdit && (
            <ul class="set-actions">
              <li>
                <a href={`/sets/${set.id}/edit`}>Edit</a>
              </li>
              <li>
                <a href={`/sets/${set.id}/history`}>History</a>
              </li>
              <li>
                <a href={`/sets/${set.id}/delete`}>Delete</a>
              </li>
            </ul>
          )}
          <SetFileLinks set={set} />
        </header>

        <details class="resource-info">
          <summary>
            <span class="when-closed">Show</span>
            <span class="when-open">Hide</span> resource information
          </summary>
          <dl>
            <dt>Created by</dt>
            <dd>{set.author.displayName}</dd>
            <dt>Created on</dt>
            <dd>
              <time dateTime={isoDate(set.createdAt)}>{formatDate(set.createdAt)}</time>
            </dd>
            <dt>Subject</dt>
            <dd>
              <a href={subjectUrl(set.subject)}>{set.subject.name}</a>
            </dd>
            <dt>Topic</dt>
            <dd>
              {set.topic === null ? 'None' : <a href={topicUrl(set.subject, set.topic)}>{set.topic.name}</a>}
            </dd>
            <dt>Level</dt>
            <dd>{set.level ?? 'Not given'}</dd>
            <dt>Exam board</dt>
            <dd>{set.examBoard ?? 'Not given'}</dd>
            <dt>Number of cards</dt>
            <dd>{total}</dd>
            <dt>Views</dt>
            <dd>{views}</dd>
            <dt>Rating</dt>
            <dd>{ratingText(data.community.rating.summary)}</dd>
          </dl>
        </details>

        <section class="cards" aria-labelledby="cards-heading" data-carousel>
          <h2 id="cards-heading" class="visually-hidden">
            Cards
          </h2>
          <ol class="card-list">
            {set.cards.map((card, index) => {
              const n = index + 1;
              return (
                <li class="card" id={`card-${n}`} key={n} data-card>
                  <article aria-label={`Card ${n} of ${total}`}>
                    <FlashcardFront card={card} />
                    <div class="card-back">
                      {card.title !== null && <h3 class="card-title">{card.title}</h3>}
                      <div
                        class="card-body"
                        dangerouslySetInnerHTML={{ __html: data.cardHtml[index] ?? renderCardBody(card) }}
                      />
                      <CardMarks card={card} />
                    </div>
                    <footer class="card-footer">
                      {n > 1 ? (
                        <a class="card-nav" href={`#card-${n - 1}`} rel="prev">
                          <span aria-hidden="true">← </span>Previous<span class="visually-hidden"> card</span>
                        </a>
                      ) : (
                        <span class="card-nav card-nav-none" />
                      )}
                      <span class="card-count">
                        {n} of {total}
                      </span>
                      {n < total ? (
                        <a class="card-nav" href={`#card-${n + 1}`} rel="next">
                          Next<span class="visually-hidden"> card</span>
                          <span aria-hidden="true"> →</span>
                        </a>
                      ) : (
                        <span class="card-nav card-nav-none" />
                      )}
                    </footer>
                  </article>
                </li>
              );
            })}
          </ol>
        </section>

        <TakePartSection page={page} data={data} forms={forms} />

        <CommentsSection page={page} data={data} state={forms.comment} />

        <section class="similar" aria-labelledby="similar-heading">
          <h2 id="similar-heading">Similar {set.subject.name} resources</h2>
          {similar.length === 0 ? (
            <p class="empty">No similar resources yet.</p>
          ) : (
            <ul class="similar-list">
              {similar.map((other) => (
                <li key={other.id}>
                  <a href={cardSetUrl(other)}>{other.title}</a>
                  {other.subtitle !== null && <span class="similar-subtitle"> {other.subtitle}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>

        <p class="see-all">
          <a href={subjectUrl(set.subject)}>See all {set.subject.name} resources »</a>
          {set.topic !== null && (
            <a href={topicUrl(set.subject, set.topic)}>See all {set.topic.name} resources »</a>
          )}
        </p>
      </article>
    </Layout>
  );
}
