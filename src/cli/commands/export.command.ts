import { Option, type Command } from 'commander';
import { FORMAT_IDS, type FormatId } from '../../formats/card-set-format.js';
import { CliUsageError } from '../cli-errors.js';

const HELP = `
Formats: revision-text (.txt), tsv, csv, apkg (an Anki package), json (Recall JSON, lossless), markdown.
Without --format, the extension of the output file decides. Without -o (or with -o -) the file goes to
standard output; an Anki package is binary and is not written to a terminal.
Private sets are exported too: the command line may read every set.

Examples:
  recall export 12 --format apkg -o persecution.apkg
  recall export 12 -o persecution.md
  recall export 12 --format json > backup.json
`;

interface ExportOptions {
  format?: FormatId;
  output?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write a card set to a file in any format.')
    .argument('<set-id>', "the number in the set's address, /sets/<set-id>/…")
    .addOption(new Option('--format <format>', 'the format to write').choices(FORMAT_IDS))
    .option('-o, --output <file>', 'the file to write; - for standard output (the default)')
    .addHelpText('after', HELP)
    .action(async (setId: string, options: ExportOptions) => {
      if (!/^[1-9]\d{0,9}$/.test(setId)) {
        throw new CliUsageError(`"${setId}" is not a set id: give the number in the set's address.`);
      }
      const { runExport } = await import('../run-export.js');
      await runExport(Number(setId), options);
    });
}
