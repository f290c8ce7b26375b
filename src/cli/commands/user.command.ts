import { Option, type Command } from 'commander';
import type { Container } from '../../app/container.js';
import { ROLES } from '../../domain/account.js';
import type { Role } from '../../domain/viewer.js';
import { CliUsageError } from '../cli-errors.js';

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const fromEnv = process.env.RECALL_USER_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  throw new CliUsageError(
    'Give the password on standard input with --password-stdin, or in RECALL_USER_PASSWORD.',
  );
}

async function withContainer<T>(work: (container: Container) => Promise<T>) {
  // Loaded when used, so that `recall --help` and other commands start fast.
  const { loadConfig } = await import('../../app/config.js');
  const { createContainer } = await import('../../app/container.js');
  const { assertDatabaseExists } = await import('../existing-database.js');
  const config = loadConfig({ ...process.env, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' });
  assertDatabaseExists(config.databaseUrl);
  const container = await createContainer(config);
  try {
    return await work(container);
  } finally {
    await container.close();
  }
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('Manage accounts (for example, create the first admin).');
  user
    .command('create')
    .description('Create an account with a password and a role.')
    .requiredOption('--handle <handle>', 'the account handle (lower-case letters, digits, - and _)')
    .requiredOption('--email <email>', 'email address')
    .option('--name <display name>', 'the name shown on the site (default: the handle)')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).default('member'))
    .option('--password-stdin', 'read the password from the first line of standard input')
    .addHelpText(
      'after',
      '\nThe password (at least 10 characters) comes from the first line of standard input with\n' +
        '--password-stdin, or from the RECALL_USER_PASSWORD environment variable; one of them is required.\n\n' +
        'Example:\n  echo "a long passphrase" | recall user create --handle ada --email ada@example.org --role admin --password-stdin',
    )
    .action(
      async (options: {
        handle: string;
        email: string;
        name?: string;
        role: Role;
        passwordStdin?: boolean;
      }) => {
        const password = await readPassword(options.passwordStdin === true);
        const { createUser } = await import('../../services/auth/accounts.js');
        const created = await withContainer((container) =>
          createUser(container.ctx, {
            handle: options.handle,
            email: options.email,
            displayName: options.name ?? options.handle,
            password,
            role: options.role,
          }),
        );
        process.stdout.write(`Created ${options.role} "${created.handle}".\n`);
      },
    );
  user
    .command('promote')
    .description('Change the role of an account.')
    .argument('<handle>', 'the account handle')
    .addOption(new Option('--role <role>', 'the new role').choices(ROLES).default('admin'))
    .action(async (handle: string, options: { role: Role }) => {
      const { setRole } = await import('../../services/auth/accounts.js');
      await withContainer((container) => setRole(container.ctx, handle, options.role));
      process.stdout.write(`"${handle}" is now ${options.role === 'admin' ? 'an' : 'a'} ${options.role}.\n`);
    });
}
