/**
 * The layout choices of the web Import page and the API import, as the person importing makes them:
 * between term and definition tab, comma, dash or a custom string; between cards a new line, a semicolon or a
 * custom string; a header row yes, no or detected; an encoding or detected. Empty means "detect it".
 *
 * Checked here once for both ways in: a bad choice is a validation error naming its field.
 */
import { AppError, type FieldProblem } from '../domain/errors.js';
import { isTextEncoding, TEXT_ENCODINGS } from '../formats/text-input.js';
import { separatorLabel } from '../formats/term-list/term-list-layout.js';
import type { CardFile, LayoutOptions } from './card-file-reading/read-card-file.js';

/** The longest custom separator taken (Quizlet's own boxes are as short). */
export const CUSTOM_SEPARATOR_LENGTH = 20;

export const SEPARATOR_CHOICES = ['', 'tab', 'comma', 'dash', 'custom'] as const;
export const ROW_SEPARATOR_CHOICES = ['', 'newline', 'semicolon', 'custom'] as const;
export const HEADER_CHOICES = ['', 'yes', 'no'] as const;

export interface LayoutChoiceValues {
  separator?: string | undefined;
  separatorCustom?: string | undefined;
  rowSeparator?: string | undefined;
  rowSeparatorCustom?: string | undefined;
  header?: string | undefined;
  encoding?: string | undefined;
}

const isOneOf = <T extends string>(choices: readonly T[], value: string): value is T =>
  (choices as readonly string[]).includes(value);

/** A separator chosen from the list, or "custom" with its own box; anything else is taken as itself. */
function pick(
  problems: FieldProblem[],
  field: 'separator' | 'rowSeparator',
  choice: string,
  custom: string,
): string | undefined {
  if (choice === '') return undefined;
  const value = choice === 'custom' ? custom : choice;
  const customField = choice === 'custom' ? `${field}Custom` : field;
  const what = field === 'separator' ? 'between term and definition' : 'between cards';
  if (value === '') {
    problems.push({ field: customField, message: `Type the characters that stand ${what}.` });
    return undefined;
  }
  if (value.length > CUSTOM_SEPARATOR_LENGTH) {
    problems.push({
      field: customField,
      message: `A separator is at most ${CUSTOM_SEPARATOR_LENGTH} characters.`,
    });
    return undefined;
  }
  return value;
}

/** The choices as reading options; throws a validation error with a message per field at fault. */
export function readLayoutChoices(values: LayoutChoiceValues): LayoutOptions {
  const problems: FieldProblem[] = [];
  const separator = pick(problems, 'separator', values.separator ?? '', values.separatorCustom ?? '');
  const rowSeparator = pick(
    problems,
    'rowSeparator',
    values.rowSeparator ?? '',
    values.rowSeparatorCustom ?? '',
  );
  if (separator !== undefined && rowSeparator !== undefined && separator === rowSeparator) {
    problems.push({
      field: 'rowSeparator',
      message: 'Cards and their two sides need different separators.',
    });
  }
  const header = values.header ?? '';
  if (!isOneOf(HEADER_CHOICES, header))
    problems.push({ field: 'header', message: 'Choose yes, no, or leave it to Recall.' });
  const encoding = values.encoding ?? '';
  if (encoding !== '' && !isTextEncoding(encoding))
    problems.push({ field: 'encoding', message: `Choose one of ${TEXT_ENCODINGS.join(', ')}.` });
  if (problems.length > 0) throw new AppError('validation', 'Please correct the format options.', problems);
  return {
    separator,
    rowSeparator,
    header: header === 'yes' ? true : header === 'no' ? false : undefined,
    encoding: isTextEncoding(encoding) ? encoding : undefined,
  };
}

/**
 * A separator chosen that the text does not have leaves every card without a definition: say so, naming
 * the format and the first line, rather than import terms alone.
 */
export function checkChosenSeparatorFound(file: CardFile): void {
  const { reading, documents, format } = file;
  if (reading === null || reading.detected.separator) return;
  const cards = documents.flatMap((document) => document.cards);
  if (cards.length === 0 || cards.some((card) => card.body.trim() !== '')) return;
  const first = (cards[0]!.title ?? '').slice(0, 60);
  const message = `Line 1 (“${first}”) has no ${separatorLabel(reading.layout.separator)} between term and definition, nor has any other card (read as ${format.label}). Choose the separator the text uses.`;
  throw new AppError('parse', message, [{ field: 'separator', message }]);
}
