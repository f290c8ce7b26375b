import type { CardSetSummary } from '../../../domain/card-set.js';
import { plural } from '../format.js';
import { cardSetUrl } from '../urls.js';

/** A list of card sets as links with their subject, topic, size and level. */
export function SetList({ sets, headingLevel = 3 }: { sets: CardSetSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="set-list">
      {sets.map((set) => (
        <li key={set.id} class="set-list-item">
          <Heading class="set-list-title">
            <a href={cardSetUrl(set)}>{set.title}</a>
          </Heading>
          {set.subtitle !== null && <p class="set-list-subtitle">{set.subtitle}</p>}
          <p class="set-list-meta">
            {[set.subject.name, set.topic?.name, plural(set.cardCount, 'card'), set.level, set.examBoard]
              .filter((part) => part !== undefined && part !== null)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "Next page" for keyset-paginated listings. */
export function NextPageLink({ href }: { href: string | null }) {
  if (href === null) return null;
  return (
    <p class="pagination">
      <a href={href} rel="next">
        Next page »
      </a>
    </p>
  );
}
