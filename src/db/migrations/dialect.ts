import { PostgresAdapter, type Kysely } from 'kysely';

/** Migrations branch explicitly where the engines differ. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
