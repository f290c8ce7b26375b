import type {
  ListingOrder,
  SubjectPage as SubjectPageData,
  TopicPage as TopicPageData,
} from '../../services/browse.js';
import { NextPageLink, SetList } from '../views/components/set-list.js';
import { plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { subjectUrl, topicUrl } from '../views/urls.js';

const ORDER_LABELS: Record<ListingOrder, string> = {
  newest: 'Newest',
  views: 'Most viewed',
  rating: 'Top rated',
};

const withOrder = (base: string, order: ListingOrder) =>
  order === 'newest' ? base : `${base}?order=${order}`;

const nextPageHref = (base: string, order: ListingOrder, cursor: string | null) =>
  cursor === null
    ? null
    : `${withOrder(base, order)}${order === 'newest' ? '?' : '&'}after=${encodeURIComponent(cursor)}`;

/** Newest · Most viewed · Top rated, the current one marked. */
function OrderLinks({ base, current }: { base: string; current: ListingOrder }) {
  return (
    <nav class="order-links" aria-label="Order">
      <ul>
        {(Object.keys(ORDER_LABELS) as ListingOrder[]).map((order) => (
          <li key={order}>
            <a href={withOrder(base, order)} aria-current={order === current ? 'page' : undefined}>
              {ORDER_LABELS[order]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SubjectPage({ page, data }: { page: PageContext; data: SubjectPageData }) {
  const { subject, topics, sets } = data;
  return (
    <Layout
      page={page}
      title={`${subject.name} resources`}
      description={`Revision card sets in ${subject.name}.`}
      breadcrumbs={[{ label: 'Home', href: '/' }]}
    >
      <h1>{subject.name} resources</h1>
      {topics.length > 0 && (
        <section aria-labelledby="topics-heading">
          <h2 id="topics-heading">Topics</h2>
          <ul class="subject-list">
            {topics.map((topic) => (
              <li key={topic.slug}>
                <a href={topicUrl(subject, topic)}>{topic.name}</a>{' '}
                <span class="count">{plural(topic.setCount, 'set')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="sets-heading">
        <h2 id="sets-heading">Card sets</h2>
        <OrderLinks base={subjectUrl(subject)} current={data.order} />
        {sets.items.length === 0 ? (
          <p class="empty">No card sets here yet.</p>
        ) : (
          <SetList sets={sets.items} />
        )}
        <NextPageLink href={nextPageHref(subjectUrl(subject), data.order, sets.nextCursor)} />
      </section>
    </Layout>
  );
}

export function TopicPage({ page, data }: { page: PageContext; data: TopicPageData }) {
  const { subject, topic, sets } = data;
  return (
    <Layout
      page={page}
      title={`${topic.name} resources`}
      description={`Revision card sets on ${topic.name} (${subject.name}).`}
      breadcrumbs={[
        { label: 'Home', href: '/' },
        { label: subject.name, href: subjectUrl(subject) },
      ]}
    >
      <h1>{topic.name} resources</h1>
      <p class="lede">
        A topic in <a href={subjectUrl(subject)}>{subject.name}</a>.
      </p>
      <OrderLinks base={topicUrl(subject, topic)} current={data.order} />
      {sets.items.length === 0 ? (
        <p class="empty">No card sets here yet.</p>
      ) : (
        <SetList sets={sets.items} headingLevel={2} />
      )}
      <NextPageLink href={nextPageHref(topicUrl(subject, topic), data.order, sets.nextCursor)} />
    </Layout>
  );
}
