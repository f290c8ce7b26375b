import type { Command } from 'commander';

const BACKUP_HELP = `
SQLite: an online backup (SQLite's backup API), safe while servers are running and writing: a
consistent snapshot, checked with integrity_check, written to a temporary file and renamed to FILE.
An existing FILE is not replaced unless --force is given.
PostgreSQL: prints the pg_dump command to run (connection details, never the password: pg_dump takes
it from PGPASSWORD or ~/.pgpass, or asks) and exits 0.
`;

const RESTORE_HELP = `
SQLite: FILE must be a backup of a Recall database. It is copied beside the database and the copy is
checked before anything in it is read: its migration history must be a start of this Recall's (none
newer), its schema exactly the tables, indexes, triggers and views those migrations create (nothing
added, such as a trigger or a view), then SQLite's integrity_check and foreign_key_check must pass. The
copy is migrated to this Recall's schema, and only then swapped in: stop the servers first (the restore
refuses while anything else has the database open); it is flushed to disk and renamed over the database
in one step, and the old database is kept as DATABASE.bak-<time>. Anything refused leaves the database
exactly as it was, and says why.
PostgreSQL: prints the pg_restore (or psql, for a plain SQL dump) command to run and exits 0.
`;

async function locate() {
  const { loadConfig } = await import('../../app/config.js');
  const { parseDatabaseUrl } = await import('../../db/database.js');
  const { systemClock } = await import('../../domain/clock.js');
  return {
    location: parseDatabaseUrl(loadConfig(process.env).databaseUrl),
    clock: systemClock,
  };
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Back up the database to FILE (SQLite); for PostgreSQL, print the pg_dump command.')
    .argument('<file>', 'the backup file to write')
    .option('--force', 'replace FILE if it exists')
    .addHelpText('after', BACKUP_HELP)
    .action(async (file: string, options: { force?: boolean }) => {
      const { backupDatabase } = await import('../../services/backup.js');
      const { location, clock } = await locate();
      const outcome = await backupDatabase(location, file, { force: options.force === true, clock });
      if (outcome.kind === 'postgres') {
        process.stdout.write(
          `The database is PostgreSQL: back it up with pg_dump (the password is not shown; pg_dump reads PGPASSWORD or ~/.pgpass):\n  ${outcome.command}\n`,
        );
        return;
      }
      process.stdout.write(
        `Backed up the database (${outcome.cardSets} card sets, ${(outcome.bytes / 1024 / 1024).toFixed(1)} MB) to ${outcome.file} in ${outcome.seconds.toFixed(1)} s.\n`,
      );
    });

  program
    .command('restore')
    .description('Replace the database with a backup (SQLite); for PostgreSQL, print the command.')
    .argument('<file>', 'a backup made by "recall backup"')
    .addHelpText('after', RESTORE_HELP)
    .action(async (file: string) => {
      const { restoreDatabase } = await import('../../services/backup.js');
      const { location, clock } = await locate();
      const outcome = await restoreDatabase(location, file, { clock });
      if (outcome.kind === 'postgres') {
        process.stdout.write(
          `The database is PostgreSQL: restore it with these commands (the password is not shown):\n${outcome.commands
            .map((command) => `  ${command}\n`)
            .join('')}`,
        );
        return;
      }
      process.stdout.write(
        `Restored ${file} (${outcome.cardSets} card sets) to ${outcome.database}.${
          outcome.previous === null ? '' : ` The previous database is kept as ${outcome.previous}.`
        }${outcome.applied.length > 0 ? ` Applied migrations: ${outcome.applied.join(', ')}.` : ''}\n`,
      );
    });
}
