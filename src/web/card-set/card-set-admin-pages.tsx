import type { CardSetSummary } from '../../domain/card-set.js';
import type { Revision } from '../../services/card-set-editing.js';
import { CsrfField } from '../views/components/form.js';
import { formatDate, isoDate } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

export function DeleteSetPage({ page, set }: { page: PageContext; set: CardSetSummary }) {
  return (
    <Layout page={page} title={`Delete “${set.title}”`}>
      <h1>Delete “{set.title}”?</h1>
      <p>This deletes the set, its {set.cardCount} cards, its comments and ratings. It cannot be undone.</p>
      <form method="post" action={`/sets/${set.id}/delete`} class="form">
        <CsrfField token={page.csrf()} />
        <button type="submit" class="button button-danger">
          Delete the set
        </button>{' '}
        <a href={cardSetUrl(set)}>Keep it</a>
      </form>
    </Layout>
  );
}

export function HistoryPage({
  page,
  set,
  revisions,
}: {
  page: PageContext;
  set: CardSetSummary;
  revisions: Revision[];
}) {
  return (
    <Layout
      page={page}
      title={`History of “${set.title}”`}
      breadcrumbs={[
        { label: 'Home', href: '/' },
        { label: set.title, href: cardSetUrl(set) },
      ]}
    >
      <h1>History of “{set.title}”</h1>
      <ol class="revision-list" reversed>
        {revisions.map((revision) => (
          <li key={revision.revision}>
            <strong>Revision {revision.revision}</strong>:{' '}
            <a href={`/users/${revision.editor.handle}`}>{revision.editor.displayName}</a> on{' '}
            <time dateTime={isoDate(revision.createdAt)}>{formatDate(revision.createdAt)}</time>.{' '}
            {revision.summary}.
          </li>
        ))}
      </ol>
    </Layout>
  );
}
