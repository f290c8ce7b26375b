import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the web server (PORT, HOST and DATABASE_URL from the environment). Imports the demo content into an empty database.',
    )
    .action(async () => {
      // Loaded when used, so that `recall --help` and other commands start fast.
      const { startServer, stopOnSignals } = await import('../../app/start.js');
      const server = await startServer();
      server.container.logger.info(`Recall is running at ${server.url}`);
      stopOnSignals(server);
    });
}
