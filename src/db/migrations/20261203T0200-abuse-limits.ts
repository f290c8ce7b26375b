/**
 * Limits against abuse (issue 19, points 4 and 5). Frozen in time.
 *
 * - `rate_limits` becomes one row per key holding a GCRA "theoretical arrival time" (a token bucket in
 *   one number): a burst, then a steady rate, sliding rather than reset at window edges.
 * - `login_failures`: failed log-ins per key (account and client, account, client, trusted device),
 *   for growing delays instead of a lockout that strangers can renew.
 * - `set_views` and `view_salts`: which visitor (a salted hash, or a member) has been counted for which
 *   set on which day, so that a reload the same day does not count again; salts older than a day are
 *   deleted, which makes older hashes unlinkable.
 * - Emails move to `user_emails`, where one address may belong to several accounts: sign-up must not
 *   tell a stranger that an email is registered, so it can no longer be refused as taken. (SQLite
 *   cannot drop the UNIQUE of `users.email` inside the migrations' transaction, and rebuilding `users`
 *   there would rewrite or cascade into every table that references it; the old column stays, empty.)
 *   `verified_at` is for account recovery, when Recall sends email.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    // When the bucket is empty again (epoch ms); a request is allowed while tat - now ≤ tolerance_ms.
    .addColumn('tat', 'bigint', (c) => c.notNull())
    .addColumn('interval_ms', 'bigint', (c) => c.notNull())
    .addColumn('tolerance_ms', 'bigint', (c) => c.notNull())
    // Whether the last request counted against this key was allowed (what the upsert decided).
    .addColumn('allowed', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_tat_idx').on('rate_limits').column('tat').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failures_last_idx')
    .on('login_failures')
    .column('last_failed_at')
    .execute();

  await db.schema
    .createTable('view_salts')
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .addColumn('salt', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('set_views')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('card_set_id', 'integer', (c) => c.notNull().references('card_sets.id').onDelete('cascade'))
    .addColumn('visitor', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('set_views_pk', ['day', 'card_set_id', 'visitor'])
    .execute();
  await db.schema.createIndex('set_views_set_idx').on('set_views').column('card_set_id').execute();

  await db.schema
    .createTable('user_emails')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addColumn('verified_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('user_emails_email_idx')
    .on('user_emails')
    .columns(['email', 'user_id'])
    .execute();
  await sql`insert into user_emails (user_id, email, added_at) select id, email, created_at from users where email is not null`.execute(
    db,
  );
  await sql`update users set email = null`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  // The first account of each address gets it back (the column is unique again).
  await sql`update users set email = (select e.email from user_emails e where e.user_id = users.id and not exists (select 1 from user_emails f where f.email = e.email and f.user_id < e.user_id))`.execute(
    db,
  );
  await db.schema.dropTable('user_emails').execute();
  await db.schema.dropTable('set_views').execute();
  await db.schema.dropTable('view_salts').execute();
  await db.schema.dropTable('login_failures').execute();
  await db.schema.dropTable('rate_limits').execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
}
