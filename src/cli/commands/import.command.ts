import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  EXAM_BOARDS,
  LEVELS,
  VISIBILITIES,
  type ExamBoard,
  type Level,
  type Visibility,
} from '../../domain/card-set.js';
import type { ImportCardSetInput } from '../../services/import-card-set.js';

interface ImportOptions {
  subject?: string;
  topic?: string;
  level?: Level;
  examBoard?: ExamBoard;
  visibility: Visibility;
  dryRun?: boolean;
  json?: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import a card set from revision-card text (the format of content/demo/*.txt) and print its URL.',
    )
    .argument('<file>', 'the text file to read')
    .option('--subject <name>', 'subject, when the text has no "See all … resources" line (overrides it)')
    .option('--topic <name>', 'topic, likewise')
    .addOption(new Option('--level <level>', 'level').choices(LEVELS))
    .addOption(new Option('--exam-board <board>', 'exam board').choices(EXAM_BOARDS))
    .addOption(
      new Option('--visibility <visibility>', 'who can see it').choices(VISIBILITIES).default('public'),
    )
    .option('--dry-run', 'parse and check only; store nothing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: ImportOptions) => {
      // Loaded when used, so that `recall --help` and other commands start fast.
      const { parseRevisionText } = await import('../../formats/revision-text/parse-revision-text.js');
      const { draftFromImport, importCardSet } = await import('../../services/import-card-set.js');
      const { CLI_IMPORT_AUTHOR } = await import('../../services/system-users.js');
      const text = await readFile(file, 'utf8');
      const input: ImportCardSetInput = {
        parsed: parseRevisionText(text),
        subject: options.subject,
        topic: options.topic,
        level: options.level ?? null,
        examBoard: options.examBoard ?? null,
        visibility: options.visibility,
        author: CLI_IMPORT_AUTHOR,
      };
      const draft = draftFromImport(input);
      if (options.dryRun === true) {
        process.stdout.write(
          options.json === true
            ? `${JSON.stringify(draft, null, 2)}\n`
            : `${draft.title}: ${draft.cards.length} cards (${draft.subject}${draft.topic === null ? '' : ` / ${draft.topic}`}). Dry run: nothing stored.\n`,
        );
        return;
      }
      const { loadConfig } = await import('../../app/config.js');
      const { createContainer } = await import('../../app/container.js');
      const { slugify } = await import('../../domain/slug.js');
      const config = loadConfig({ ...process.env, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' });
      const container = await createContainer(config);
      try {
        const imported = await importCardSet(container.ctx, input);
        const url = `${config.publicUrl}/sets/${imported.id}/${slugify(imported.title)}`;
        process.stdout.write(
          options.json === true
            ? `${JSON.stringify({ ...imported, url })}\n`
            : `Imported "${imported.title}" (${imported.cardCount} cards): ${url}\n`,
        );
      } finally {
        await container.close();
      }
    });
}
