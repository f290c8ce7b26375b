/**
 * The `recall` command. Exit codes: 0 success, 1 error (one line on stderr), 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.js';
import { registerBackupCommands } from './commands/backup.command.js';
import { registerExportCommand } from './commands/export.command.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerUserCommand } from './commands/user.command.js';
import { CliUsageError } from './cli-errors.js';

const program = new Command()
  .name('recall')
  .description('Recall: revision cards you remember. Configure with PORT, HOST, DATABASE_URL.')
  .showHelpAfterError()
  .exitOverride()
  .addHelpText(
    'after',
    `
Run "recall help <command>" for a command's options and examples.
Exit codes: 0 success; 1 error (one line on standard error, starting "recall: "); 2 usage error.`,
  );

registerServeCommand(program);
registerImportCommand(program);
registerExportCommand(program);
registerBackupCommands(program);
registerMigrateCommand(program);
registerUserCommand(program);

function describe(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.details.map((problem) => `${problem.field}: ${problem.message}`);
    return details.length > 0 && error.code !== 'parse'
      ? `${error.message} ${details.join('; ')}`
      : error.message;
  }
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT' && 'path' in error) {
    return `No such file: ${String(error.path)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// `recall export … | head` closes our standard output early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are successes; anything else commander rejects is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  process.stderr.write(
    `recall: ${describe(error)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' ')}\n`,
  );
  process.exit(error instanceof CliUsageError ? 2 : 1);
}
