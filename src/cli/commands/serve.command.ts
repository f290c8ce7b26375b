import type { Command } from 'commander';
import { startServer, stopOnSignals } from '../../app/start.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the web server (PORT, HOST and DATABASE_URL from the environment). Imports the demo content into an empty database.',
    )
    .action(async () => {
      const server = await startServer();
      server.container.logger.info(`Recall is running at ${server.url}`);
      stopOnSignals(server);
    });
}
