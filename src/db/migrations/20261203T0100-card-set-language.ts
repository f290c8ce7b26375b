/**
 * A card set's language: a BCP 47 tag ("en", "fr", "pt-BR"), null when the author has not said. Self-tests
 * grade typed answers by its rules (accents, typos). Frozen in time.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('card_sets').addColumn('language', 'varchar(35)').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('card_sets').dropColumn('language').execute();
}
