/** Starts Recall: container, server, listening, and a graceful shutdown on SIGTERM / SIGINT. */
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.js';
import { createContainer, type Container } from './container.js';
import { buildServer } from './server.js';

export interface RunningServer {
  app: FastifyInstance;
  container: Container;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(
  config: Readonly<Config> = loadConfig(process.env),
): Promise<RunningServer> {
  const container = await createContainer(config);
  const app = await buildServer(container);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop accepting, let requests in flight finish, then flush view counts and close the database.
      await app.close();
      await container.close();
    })());
  app.addHook('onClose', async () => {
    container.logger.info('server stopped');
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  return { app, container, url, stop };
}

export function stopOnSignals(server: RunningServer): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.container.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.container.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
