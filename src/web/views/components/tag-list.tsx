/** A set's or a card's tags, each a link to the sets that carry it. */
export const tagSearchUrl = (tag: string): string => `/search?tag=${encodeURIComponent(tag)}`;

export function TagList({ tags, label }: { tags: readonly string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tag-list" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag}>
          <a class="tag" href={tagSearchUrl(tag)}>
            {tag}
          </a>
        </li>
      ))}
    </ul>
  );
}
