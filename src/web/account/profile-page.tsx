/** /users/:handle: who a member is and the card sets they share (and, to themselves, all of theirs). */
import type { Profile } from '../../services/profiles.js';
import { formatDate, isoDate, plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

const VISIBILITY_NOTE = { public: null, unlisted: 'Unlisted', private: 'Private' } as const;

export function ProfilePage({ page, profile }: { page: PageContext; profile: Profile }) {
  const heading = profile.isYou ? 'Your card sets' : `Card sets by ${profile.displayName}`;
  return (
    <Layout
      page={page}
      title={`${profile.displayName} (@${profile.handle})`}
      description={`Revision card sets shared by ${profile.displayName}.`}
      breadcrumbs={[{ label: 'Home', href: '/' }]}
    >
      <header class="profile-header">
        <h1>{profile.displayName}</h1>
        <p class="profile-handle">@{profile.handle}</p>
        <p>
          Joined on <time dateTime={isoDate(profile.joinedAt)}>{formatDate(profile.joinedAt)}</time>
        </p>
        {profile.isYou && (
          <ul class="set-actions">
            <li>
              <a href="/sets/new">Write a new set</a>
            </li>
            <li>
              <a href="/me/folders">My folders</a>
            </li>
            <li>
              <a href="/me/password">Change password</a>
            </li>
          </ul>
        )}
      </header>
      <section aria-labelledby="profile-sets-heading">
        <h2 id="profile-sets-heading">{heading}</h2>
        {profile.isYou && (
          <p class="hint">Only you see your unlisted and private sets here; others see your public sets.</p>
        )}
        {profile.sets.length === 0 ? (
          <p class="empty">
            {profile.isYou ? 'You have not written any card sets yet.' : 'No public card sets yet.'}
          </p>
        ) : (
          <ul class="set-list">
            {profile.sets.map(({ set, hidden }) => {
              const note = VISIBILITY_NOTE[set.visibility];
              return (
                <li key={set.id} class="set-list-item">
                  <h3 class="set-list-title">
                    <a href={cardSetUrl(set)}>{set.title}</a>{' '}
                    {note !== null && <span class="badge">{note}</span>}{' '}
                    {hidden && <span class="badge badge-hidden">Hidden by a moderator</span>}
                  </h3>
                  {set.subtitle !== null && <p class="set-list-subtitle">{set.subtitle}</p>}
                  <p class="set-list-meta">
                    {[
                      set.subject.name,
                      set.topic?.name,
                      plural(set.cardCount, 'card'),
                      set.level,
                      set.examBoard,
                    ]
                      .filter((part) => part !== undefined && part !== null)
                      .join(' · ')}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        {profile.truncated && <p class="hint">Showing the newest {profile.sets.length} sets.</p>}
      </section>
    </Layout>
  );
}
