import { Option, type Command } from 'commander';
import { EXAM_BOARDS, LEVELS, VISIBILITIES } from '../../domain/card-set.js';
import { IMPORT_FORMAT_IDS } from '../../formats/card-set-format.js';
import { QUOTE_MODES } from '../../formats/term-list/term-list-layout.js';
import { TEXT_ENCODINGS } from '../../formats/text-input.js';
import type { ImportOptions } from '../run-import.js';

const HELP = `
Formats: revision-text (the seed's "n of N" cards), tsv and csv (term lists, as Quizlet, Anki and
spreadsheets write them), apkg (Anki packages), json (Recall JSON), markdown, and other flashcard apps'
notes: obsidian (Spaced Repetition plugin), logseq (#card blocks), remnote, mochi (.mochi or Markdown).
Each file's format is detected from its content (its extension breaks ties); --format reads every file as
one format. A file that cannot be read says which format it was taken for and what that format expects.

Term lists: the separators, quoting and header row are detected (Quizlet's Tab / New line, Comma /
Semicolon and Tab / Semicolon exports, spreadsheets' CSV in any encoding); say them with --separator
(tab, comma, semicolon, dash, or any text such as " = "), --row-separator (newline, semicolon, or any text),
--quotes (csv: RFC 4180 quoting; text: quotes are part of the words), --header / --no-header. Text is
decoded as UTF-8, UTF-16 (with or without a byte-order mark) or Windows-1252, whichever fits; --encoding
chooses one.

Folders are searched recursively. Hidden files are left out, and files found in a folder whose format
is not recognised are skipped and listed in the summary.

A set may hold at most 500 cards: a longer one (a big term list or Anki deck) is split into parts of
at most 500 cards, in order, titled "Title (part 2 of 200)".

On failure: every file is read and checked before anything is stored, so a file that cannot be read
(or a set that is not valid) stops the import with its error, naming the file and line, and nothing is
stored; with --skip-errors such files are skipped and listed instead. Sets are then stored in batches,
one transaction each: a file's sets are never split, so every file lands whole or not at all, even if
the process is killed; small files share a batch of up to 5,000 cards. If storing fails part-way (a
database error), the files already stored stay stored, and the error says how many sets that is.

Progress: a bar on standard error when it is a terminal; otherwise a line at every tenth on standard
output (standard error then holds nothing but the one-line error, if there is one); nothing with --json.
A summary ends the output: sets, cards, files, seconds, cards per second, skipped files with reasons.
With --json, standard output has one JSON object per set (JSON Lines) and nothing else.

Examples:
  recall import content/demo/*.txt
  recall import my-notes/ --skip-errors
  recall import deck.apkg --subject Spanish --visibility private
  recall import decks/ --subject Biology --override
  recall import words.txt --format tsv --separator " - " --subject French --topic Verbs
  recall import quizlet.txt --separator comma --row-separator semicolon --subject Biology
  recall import vokabeln.csv --encoding windows-1252 --no-header --subject German
  recall import notes.txt --dry-run --json
`;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import card sets from files or folders and print their URLs.')
    .argument('<path...>', 'files, or folders to search for files')
    .addOption(new Option('--format <format>', 'read every file as this format').choices(IMPORT_FORMAT_IDS))
    .option(
      '--separator <text>',
      'term lists: the separator between term and definition (e.g. " - ", or tab, comma, semicolon, dash, pipe)',
    )
    .option(
      '--row-separator <text>',
      'term lists: the separator between rows (newline, semicolon, or any text)',
    )
    .addOption(
      new Option('--quotes <mode>', 'term lists: csv (RFC 4180 quoting) or text (quotes are words)').choices(
        QUOTE_MODES,
      ),
    )
    .option('--header', 'term lists: the first row names the columns')
    .option('--no-header', 'term lists: the first row is a card')
    .addOption(
      new Option('--encoding <encoding>', 'text files: decode as this encoding').choices(TEXT_ENCODINGS),
    )
    .option('--subject <name>', 'subject of the sets whose file names none (required when one names none)')
    .option('--topic <name>', 'topic of the sets whose file names none')
    .option('--override', '--subject and --topic replace the subject and topic that files name')
    .addOption(new Option('--level <level>', 'level').choices(LEVELS))
    .addOption(new Option('--exam-board <board>', 'exam board').choices(EXAM_BOARDS))
    .addOption(
      new Option('--visibility <visibility>', 'who can see the sets').choices(VISIBILITIES).default('public'),
    )
    .option(
      '--learner <handle>',
      "bring the files' review history (Anki's revlog) as this member's progress: their schedule carries on",
    )
    .option('--dry-run', 'read and check only; store nothing')
    .option('--json', 'print one JSON object per set (JSON Lines); no progress or summary')
    .option('--skip-errors', 'skip files that cannot be read (listed in the summary) instead of stopping')
    .addHelpText('after', HELP)
    .action(async (paths: string[], options: ImportOptions) => {
      // Loaded when used, so that `recall --help` and other commands start fast.
      const { runImport } = await import('../run-import.js');
      await runImport(paths, options);
    });
}
