import { sql, type RawBuilder } from 'kysely';
import { tagKey } from '../../domain/tags.js';

/** The sets (aliased `s`) a tag applies to, on either engine: tagged themselves, or with a tagged card. */
export const taggedWith = (tag: string): RawBuilder<unknown> => {
  const key = tagKey(tag);
  return sql`(s.id in (select card_set_id from card_set_tags where tag_key = ${key}) or s.id in (select card_set_id from card_tags where tag_key = ${key}))`;
};
