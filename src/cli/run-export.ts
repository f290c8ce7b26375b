/** `recall export SET_ID`: the set in one of the six formats, to a file or standard output. */
import { writeFile } from 'node:fs/promises';
import { isFormatId, type FormatId } from '../formats/card-set-format.js';
import { formatById, formatOfFileName } from '../formats/registry.js';
import { exportCardSet, OPERATOR } from '../services/card-set-export.js';
import { CliUsageError } from './cli-errors.js';
import { assertDatabaseExists } from './existing-database.js';

export async function runExport(id: number, options: { format?: FormatId; output?: string }): Promise<void> {
  const toStdout = options.output === undefined || options.output === '-';
  const named = toStdout ? undefined : formatOfFileName(options.output!)?.id;
  const formatId = options.format ?? (named !== undefined && isFormatId(named) ? named : undefined);
  if (formatId === undefined) {
    throw new CliUsageError(
      'Choose a format with --format (revision-text, tsv, csv, apkg, json or markdown), or an output file with its extension.',
    );
  }
  if (toStdout && formatId === 'apkg' && process.stdout.isTTY) {
    throw new CliUsageError(
      'An Anki package is binary: write it to a file with -o FILE.apkg, or redirect standard output.',
    );
  }
  const { loadConfig } = await import('../app/config.js');
  const { createContainer } = await import('../app/container.js');
  const config = loadConfig({ ...process.env, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' });
  assertDatabaseExists(config.databaseUrl);
  const container = await createContainer(config);
  try {
    const file = await exportCardSet(container.ctx, OPERATOR, id, formatId);
    if (toStdout) {
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(file.bytes, (error) => (error ? reject(error) : resolve())),
      );
      return;
    }
    await writeFile(options.output!, file.bytes);
    process.stdout.write(
      `Exported "${file.set.title}" (${file.set.cards.length} cards) as ${formatById(formatId).label}: ${options.output!}\n`,
    );
  } finally {
    await container.close();
  }
}
