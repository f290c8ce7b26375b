import type { ComponentChildren } from 'preact';

/** Study, Test yourself and Timeline for a set: the same links for every visitor (the set page is cached). */
export type StudyPageName = 'study' | 'test' | 'timeline';

const LINKS: readonly { name: StudyPageName; label: string }[] = [
  { name: 'study', label: 'Study' },
  { name: 'test', label: 'Test yourself' },
  { name: 'timeline', label: 'Timeline' },
];

export function StudyLinks({ setId, current }: { setId: number; current?: StudyPageName }) {
  return (
    <nav class="study-links" aria-label="Study this set">
      <ul>
        {LINKS.map((link) => (
          <li key={link.name}>
            <a
              href={`/sets/${setId}/${link.name}`}
              class="study-link"
              aria-current={current === link.name ? 'page' : undefined}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The set page's actions: Study, its one primary action, then the other two ways to learn it (and Save). */
export function SetStudyActions({ setId, children }: { setId: number; children?: ComponentChildren }) {
  return (
    <div class="set-study-actions" role="group" aria-label="Study this set">
      <a href={`/sets/${setId}/study`} class="button button-large" data-primary-action>
        Study
      </a>
      {LINKS.filter((link) => link.name !== 'study').map((link) => (
        <a key={link.name} href={`/sets/${setId}/${link.name}`} class="button button-secondary button-small">
          {link.label}
        </a>
      ))}
      {children}
    </div>
  );
}
