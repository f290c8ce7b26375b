import { sql, type RawBuilder } from 'kysely';
import { LISTED } from '../repositories/card-set.repository.js';

/** The sets (aliased `s`) a searcher may find, on either engine: listed ones, and their own. */
export const visibleTo = (viewerId: number | null): RawBuilder<unknown> => {
  const listed = sql`(s.visibility = ${sql.lit(LISTED.visibility)} and s.status = ${sql.lit(LISTED.status)})`;
  return viewerId === null ? listed : sql`(${listed} or s.author_id = ${viewerId})`;
};
