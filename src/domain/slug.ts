/** URL slugs: lower-case ASCII words joined by hyphens, derived from a title or a name. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    // Runs are single hyphens by now: trim one at each end.
    .replace(/^-|-$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') : slug;
  return cut === '' ? 'untitled' : cut;
}

/** Words that follow /sets/:id/ in Recall's own addresses: a set's slug must never be one of them. */
const SET_PAGE_WORDS = new Set([
  'edit',
  'delete',
  'history',
  'print',
  'export',
  'study',
  'test',
  'timeline',
  'reports',
  'comments',
  'rating',
  'folders',
  'similar',
]);

/** The slug in a card set's address, /sets/:id/:slug. */
export function cardSetSlug(title: string): string {
  const slug = slugify(title);
  return SET_PAGE_WORDS.has(slug) ? `${slug}-set` : slug;
}
