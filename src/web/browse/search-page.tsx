import { EXAM_BOARDS, LEVELS } from '../../domain/card-set.js';
import { SEARCH_PAGE_SIZE, type SearchInput, type SearchOutcome } from '../../services/search.js';
import { Snippet } from '../views/components/snippet.js';
import { plural } from '../views/format.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { cardSetUrl } from '../views/urls.js';

interface SearchPageProps {
  page: PageContext;
  input: SearchInput;
  outcome: SearchOutcome | null;
  subjects: string[];
}

const SORT_LABELS = { relevance: 'Best match', newest: 'Newest', rating: 'Top rated' } as const;

function pageHref(input: SearchInput, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...input, page: page === 1 ? undefined : String(page) })) {
    if (value !== undefined && value !== '' && !(key === 'sort' && value === 'relevance'))
      params.set(key, String(value));
  }
  return `/search?${params.toString()}`;
}

export function SearchResults({ input, outcome }: { input: SearchInput; outcome: SearchOutcome | null }) {
  if (outcome === null) {
    return <p class="empty">Type a word, a "quoted phrase", or -a word to leave out; or choose a tag.</p>;
  }
  const { results, page, hasMore } = outcome;
  if (results.length === 0) {
    return (
      <p class="empty" data-result-count="0">
        {input.q.trim() === '' && input.tag !== undefined
          ? `No card sets you can see are tagged “${input.tag}”${page > 1 ? ' on this page' : ''}.`
          : `No card sets match “${input.q}”${input.tag !== undefined ? ` tagged “${input.tag}”` : ''}${page > 1 ? ' on this page' : ''}. Try fewer or other words.`}
      </p>
    );
  }
  const first = (page - 1) * SEARCH_PAGE_SIZE + 1;
  return (
    <>
      <p class="result-count" data-result-count={results.length}>
        Results {first}–{first + results.length - 1}
        {hasMore ? '' : ` (all ${plural(first + results.length - 1, 'match', 'matches')})`}
      </p>
      <ol class="set-list search-results" start={first}>
        {results.map(({ set, card, snippet }) => {
          const href = card === null ? cardSetUrl(set) : `${cardSetUrl(set)}#card-${card.position}`;
          return (
            <li key={set.id} class="set-list-item">
              <h2 class="set-list-title">
                <a href={href}>{set.title}</a>
              </h2>
              <p class="set-list-meta">
                {card !== null && (
                  <>
                    <a href={href}>
                      Card {card.position} of {set.cardCount}
                      {card.title !== null ? `: ${card.title}` : ''}
                    </a>
                    {' · '}
                  </>
                )}
                {[set.subject.name, set.topic?.name, set.level, set.examBoard].filter(Boolean).join(' · ')}
              </p>
              {snippet !== '' && (
                <p class="snippet">
                  <Snippet text={snippet} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <nav class="pagination" aria-label="Result pages">
        {page > 1 && (
          <a href={pageHref(input, page - 1)} rel="prev">
            « Previous page
          </a>
        )}{' '}
        {hasMore && (
          <a href={pageHref(input, page + 1)} rel="next">
            Next page »
          </a>
        )}
      </nav>
    </>
  );
}

function searchTitle(input: SearchInput): string {
  if (input.q !== '') return `“${input.q}”: search`;
  return input.tag === undefined ? 'Search' : `Tagged “${input.tag}”: search`;
}

export function SearchPage({ page, input, outcome, subjects }: SearchPageProps) {
  const select = (name: 'level' | 'examBoard', label: string, choices: readonly string[]) => (
    <div class="field">
      <label for={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name}>
        <option value="">Any</option>
        {choices.map((choice) => (
          <option key={choice} value={choice} selected={input[name] === choice}>
            {choice}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout page={page} title={searchTitle(input)} scripts={['search.js']}>
      <h1>
        {input.q.trim() === '' && input.tag !== undefined
          ? `Card sets tagged “${input.tag}”`
          : 'Search card sets'}
      </h1>
      <form method="get" action="/search" class="search-form" role="search" data-search>
        <div class="field search-box">
          <label for="search-q">Words to find</label>
          <input id="search-q" type="search" name="q" value={input.q} maxLength={200} autocomplete="off" />
          <button type="submit" class="button">
            Search
          </button>
        </div>
        <details
          class="search-filters"
          open={Boolean(input.subject || input.level || input.examBoard || input.topic || input.tag)}
        >
          <summary>Filters and order</summary>
          <div class="field-row">
            <div class="field">
              <label for="search-subject">Subject</label>
              <select id="search-subject" name="subject">
                <option value="">Any</option>
                {subjects.map((name) => (
                  <option key={name} value={name} selected={input.subject === name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="search-topic">Topic</label>
              <input id="search-topic" name="topic" value={input.topic ?? ''} maxLength={100} />
            </div>
            <div class="field">
              <label for="search-tag">Tag</label>
              <input id="search-tag" name="tag" value={input.tag ?? ''} maxLength={100} />
            </div>
          </div>
          <div class="field-row">
            {select('level', 'Level', LEVELS)}
            {select('examBoard', 'Exam board', EXAM_BOARDS)}
            <div class="field">
              <label for="search-sort">Order</label>
              <select id="search-sort" name="sort">
                {Object.entries(SORT_LABELS).map(([value, label]) => (
                  <option key={value} value={value} selected={(input.sort ?? 'relevance') === value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
      </form>
      <section aria-label="Results" aria-live="polite" data-search-results>
        <SearchResults input={input} outcome={outcome} />
      </section>
    </Layout>
  );
}
