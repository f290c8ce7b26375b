import type { Command } from 'commander';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (the server also does this when it starts).')
    .action(async () => {
      const { loadConfig } = await import('../../app/config.js');
      const { openDatabase, parseDatabaseUrl } = await import('../../db/database.js');
      const { migrateToLatest } = await import('../../db/migrate.js');
      const config = loadConfig(process.env);
      const database = openDatabase(parseDatabaseUrl(config.databaseUrl));
      try {
        const { applied } = await migrateToLatest(database.db);
        process.stdout.write(
          applied.length === 0 ? 'The database is up to date.\n' : `Applied: ${applied.join(', ')}\n`,
        );
      } finally {
        await database.close();
      }
    });
}
