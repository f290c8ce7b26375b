import type { HomePage as HomePageData } from '../../services/browse.js';
import { SetList } from '../views/components/set-list.js';
import { plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { subjectUrl } from '../views/urls.js';

export function HomePage({ page, data }: { page: PageContext; data: HomePageData }) {
  return (
    <Layout page={page} title="Revision cards" description="Revision card sets by subject and topic.">
      <h1>Revision cards</h1>
      <p class="lede">Read card sets by subject and topic, one card at a time.</p>
      <section aria-labelledby="subjects-heading">
        <h2 id="subjects-heading">Subjects</h2>
        {data.subjects.length === 0 ? (
          <p class="empty">No subjects yet.</p>
        ) : (
          <ul class="subject-list">
            {data.subjects.map((subject) => (
              <li key={subject.slug}>
                <a href={subjectUrl(subject)}>{subject.name}</a>{' '}
                <span class="count">{plural(subject.setCount, 'set')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.popular.length > 0 && (
        <section aria-labelledby="popular-heading">
          <h2 id="popular-heading">Popular card sets</h2>
          <SetList sets={data.popular} />
        </section>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent card sets</h2>
        {data.recent.length === 0 ? <p class="empty">No card sets yet.</p> : <SetList sets={data.recent} />}
      </section>
    </Layout>
  );
}
